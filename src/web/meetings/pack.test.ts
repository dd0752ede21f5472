import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highlightReports } from '../../db/schema.ts';
import { docxText, normaliseSpace, pdfText } from '../../reports/text-readback.ts';
import { paths } from '../paths.ts';
import { recordSeptember, setUpMeetings } from '../../../test/helpers/meeting-builders.ts';

test('the next meeting’s pack carries the action log, frozen when the papers are issued', async (t) => {
  const { db, september, october, priority, people, as } = await setUpMeetings(t);
  const manager = await as(people.programmeManager);
  const { actionUrl } = await recordSeptember(manager, september.id, people.sponsor.id);
  await db
    .insert(highlightReports)
    .values({ meetingId: october.id, priorityId: priority.id, state: 'approved' });

  const draft = await manager.get(paths.boardPack(october.id, 'html'));
  assert.equal(draft.statusCode, 200);
  assert.match(draft.body, /Action log/);
  assert.match(draft.body, /Report back on return home interviews \(Deep dive: children who go missing\)/);
  const docx = await docxText((await manager.get(paths.boardPack(october.id, 'docx'))).rawPayload);
  assert.match(docx, /Report back on return home interviews/);
  const pdf = normaliseSpace(
    await pdfText((await manager.get(paths.boardPack(october.id, 'pdf'))).rawPayload),
  );
  assert.match(pdf, /Report back on return home interviews/);

  await manager.get(paths.meeting(october.id));
  assert.equal((await manager.post(paths.issuePapers(october.id), {})).statusCode, 303);
  // Closing the action after issue leaves the issued papers as they were.
  const closeForm = await manager.get(paths.closeAction(actionUrl.split('/').pop()!));
  const version = /name="version" value="(\d+)"/.exec(closeForm.body)![1]!;
  await manager.post(paths.closeAction(actionUrl.split('/').pop()!), {
    status: 'dropped',
    note: '',
    version,
  });
  const issued = await manager.get(paths.boardPack(october.id, 'html'));
  assert.match(issued.body, /Report back on return home interviews/);
  assert.match(issued.body, /<td>Open<\/td>/);
  const api = (await manager.get(paths.api.meetingPack(october.id))).json<{
    actionLog: { description: string; status: string; owner: string }[];
  }>();
  assert.deepEqual(
    api.actionLog.map((a) => [a.description, a.status, a.owner]),
    [['Report back on return home interviews', 'open', 'Sam Sponsor']],
  );
});
