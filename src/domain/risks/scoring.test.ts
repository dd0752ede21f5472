import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  defaultRiskSettings,
  isAboveThreshold,
  onScale,
  rateRisk,
  riskBand,
  riskDirection,
  settingsProblems,
} from './scoring.ts';

test('a risk is scored likelihood times impact and banded on the default 5 × 5 scale', () => {
  assert.deepEqual(rateRisk(1, 1, defaultRiskSettings), { score: 1, band: 'low' });
  assert.deepEqual(rateRisk(2, 2, defaultRiskSettings), { score: 4, band: 'low' });
  assert.deepEqual(rateRisk(5, 1, defaultRiskSettings), { score: 5, band: 'medium' });
  assert.deepEqual(rateRisk(3, 3, defaultRiskSettings), { score: 9, band: 'medium' });
  assert.deepEqual(rateRisk(2, 5, defaultRiskSettings), { score: 10, band: 'high' });
  assert.deepEqual(rateRisk(5, 3, defaultRiskSettings), { score: 15, band: 'high' });
  assert.deepEqual(rateRisk(4, 4, defaultRiskSettings), { score: 16, band: 'very-high' });
  assert.deepEqual(rateRisk(5, 5, defaultRiskSettings), { score: 25, band: 'very-high' });
});

test('bands follow the council’s own thresholds', () => {
  const threeByThree = { scaleSize: 3, mediumFrom: 3, highFrom: 5, veryHighFrom: 9, threshold: 6 };
  assert.equal(riskBand(2, threeByThree), 'low');
  assert.equal(riskBand(4, threeByThree), 'medium');
  assert.equal(riskBand(6, threeByThree), 'high');
  assert.equal(riskBand(9, threeByThree), 'very-high');
  assert.equal(onScale(3, threeByThree), true);
  assert.equal(onScale(4, threeByThree), false);
  assert.equal(onScale(0, defaultRiskSettings), false);
  assert.equal(onScale(2.5, defaultRiskSettings), false);
});

test('a risk at or above the threshold goes to the board', () => {
  assert.equal(isAboveThreshold(11, defaultRiskSettings), false);
  assert.equal(isAboveThreshold(12, defaultRiskSettings), true);
  assert.equal(isAboveThreshold(20, defaultRiskSettings), true);
});

test('direction of travel compares the residual score with the last review’s', () => {
  assert.equal(riskDirection(null, 12), 'new');
  assert.equal(riskDirection(9, 12), 'worse');
  assert.equal(riskDirection(12, 12), 'same');
  assert.equal(riskDirection(16, 12), 'better');
});

test('settings must rise band by band within the largest score', () => {
  assert.deepEqual(settingsProblems(defaultRiskSettings), []);
  assert.deepEqual(
    settingsProblems({ ...defaultRiskSettings, scaleSize: 12 }).map((p) => p.field),
    ['scaleSize'],
  );
  assert.deepEqual(
    settingsProblems({ ...defaultRiskSettings, highFrom: 5 }).map((p) => p.message),
    ['High must start above medium'],
  );
  assert.deepEqual(
    settingsProblems({ scaleSize: 3, mediumFrom: 5, highFrom: 10, veryHighFrom: 16, threshold: 12 }).map(
      (p) => p.field,
    ),
    ['highFrom', 'veryHighFrom', 'threshold'],
  );
});
