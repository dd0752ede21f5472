/**
 * Whether a document is minutes or an inspection letter, from its layout and opening: minutes have
 * attendance labels, a "Minutes:" label or a council website's "Agenda item" furniture; a letter or
 * report opens by naming an Ofsted inspection or visit. Each gets its rule (MinutesRule, LetterRule).
 */
import type { StructureBlock } from '../../domain/document-structure.ts';
import type { LetterRule, MinutesRule } from '../../domain/import-mapping.ts';
import { inspectionKindOf } from '../../domain/inspections/letter-opening.ts';

const present = ['Present', 'Attendees', 'Attending', 'Members present', 'Also present', 'In attendance'];
const officers = ['Officers in attendance', 'Officers present', 'Officers'];
const apologies = ['Apologies', 'Apologies for absence', 'Apologies received', 'Absent'];
const furniture = ['Minutes', 'Additional documents', 'Minute', 'Notes'];

export const minutesRule: MinutesRule = {
  attendance: [
    { labels: [...present, ...officers], attendance: 'present' },
    { labels: apologies, attendance: 'apologies' },
  ],
  furniture,
};

export const letterRule: LetterRule = {
  focus: { anyOf: ['Areas covered by the visit', 'Focus of the visit', 'Areas covered'], how: 'starts' },
  strengths: {
    anyOf: ['Strengths', 'What is working well', 'What is good', 'Areas of strength'],
    how: 'starts',
  },
  improvements: {
    anyOf: [
      'What needs to improve',
      'Areas for improvement',
      'Areas for development',
      'Areas for priority action',
    ],
    how: 'starts',
  },
};

const textOf = (b: StructureBlock) =>
  b.type === 'label-value'
    ? `${b.label}: ${b.value}`
    : b.type === 'heading' || b.type === 'paragraph'
      ? b.text
      : '';

export function looksLikeMinutes(blocks: readonly StructureBlock[]): boolean {
  const labels = [...present, ...officers, ...apologies, 'Minutes'].map((l) => l.toLowerCase());
  if (blocks.some((b) => b.type === 'label-value' && labels.includes(b.label.trim().toLowerCase())))
    return true;
  const first = blocks[0] ? textOf(blocks[0]).trim().toLowerCase() : '';
  if (first === 'agenda item' || first === 'issue - meetings') return true;
  return blocks.slice(0, 6).some((b) => /\bminutes:$/i.test(textOf(b).trim()));
}

/** Ofsted's own words: a letter or report says so, or names its inspectors and dates. */
const ofstedWords =
  /\b(this letter|inspection dates?|report published|(his|her) majesty['’]s inspectors?|HMIs?|inspectors (found|saw|reviewed|considered|evaluated))\b/i;

export function looksLikeLetter(blocks: readonly StructureBlock[]): boolean {
  const opening = blocks.slice(0, 8).map(textOf);
  if (ofstedWords.test(opening.join(' '))) return true;
  // A report's title names the inspection; a council's response to it names its plan.
  const title = opening.find((t) => t.trim().length > 3) ?? '';
  return inspectionKindOf(title) !== undefined && !/\b(plan|response|update|action)\b/i.test(title);
}

/** The minutes or letter rule a document's layout calls for, if either. */
export function suggestProse(blocks: readonly StructureBlock[]): {
  minutes?: MinutesRule;
  letter?: LetterRule;
} {
  if (looksLikeMinutes(blocks)) return { minutes: minutesRule };
  if (looksLikeLetter(blocks)) return { letter: letterRule };
  return {};
}
