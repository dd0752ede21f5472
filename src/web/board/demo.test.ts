import { testClock } from '../../../test/helpers/clock.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findMeetingsOn } from '../../db/board/queries.ts';
import { ensureOrganisation } from '../../db/people/commands.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { buildUser } from '../../../test/helpers/builders.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { paths } from '../paths.ts';

test('the demo has the seed pack as the Improvement Board meeting of 10 September 2024, with its pack and RAG history', async (t) => {
  const { app, database } = await testApp(t);
  const db = database.db;
  const organisationId = await ensureOrganisation(db, 'Tameside Metropolitan Borough Council');
  await loadDemo(db, organisationId, testClock());
  const person = await buildUser(db, 'board-member', { organisationId });
  const client = new TestClient(app);
  await client.signIn(person.email, person.password);

  const [found] = await findMeetingsOn(db, organisationId, '2024-09-10');
  assert.equal(found?.board.name, 'Improvement Board');
  const meeting = await client.get(paths.meeting(found.meeting.id));
  assert.equal(meeting.statusCode, 200);
  assert.match(meeting.body, /Meeting of 10 September 2024/);
  assert.match(meeting.body, /4\. Leadership and Workforce/);
  assert.doesNotMatch(meeting.body, /Open the reporting cycle/);

  const api = (await client.get(paths.api.highlightReports({ meeting: '2024-09-10' }))).json<{
    items: {
      priority: { number: number };
      currentRag: string;
      state: string;
      evidenceWarnings: { kind: string }[];
    }[];
  }>();
  // Only priority 4's RAG contradicts its reason; other warnings (a scorecard measure off target) may appear too.
  const mismatch = (i: (typeof api.items)[number]) =>
    i.evidenceWarnings.some((w) => w.kind === 'rag-reason-mismatch');
  assert.deepEqual(
    api.items.map((i) => [i.priority.number, i.currentRag, i.state, mismatch(i)]),
    [
      [1, 'amber', 'approved', false],
      [2, 'amber', 'approved', false],
      [3, 'amber', 'approved', false],
      [4, 'green', 'approved', true],
    ],
  );

  const html = await client.get(paths.boardPack(found.meeting.id, 'html'));
  assert.equal(html.statusCode, 200);
  assert.match(html.body, /Your Infant Feeding offer is excellent/);
  const planId = found.board.planId!;
  const history = await client.get(paths.planRagHistory(planId));
  assert.match(
    history.body,
    /4\. Leadership and Workforce<\/th><td class="govuk-table__cell">Green \(On Plan\)<\/td>/,
  );
});
