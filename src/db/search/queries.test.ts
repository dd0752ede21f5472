import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { commitments, priorities } from '../schema.ts';
import { can, type PolicyUser } from '../../domain/policies.ts';
import { highlightStart, highlightStop, snippetHtml } from '../../domain/search.ts';
import { testDatabase } from '../../../test/helpers/database.ts';
import { buildCommitment, buildPriority } from '../../../test/helpers/builders.ts';
import { buildSearchWorld } from '../../../test/helpers/search-builders.ts';
import { readScopeKey, searchCouncil, type ReadPolicy } from './queries.ts';

async function setUp(t: { after: (fn: () => Promise<void>) => void }) {
  const database = await testDatabase();
  t.after(() => database.close());
  const world = await buildSearchWorld(database.db);
  const search = (
    text: string,
    user: PolicyUser = world.people.viewer,
    extra: { page?: number; may?: ReadPolicy } = {},
  ) =>
    searchCouncil(database.db, {
      organisationId: world.organisationId,
      user,
      text,
      page: extra.page ?? 1,
      pageSize: 50,
      may: extra.may,
    });
  return { db: database.db, world, search };
}

const keys = (hits: { type: string; id: number }[]) => hits.map((h) => `${h.type}:${h.id}`).sort();

test('one search finds every kind of record, stemmed: "audits" finds audit, audited and auditing', async (t) => {
  const { world, search } = await setUp(t);
  const found = await search('audits');
  assert.deepEqual(
    keys(found.hits),
    [
      `commitment:${world.auditCommitment.id}`,
      `highlight-report:${world.report.report.id}`,
      `improvement-area:${world.auditArea.id}`,
      `measure:${world.measure.id}`,
      `outcome:${world.auditOutcome.id}`,
      `plan:${world.auditPlan.id}`,
      `priority:${world.auditPriority.id}`,
      `risk:${world.risk.id}`,
    ].sort(),
  );
  assert.equal(found.total, 8);
  // An outcome opens on its commitment's page; the report is one result though its reason and item match.
  assert.equal(found.hits.find((h) => h.type === 'outcome')!.linkId, world.auditCommitment.id);
  assert.equal(found.hits.filter((h) => h.type === 'highlight-report').length, 1);
  const report = found.hits.find((h) => h.type === 'highlight-report')!;
  assert.equal(report.title, 'Priority 2: Leadership and workforce – highlight report');
  assert.equal(report.context, 'Meeting of 15 October 2024');
});

test('a word in the title ranks above the same word in the body', async (t) => {
  const { db, world, search } = await setUp(t);
  const inBody = await buildPriority(db, world.plan, {
    number: 9,
    title: 'Early help',
    ambition: 'Families get help from the safeguarding partnership early.',
  });
  const inTitle = await buildPriority(db, world.plan, { number: 8, title: 'Safeguarding partnership' });
  const found = await search('safeguarding partnership');
  assert.deepEqual(
    found.hits.map((h) => h.id),
    [inTitle.id, inBody.id],
  );
  assert.ok(found.hits[0]!.rank > found.hits[1]!.rank);
});

test('phrases, "or" and -not are read as people write them in a search box', async (t) => {
  const { world, search } = await setUp(t);
  assert.deepEqual(
    keys((await search('"case files" -twenty')).hits),
    [
      `improvement-area:${world.auditArea.id}`,
      `measure:${world.measure.id}`,
      `outcome:${world.auditOutcome.id}`,
      `risk:${world.risk.id}`,
    ].sort(),
  );
  assert.deepEqual(
    keys((await search('supervision or induction')).hits),
    [`commitment:${world.commitment.id}`, `highlight-report:${world.report.report.id}`].sort(),
  );
  // Only stop words or punctuation: nothing to look for, nothing found.
  assert.equal((await search('the of and')).total, 0);
  assert.equal((await search('!!! &&')).total, 0);
});

test('archived records, and those under an archived priority, are left out', async (t) => {
  const { db, world, search } = await setUp(t);
  const archivedAt = new Date('2024-09-30T12:00:00Z');
  await db.update(commitments).set({ archivedAt }).where(eq(commitments.id, world.auditCommitment.id));
  let found = keys((await search('audits')).hits);
  assert.ok(!found.includes(`commitment:${world.auditCommitment.id}`));
  // Its outcome went with it.
  assert.ok(!found.includes(`outcome:${world.auditOutcome.id}`));
  await db.update(priorities).set({ archivedAt }).where(eq(priorities.id, world.auditPriority.id));
  found = keys((await search('audits')).hits);
  assert.ok(!found.includes(`priority:${world.auditPriority.id}`));
  assert.ok(!found.includes(`improvement-area:${world.auditArea.id}`));
});

test('another council’s records are never returned, and its people see only their own', async (t) => {
  const { db, world, search } = await setUp(t);
  const found = await search('Otherton audit');
  assert.equal(found.total, 0);
  const theirs = await searchCouncil(db, {
    organisationId: world.otherCouncil.organisationId,
    user: world.otherCouncil.person,
    text: 'audits',
    page: 1,
    pageSize: 50,
  });
  assert.deepEqual(
    keys(theirs.hits),
    [
      `commitment:${world.otherCouncil.commitment.id}`,
      `plan:${world.otherCouncil.plan.id}`,
      `priority:${world.otherCouncil.priority.id}`,
    ].sort(),
  );
});

test('a read rule that needs sponsorship limits results to the person’s own priorities', async (t) => {
  const { world, search } = await setUp(t);
  // As if sponsors could read only what sits under priorities they sponsor.
  const stricter: ReadPolicy = (user, action, resource) =>
    user.role === 'sponsor'
      ? (resource.sponsorUserIds?.includes(user.id) ?? false)
      : can(user, action, resource);
  const sponsor = world.people.sponsor;
  const own = keys((await search('audits', sponsor, { may: stricter })).hits);
  assert.deepEqual(
    own,
    [
      `commitment:${world.auditCommitment.id}`,
      `improvement-area:${world.auditArea.id}`,
      `outcome:${world.auditOutcome.id}`,
      `priority:${world.auditPriority.id}`,
    ].sort(),
  );
  const other = keys((await search('audits', world.people.otherSponsor, { may: stricter })).hits);
  assert.deepEqual(
    other,
    [
      `highlight-report:${world.report.report.id}`,
      `measure:${world.measure.id}`,
      `risk:${world.risk.id}`,
    ].sort(),
  );
  // Nobody may read anything: nothing, without a query.
  assert.deepEqual(await search('audits', sponsor, { may: () => false }), { total: 0, hits: [] });
});

test('results are paged with the count of them all', async (t) => {
  const { db, world, search } = await setUp(t);
  for (let i = 0; i < 55; i++)
    await buildCommitment(db, world.organisationId, world.priority.id, {
      text: `Fostering review number ${i}`,
    });
  const first = await search('fostering');
  assert.equal(first.total, 55);
  assert.equal(first.hits.length, 50);
  const second = await search('fostering', world.people.viewer, { page: 2 });
  assert.equal(second.total, 55);
  assert.equal(second.hits.length, 5);
  assert.equal(new Set([...first.hits, ...second.hits].map((h) => h.id)).size, 55);
  const beyond = await search('fostering', world.people.viewer, { page: 3 });
  assert.deepEqual(beyond, { total: 55, hits: [] });
});

test('the snippet marks the matches, and stored text can neither add marks nor markup', async (t) => {
  const { db, world, search } = await setUp(t);
  await buildCommitment(db, world.organisationId, world.priority.id, {
    text: `<script>alert(1)</script> Kinship ${highlightStart}carers${highlightStop} & "friends" <b onclick="x">`,
  });
  const [hit] = (await search('kinship')).hits;
  assert.ok(hit);
  assert.equal(hit.headline.split(highlightStart).length, 2, 'one mark, round "Kinship" only');
  const html = snippetHtml(hit.headline);
  assert.match(html, /<mark>Kinship<\/mark>/);
  assert.doesNotMatch(html, /<(?!\/?mark>)/);
  assert.match(html, /carers &amp; &quot;friends&quot;/);
});

test('kept results are shared by read scope, which names the person only when it is their own priorities', async (t) => {
  const { world } = await setUp(t);
  const stricter: ReadPolicy = (user, action, resource) =>
    user.role === 'sponsor'
      ? (resource.sponsorUserIds?.includes(user.id) ?? false)
      : can(user, action, resource);
  const { sponsor, otherSponsor, viewer } = world.people;
  assert.notEqual(readScopeKey(sponsor, stricter), readScopeKey(otherSponsor, stricter));
  assert.match(readScopeKey(sponsor, stricter), new RegExp(`sponsor ${sponsor.id}$`));
  // Everyone who may read every row of the council shares one key.
  assert.equal(readScopeKey(sponsor), readScopeKey(otherSponsor));
  assert.equal(readScopeKey(viewer, stricter), readScopeKey(viewer));
  assert.doesNotMatch(readScopeKey(viewer), /sponsor/);
});
