/*
 * Every public text of a plan with its plain version and reading ages: the programme office's list
 * of what still needs a plain version and what reads above the council's target. Pure.
 */
import { findUnknownAcronyms, type Glossary } from '../glossary.ts';
import { readability } from '../readability.ts';

export interface PlainText {
  recordType: 'priority' | 'commitment' | 'outcome';
  recordId: number;
  label: string;
  original: string;
  plain: string;
  originalAge: number | null;
  plainAge: number | null;
  /** The text a child would read is above the council's target. */
  aboveTarget: boolean;
}

export interface PlainLanguageRows {
  planId: number;
  targetReadingAge: number;
  /** In plan order. */
  priorities: readonly { id: number; number: number; title: string; plainTitle: string }[];
  /** In position order. */
  commitments: readonly { id: number; priorityId: number; text: string; plainText: string }[];
  /** In position order. */
  outcomes: readonly { id: number; commitmentId: number; text: string; plainText: string }[];
  glossary: Glossary;
}

export interface PlainLanguageList {
  planId: number;
  target: number;
  texts: PlainText[];
  missing: PlainText[];
  aboveTarget: PlainText[];
  unknownAcronyms: string[];
}

const age = (text: string) => {
  const score = readability(text).readingAge;
  return score === null ? null : Math.max(5, Math.round(score));
};

export function plainLanguageList(rows: PlainLanguageRows): PlainLanguageList {
  const target = rows.targetReadingAge;
  const item = (
    recordType: PlainText['recordType'],
    recordId: number,
    label: string,
    original: string,
    plain: string,
  ): PlainText => {
    const originalAge = age(original);
    const plainAge = plain.trim() ? age(plain) : null;
    const shown = plain.trim() ? plainAge : originalAge;
    return {
      recordType,
      recordId,
      label,
      original,
      plain,
      originalAge,
      plainAge,
      aboveTarget: shown !== null && shown > target,
    };
  };
  const texts: PlainText[] = [];
  for (const p of rows.priorities) {
    texts.push(item('priority', p.id, `Priority ${p.number}`, p.title, p.plainTitle));
    for (const [i, c] of rows.commitments.filter((c) => c.priorityId === p.id).entries()) {
      texts.push(item('commitment', c.id, `We said ${p.number}.${i + 1}`, c.text, c.plainText));
      for (const o of rows.outcomes.filter((o) => o.commitmentId === c.id))
        texts.push(item('outcome', o.id, `We did ${p.number}.${i + 1}`, o.text, o.plainText));
    }
  }
  const unknownAcronyms = findUnknownAcronyms(
    texts.map((t) => `${t.original}\n\n${t.plain}`).join('\n\n'),
    rows.glossary,
  );
  return {
    planId: rows.planId,
    target,
    texts,
    missing: texts.filter((t) => t.plain.trim() === ''),
    aboveTarget: texts.filter((t) => t.aboveTarget),
    unknownAcronyms,
  };
}
