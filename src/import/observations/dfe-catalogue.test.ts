import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { sharedFile } from '../../../test/helpers/shared.ts';
import { readObservationFile } from './read.ts';
import type { LoadContext } from './types.ts';

const context: LoadContext = { measures: new Map(), council: null, organisationName: 'Tameside' };

test('DfE’s dashboard list is read as the indicator catalogue, each under its outcome or enabler', async () => {
  const file = sharedFile('corpus', 'data', 'summary_page_metadata.csv');
  const parsed = await readObservationFile(readFileSync(file), 'summary_page_metadata.csv', context);
  assert.equal(parsed.layout, 'dfe-indicator-catalogue');
  assert.deepEqual(parsed.errors, []);
  assert.equal(parsed.rows, 68);
  assert.equal(parsed.catalogue?.length, 68);
  assert.equal(parsed.observations.length, 0);
  const byOutcome: Record<string, number> = {};
  for (const i of parsed.catalogue ?? [])
    byOutcome[String(i.outcome)] = (byOutcome[String(i.outcome)] ?? 0) + 1;
  // As DfE's dashboard files them (the corpus notes give the same counts).
  assert.deepEqual(byOutcome, {
    'stay-together': 22,
    safe: 20,
    'family-network': 2,
    'stable-homes': 11,
    leaders: 7,
    workforce: 6,
  });
  // The row whose R filter quotes inside an unquoted cell, which strict CSV refuses.
  const homes = parsed.catalogue?.find((i) => i.sortOrder === 49);
  assert.deepEqual(homes?.filters, { characteristic: "Secure homes and children's homes" });
  assert.equal(homes?.unit, 'percentage');
  const first = parsed.catalogue?.[0];
  assert.equal(first?.valueColumn, 'At31_episodes_rate');
  assert.equal(first?.unit, 'rate-per-10000');
  assert.equal(new Set(parsed.catalogue?.map((i) => i.code)).size, 68, 'every indicator has its own code');
});

test('DfE’s LAIT data dictionary is refused, saying what it is', async () => {
  const file = sharedFile('corpus', 'data', 'lait_data_dictionary__csc_topics_rows.csv');
  const parsed = await readObservationFile(readFileSync(file), 'lait.csv', context);
  assert.equal(parsed.layout, 'lait-data-dictionary');
  assert.equal(parsed.errors.length, 1);
  assert.match(parsed.errors[0]!.message, /LAIT data dictionary.*holds no figures/);
});
