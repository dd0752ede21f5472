/*
 * Every public text of a plan with its plain version and reading ages: the programme office's list
 * of what still needs a plain version and what reads above the council's target. Pure.
 */
import { findUnknownAcronyms, type Glossary } from '../glossary.ts';
import { hardParts, readingAgeYears, type HardParts } from '../readability.ts';
import { explainedWords } from './easy-read-words.ts';
import { PageText } from './public-text.ts';
import type { PublishedPlan } from './snapshot.ts';

export interface PlainText {
  recordType: 'priority' | 'commitment' | 'outcome';
  recordId: number;
  label: string;
  original: string;
  plain: string;
  originalAge: number | null;
  plainAge: number | null;
  /** The reading age of the text a child reads: the plain version, or the original without one. */
  shownAge: number | null;
  /** The text a child would read is above the council's target. */
  aboveTarget: boolean;
  /** What makes the text a child reads hard: long sentences, long or rare words, acronyms. */
  hard: HardParts;
  /** The same, as the programme office reads it: "Long or rare words: threshold, viability". */
  hardReasons: string[];
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

const age = readingAgeYears;

/** Words a reader is helped with: the glossary's acronyms and the easy read's explained words. */
const helpedWith = (glossary: Glossary) => [
  ...explainedWords(),
  ...glossary.flatMap((e) => [e.acronym, ...(e.variants ?? [])]),
];

export function plainLanguageList(rows: PlainLanguageRows): PlainLanguageList {
  const target = rows.targetReadingAge;
  const explained = helpedWith(rows.glossary);
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
    const hard = hardParts(plain.trim() ? plain : original, explained);
    return {
      recordType,
      recordId,
      label,
      original,
      plain,
      originalAge,
      plainAge,
      shownAge: shown,
      aboveTarget: shown !== null && shown > target,
      hard,
      hardReasons: describeHardParts(hard),
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

/** Each thing that makes a text hard, with the words that do it. */
export function describeHardParts(hard: HardParts): string[] {
  return [
    ...hard.longSentences.map((s) => `A long sentence (${s.words} words): “${s.sentence}”`),
    ...(hard.longWords.length ? [`Long or rare words: ${hard.longWords.join(', ')}`] : []),
    ...(hard.acronyms.length ? [`Acronyms: ${hard.acronyms.join(', ')}`] : []),
  ];
}

export interface EasyReadText {
  /** "Priority 2", "We said 2.1", "We did 2.1". */
  label: string;
  text: string;
  readingAge: number;
}

/**
 * The texts of a snapshot's easy read (each plain version, or the original where there is none)
 * that read above the snapshot's target: publishing them needs a reason.
 */
export function easyReadAboveTarget(plan: PublishedPlan): EasyReadText[] {
  const shown = (original: string, plain: string) => (plain.trim() ? plain : original);
  const texts = plan.priorities.flatMap((p) => [
    { label: `Priority ${p.number}`, text: shown(p.title, p.plainTitle) },
    ...p.commitments.flatMap((c) => [
      { label: `We said ${c.reference}`, text: shown(c.text, c.plainText) },
      ...c.outcomes.map((o) => ({ label: `We did ${c.reference}`, text: shown(o.text, o.plainText) })),
    ]),
  ]);
  // Scored as the easy read shows them, in its order: acronyms spelled out on first use.
  const page = new PageText(plan.glossary, plan.targetReadingAge);
  return texts.flatMap((t) => {
    const { aboveTarget, readingAge } = page.show(t.text);
    return aboveTarget && readingAge !== null ? [{ ...t, readingAge }] : [];
  });
}
