import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ensureOrganisation } from '../db/people/commands.ts';
import { listPlans } from '../db/plan/queries.ts';
import { listPublications } from '../db/publishing/queries.ts';
import { hardParts, readingAgeYears } from '../domain/readability.ts';
import { plainLanguageList } from '../web/publishing/plain-list.ts';
import { paths } from '../web/paths.ts';
import { testApp } from '../../test/helpers/app.ts';
import { testClock } from '../../test/helpers/clock.ts';
import { demoDate } from './demo-date.ts';
import { loadDemo } from './load-demo.ts';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };

/**
 * Every text a reader meets in a page's main content, one per block (paragraph, heading, summary,
 * meaning, list item, cell): inline marks such as <dfn> stay inside their sentence.
 */
export function pageTexts(html: string): string[] {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main
    .replace(/<svg[\s\S]*?<\/svg>/g, '\n')
    .replace(
      /<\/?(p|h[1-6]|summary|div|li|td|th|caption|section|details|ul|dl|dd|dt|table|tr)\b[^>]*>/g,
      '\n',
    )
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => entities[e]!)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => /\p{L}/u.test(line));
}

// The app runs on the demo's date whatever date the suite runs at.
test('every text on the demo’s public easy read pages has a reading age of 11 or under by the formula', async (t) => {
  const { app, database } = await testApp(t, { WESAID_TODAY: demoDate });
  const db = database.db;
  const organisationId = await ensureOrganisation(db, 'Tameside Metropolitan Borough Council');
  await loadDemo(db, organisationId, testClock(demoDate));

  // Every public text of both published plans has a plain version at or under the target.
  const published = await listPublications(db, organisationId);
  assert.equal(published.length, 2);
  for (const plan of (await listPlans(db, organisationId)).filter((p) =>
    published.some((pub) => pub.planId === p.id),
  )) {
    const list = await plainLanguageList(db, organisationId, plan.id);
    assert.deepEqual(
      list.missing.map((m) => m.original),
      [],
      plan.title,
    );
    assert.deepEqual(
      list.aboveTarget.map((m) => m.plain),
      [],
      plan.title,
    );
    // Plain versions have no acronyms.
    for (const text of list.texts) assert.deepEqual(hardParts(text.plain).acronyms, [], text.plain);
  }

  const urls = [
    paths.public.childFriendly(),
    ...published.map((p) => paths.public.publicationChildFriendly(p.id)),
  ];
  for (const url of urls) {
    const page = await app.inject({ url });
    assert.equal(page.statusCode, 200, url);
    const texts = pageTexts(page.body);
    assert.ok(texts.length > 60, `${url}: ${texts.length} texts`);
    const hard = texts.map((text) => ({ text, age: readingAgeYears(text)! })).filter(({ age }) => age > 11);
    assert.deepEqual(hard, [], url);
    // The ages the page shows are the formula's, and none is above 11.
    const shown = [...page.body.matchAll(/Reading age (\d+)/g)].map((m) => Number(m[1]));
    assert.ok(shown.length > 30, url);
    assert.ok(
      shown.every((age) => age <= 11),
      `${url}: ${shown.filter((a) => a > 11).join(', ')}`,
    );
    assert.doesNotMatch(page.body, /Harder to read/);
    assert.match(page.body, /Every part is as easy as that/);
  }

  // The current easy read: large type, a picture with words for each priority, words explained.
  const body = (await app.inject({ url: paths.public.childFriendly() })).body;
  assert.match(body, /class="app-easy-read"/);
  const pictures = [...body.matchAll(/<svg class="app-easy-read__picture" role="img" aria-label="([^"]+)"/g)];
  assert.deepEqual(
    pictures.map((m) => m[1]),
    ['A heart', 'Two speech bubbles', 'A house', 'Three people standing together'],
  );
  assert.match(body, /<dfn class="app-easy-read__word">partners<\/dfn>/);
  assert.match(
    body,
    /What does ‘partners’ mean\?<\/span><\/summary>\s*<div class="govuk-details__text">The groups we work with, like the police, schools and doctors\.<\/div>/,
  );
  // A word is explained once, where it first appears.
  assert.equal(body.match(/What does ‘partners’ mean\?/g)?.length, 1);
  // No image is fetched: the pictures are drawn in the page.
  assert.doesNotMatch(body, /<img\b/);
});

test('pageTexts reads a page’s blocks, keeping inline marks inside their sentence', () => {
  assert.deepEqual(
    pageTexts(
      '<header>Skip</header><main><h1>Hello</h1><p>We met our <dfn>partners</dfn> &amp; friends.</p><svg><title>A star</title></svg><td>12</td></main>',
    ),
    ['Hello', 'We met our partners & friends.'],
  );
});
