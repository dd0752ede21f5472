/**
 * A reform programme's expectations in the board pack: each expectation with its status and what
 * meets it in the plan, and how many are met. Assembled into words once (packExpectations), then
 * laid out as one register (expectationsView), so HTML, DOCX and PDF print the same summary.
 */
import {
  expectationCounts,
  expectationStatusNames,
  expectationStrengthNames,
  groupExpectations,
  type ExpectationStatus,
  type ExpectationStrength,
} from '../../domain/programmes/expectations.ts';
import type { BoardPackExpectations } from './types.ts';
import type { RegisterView } from './view.ts';
import { wording } from './wording.ts';

/** An expectation as src/db/programmes reads it, with the names of what evidences it. */
export interface PackExpectationRows {
  text: string;
  strength: ExpectationStrength;
  reference: string;
  status: ExpectationStatus;
  evidence: string;
  commitments: readonly string[];
  measures: readonly string[];
}

/** Required first, then recommended, each in the order they were added. */
export function packExpectations(rows: readonly PackExpectationRows[]): BoardPackExpectations {
  return {
    ...expectationCounts(rows),
    items: groupExpectations(rows).flatMap((group) =>
      group.items.map((e) => ({
        text: e.text,
        strength: expectationStrengthNames[e.strength],
        reference: e.reference,
        status: expectationStatusNames[e.status],
        met: e.status === 'met',
        evidence: e.evidence,
        commitments: [...e.commitments],
        measures: [...e.measures],
      })),
    ),
  };
}

/** `planTitle` names the plan in the heading when the pack covers several. */
export function expectationsView(e: BoardPackExpectations, id: string, planTitle?: string): RegisterView {
  const c = wording.expectationColumns;
  const met = e.items.filter((i) => i.met).length;
  const meetsIt = (i: BoardPackExpectations['items'][number]) =>
    [
      ...i.commitments.map((text) => `${wording.expectationCommitment}: ${text}`),
      ...i.measures.map((name) => `${wording.expectationMeasure}: ${name}`),
    ].join('; ') || wording.nothingLinked;
  return {
    id,
    heading: wording.expectations(planTitle),
    intro: wording.expectationsIntro,
    facts: [
      { label: wording.expectationFacts.required, value: `${e.requiredMet} of ${e.required} met` },
      { label: wording.expectationFacts.recommended, value: `${e.recommendedMet} of ${e.recommended} met` },
      { label: wording.expectationFacts.met, value: String(met) },
      { label: wording.expectationFacts.notMet, value: String(e.items.length - met) },
    ],
    caption: wording.expectationsCaption,
    columns: [c.expectation, c.strength, c.status, c.meetsIt, c.evidence],
    wideColumns: [0, 3, 4],
    rows: e.items.map((i) => [
      i.reference ? `${i.text} (${i.reference})` : i.text,
      i.strength,
      i.status,
      meetsIt(i),
      i.evidence || wording.noEvidenceYet,
    ]),
    empty: wording.noExpectations,
  };
}
