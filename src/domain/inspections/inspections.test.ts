import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  areaName,
  focusAreasOf,
  frameworkByCode,
  frameworkInForce,
  hasFocus,
  isGraded,
  matchesFocus,
} from './index.ts';
import { frameworkOutcomeLabel, frameworkOutcomes, isFrameworkOutcome } from '../national-framework.ts';

test('the framework in force follows the date: SIF, ILACS, care leavers apart from 2023, no overall grade from April 2026', () => {
  assert.equal(frameworkInForce('2013-01-01'), undefined);
  assert.equal(frameworkInForce('2016-09-12')?.code, 'sif');
  assert.equal(frameworkInForce('2019-03-04')?.code, 'ilacs-2018');
  assert.equal(frameworkInForce('2023-12-04')?.code, 'ilacs-2023');
  assert.equal(frameworkInForce('2026-03-31')?.code, 'ilacs-2023');
  assert.equal(frameworkInForce('2026-04-01')?.code, 'ilacs-2026');

  const areas = (code: string) => frameworkByCode(code)!.areas.map((a) => a.code);
  assert.ok(areas('ilacs-2018').includes('children-in-care-and-care-leavers'));
  assert.ok(!areas('ilacs-2018').includes('care-leavers'));
  assert.ok(areas('ilacs-2023').includes('care-leavers') && areas('ilacs-2023').includes('children-in-care'));
  const overall = (code: string) =>
    frameworkByCode(code)!.areas.find((a) => a.code === 'overall-effectiveness');
  assert.equal(overall('ilacs-2023')?.optional, false);
  assert.equal(overall('ilacs-2026')?.optional, true);
  assert.equal(areaName('sif', 'leadership'), 'Leadership, management and governance');
  assert.equal(areaName('ilacs-2023', 'unknown-area'), 'unknown-area');
});

test('inspections are graded; visits have a focus', () => {
  assert.equal(isGraded('ilacs-standard'), true);
  assert.equal(isGraded('monitoring-visit'), false);
  assert.equal(hasFocus('monitoring-visit'), true);
  assert.equal(hasFocus('sif-inspection'), false);
});

test('a focus is matched to the plan’s words, whole acronyms only', () => {
  const areas = focusAreasOf('Care leavers, and the front door');
  assert.deepEqual(
    areas.map((a) => a.name),
    ['The front door', 'Care leavers'],
  );
  assert.equal(matchesFocus(areas, 'Improve the quality of referrals into the MASH'), true);
  assert.equal(matchesFocus(areas, 'More personal advisers for care leavers'), true);
  assert.equal(matchesFocus(areas, 'Recruit foster carers'), false);
  const cin = focusAreasOf('children in need and child protection');
  assert.equal(matchesFocus(cin, 'CIN visits on time'), true);
  assert.equal(matchesFocus(cin, 'A vaccine clinic'), false);
  assert.deepEqual(focusAreasOf('Something else entirely'), []);
});

test('the National Framework has four outcomes and three enablers', () => {
  assert.equal(frameworkOutcomes.length, 7);
  assert.equal(isFrameworkOutcome('safe'), true);
  assert.equal(isFrameworkOutcome('unsafe'), false);
  assert.equal(frameworkOutcomeLabel('multi-agency'), 'Enabler: Agencies work together');
  assert.match(frameworkOutcomeLabel('stable-homes'), /^Outcome: Children in care and care leavers/);
});
