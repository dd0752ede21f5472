import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { commitments, priorities } from '../../db/schema.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { testApp } from '../../../test/helpers/app.ts';
import {
  buildArea,
  buildCommitment,
  buildOutcome,
  buildPlanWithPeople,
} from '../../../test/helpers/builders.ts';
import { paths } from '../paths.ts';
import { reachSentence } from './archive-pages.ts';

async function setUp(t: import('node:test').TestContext) {
  const { app, database } = await testApp(t);
  const world = await buildPlanWithPeople(database.db);
  const as = async (person: { email: string; password: string }) => {
    const client = new TestClient(app);
    await client.signIn(person.email, person.password);
    return client;
  };
  return { app, db: database.db, ...world, as };
}

const versionOn = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1];

test('archiving a commitment takes it out of the plan, keeps its page with a banner, and restoring brings it back', async (t) => {
  const { plan, commitment, priority, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  const overview = async () => (await manager.get(paths.plan(plan.id))).body;
  const list = async () => (await manager.get(paths.planCommitments(plan.id))).body;
  assert.match(await list(), /We will introduce a new staff induction\./);
  assert.match(await overview(), /2 commitments/);

  const page = await manager.get(paths.commitment(commitment.id));
  assert.match(page.body, new RegExp(`href="${paths.archiveRecord('commitment', commitment.id)}"`));
  const confirm = await manager.get(paths.archiveRecord('commitment', commitment.id));
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /Are you sure you want to archive this commitment\?/);
  assert.match(confirm.body, /Archiving this commitment hides nothing else\./);
  const archived = await manager.post(paths.archiveRecord('commitment', commitment.id), {
    version: versionOn(confirm.body)!,
  });
  assert.equal(archived.statusCode, 303);
  assert.equal(archived.headers.location, paths.priority(priority.id));
  assert.match((await manager.get(archived.headers.location)).body, /Commitment archived/);

  assert.doesNotMatch(await list(), /We will introduce a new staff induction\./);
  assert.match(await overview(), /1 commitment,/);
  const archivedPage = await manager.get(paths.commitment(commitment.id));
  assert.equal(archivedPage.statusCode, 200, 'still reachable by its address');
  assert.match(archivedPage.body, /Archived on \d{1,2} \w+ \d{4} by Test programme-manager/);
  assert.match(archivedPage.body, /Restore commitment/);
  assert.doesNotMatch(archivedPage.body, /href="\/archive\/commitment/);
  assert.match((await manager.get(paths.history('commitment', commitment.id))).body, /Archived by Test/);

  const shelf = await manager.get(paths.archivedRecords(plan.id));
  assert.match(shelf.body, /We will introduce a new staff induction\./);
  assert.match(shelf.body, new RegExp(`action="${paths.restoreRecord('commitment', commitment.id)}"`));

  const restored = await manager.post(paths.restoreRecord('commitment', commitment.id), {
    version: versionOn(archivedPage.body)!,
  });
  assert.equal(restored.statusCode, 303);
  assert.equal(restored.headers.location, paths.commitment(commitment.id));
  const after = await manager.get(paths.commitment(commitment.id));
  assert.match(after.body, /Restored/);
  assert.doesNotMatch(after.body, /id="archived"/);
  assert.doesNotMatch(after.body, /Restore commitment/);
  assert.match(await list(), /We will introduce a new staff induction\./);
  assert.match(await overview(), /2 commitments/);
  assert.match((await manager.get(paths.history('commitment', commitment.id))).body, /Restored by Test/);
  assert.match(
    (await manager.get(paths.archivedRecords(plan.id))).body,
    /Nothing in this plan has been archived/,
  );
});

test('archiving a priority says what goes with it, and its area and commitment pages say why they are hidden', async (t) => {
  const { db, organisationId, plan, priority, area, commitment, people, as } = await setUp(t);
  await buildArea(db, organisationId, priority.id, { title: 'Supervision' });
  await buildCommitment(db, organisationId, priority.id, { text: 'We will audit supervision.' });
  await buildCommitment(db, organisationId, priority.id, { text: 'We will train managers.' });
  await buildOutcome(db, organisationId, commitment.id);
  const sponsor = await as(people.sponsor);
  const confirm = await sponsor.get(paths.archiveRecord('priority', priority.id));
  assert.equal(confirm.statusCode, 200, 'a sponsor may archive a priority they sponsor');
  assert.match(
    confirm.body,
    /Archiving this priority also hides its 2 improvement areas and 3 commitments\./,
  );
  const areaConfirm = await sponsor.get(paths.archiveRecord('improvement-area', area.id));
  assert.match(areaConfirm.body, /Archiving this improvement area also hides its 1 commitment\./);
  const commitmentConfirm = await sponsor.get(paths.archiveRecord('commitment', commitment.id));
  assert.match(commitmentConfirm.body, /Archiving this commitment also hides its 1 outcome\./);

  const archived = await sponsor.post(paths.archiveRecord('priority', priority.id), {
    version: String(priority.version),
  });
  assert.equal(archived.headers.location, paths.plan(plan.id));
  const overview = await sponsor.get(paths.plan(plan.id));
  assert.match(overview.body, /Priority archived/);
  assert.doesNotMatch(overview.body, /1\. Quality of practice/);
  assert.match(overview.body, new RegExp(`href="${paths.archivedRecords(plan.id)}"`));
  const priorityPage = await sponsor.get(paths.priority(priority.id));
  assert.match(priorityPage.body, /Archived on \d{1,2} \w+ \d{4} by Sam Sponsor/);
  assert.match(priorityPage.body, /Restore priority/);
  const areaPage = await sponsor.get(paths.area(area.id));
  assert.match(areaPage.body, /The priority this improvement area sits under is archived/);
  const commitmentPage = await sponsor.get(paths.commitment(commitment.id));
  assert.match(commitmentPage.body, /The priority this commitment sits under is archived/);
  const shelf = await sponsor.get(paths.archivedRecords(plan.id));
  assert.match(shelf.body, /1\. Quality of practice/);
  assert.match(shelf.body, /Restore<span class="govuk-visually-hidden"> 1\. Quality of practice/);
});

test('viewers, board members and other sponsors may not archive or restore; they see no Archive link', async (t) => {
  const { db, plan, commitment, otherCommitment, people, as } = await setUp(t);
  for (const person of [people.viewer, people.boardMember]) {
    const client = await as(person);
    const page = await client.get(paths.commitment(commitment.id));
    assert.doesNotMatch(page.body, /href="\/archive\//, person.role);
    assert.equal((await client.get(paths.archiveRecord('commitment', commitment.id))).statusCode, 403);
    const post = await client.post(paths.archiveRecord('commitment', commitment.id), { version: '1' });
    assert.equal(post.statusCode, 403, person.role);
    const restore = await client.post(paths.restoreRecord('commitment', commitment.id), { version: '1' });
    assert.equal(restore.statusCode, 403, person.role);
    assert.equal((await client.get(paths.archivedRecords(plan.id))).statusCode, 200, 'they may read it');
  }
  const sponsor = await as(people.sponsor);
  await sponsor.get(paths.commitment(otherCommitment.id));
  const other = await sponsor.post(paths.archiveRecord('commitment', otherCommitment.id), { version: '1' });
  assert.equal(other.statusCode, 403, 'not under their own priority');
  const [row] = await db.select().from(commitments).where(eq(commitments.id, commitment.id));
  assert.equal(row!.archivedAt, null);
});

test('an archive at a stale version is answered 409 and asks again; one without the CSRF token is refused', async (t) => {
  const { db, priority, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  const confirm = await manager.get(paths.archiveRecord('priority', priority.id));
  const loaded = versionOn(confirm.body)!;
  const edit = await manager.get(paths.editPriority(priority.id));
  assert.equal(edit.statusCode, 200);
  const saved = await manager.post(paths.editPriority(priority.id), {
    number: '1',
    title: 'Quality of practice, renamed',
    ambition: '',
    impactForChildren: '',
    whatWeWillDo: '',
    sponsorUserId: String(people.sponsor.id),
    version: loaded,
  });
  assert.equal(saved.statusCode, 303);

  const stale = await manager.post(paths.archiveRecord('priority', priority.id), { version: loaded });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /changed this priority/);
  assert.equal(versionOn(stale.body), String(Number(loaded) + 1), 'asks again at the newer version');
  const [row] = await db.select().from(priorities).where(eq(priorities.id, priority.id));
  assert.equal(row!.archivedAt, null);

  const noToken = await manager.post(paths.archiveRecord('priority', priority.id), {
    _csrf: null,
    version: versionOn(stale.body)!,
  });
  assert.equal(noToken.statusCode, 403);
  assert.equal(
    (await db.select().from(priorities).where(eq(priorities.id, priority.id)))[0]!.archivedAt,
    null,
  );

  const again = await manager.post(paths.archiveRecord('priority', priority.id), {
    version: versionOn(stale.body)!,
  });
  assert.equal(again.statusCode, 303);
  const restoreStale = await manager.post(paths.restoreRecord('priority', priority.id), { version: loaded });
  assert.equal(restoreStale.statusCode, 409);
});

test('the API says when a record was archived and leaves archived records out of lists', async (t) => {
  const { app, plan, priority, commitment, people, as } = await setUp(t);
  const manager = await as(people.programmeManager);
  await manager.get(paths.archiveRecord('commitment', commitment.id));
  await manager.post(paths.archiveRecord('commitment', commitment.id), {
    version: String(commitment.version),
  });
  const get = async (url: string) =>
    JSON.parse(
      (await app.inject({ method: 'GET', url, headers: { cookie: manager.cookieHeader } })).body,
    ) as {
      items?: { id: number; archivedAt: string | null }[];
      archivedAt?: string | null;
    };
  const items = (await get(`/api/v1/priorities/${priority.id}/commitments`)).items!;
  assert.ok(!items.some((c) => c.id === commitment.id));
  assert.ok((await get(`/api/v1/commitments/${commitment.id}`)).archivedAt);
  const priorityItems = (await get(`/api/v1/plans/${plan.id}/priorities`)).items!;
  assert.equal(priorityItems.find((p) => p.id === priority.id)!.archivedAt, null);
});

test('the confirmation names what goes with a record in plain words', () => {
  assert.equal(
    reachSentence('priority', { areas: 3, commitments: 12, outcomes: 0 }),
    'Archiving this priority also hides its 3 improvement areas and 12 commitments.',
  );
  assert.equal(
    reachSentence('improvement-area', { areas: 0, commitments: 1, outcomes: 0 }),
    'Archiving this improvement area also hides its 1 commitment.',
  );
  assert.equal(
    reachSentence('outcome', { areas: 0, commitments: 0, outcomes: 0 }),
    'Archiving this outcome hides nothing else.',
  );
});
