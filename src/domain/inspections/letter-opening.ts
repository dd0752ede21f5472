/*
 * What the opening of an Ofsted letter or report says about the inspection: which kind it was
 * ("the second monitoring visit", "Re-inspection of services for children in need of help and
 * protection ..."), its days ("on 4 and 5 October 2022", "9 October to 2 November 2017"), and the
 * framework's area a judgement's words name. Pure, read by the importer's letter mapping and its
 * writer.
 */
import { frameworkByCode, type Grade } from './frameworks.ts';
import type { InspectionKind } from './kinds.ts';
import { monthOf as monthNumber } from '../document-dates.ts';

const kindWords: [RegExp, InspectionKind][] = [
  [/\bmonitoring visit\b/i, 'monitoring-visit'],
  [/\bfocused visit\b/i, 'focused-visit'],
  [/\bjoint targeted area inspection\b|\bJTAI\b/i, 'jtai'],
  [/\bannual engagement meeting\b/i, 'annual-engagement-meeting'],
  [/\bshort inspection\b/i, 'ilacs-short'],
  [/\binspection of (?:the )?local authority children['’]s services\b|\bILACS\b/i, 'ilacs-standard'],
  [
    /\b(?:re-?)?inspection of services for children in need of help and protection\b|\bsingle inspection\b|\bSIF\b/i,
    'sif-inspection',
  ],
];

/** The kind of inspection a letter's opening names, and the words that named it. */
export function inspectionKindOf(text: string): { kind: InspectionKind; text: string } | undefined {
  for (const [re, kind] of kindWords) {
    const found = re.exec(text);
    if (found) return { kind, text: found[0] };
  }
  return undefined;
}

// The regular expressions above match only full month names, which monthNumber always knows.
const monthOf = (word: string | undefined) => (word ? (monthNumber(word) ?? 0) : 0);
const iso = (year: string, month: number, day: string) =>
  `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;

const day = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const month = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December)`;
const range = new RegExp(
  String.raw`${day}(?:\s+${month})?(?:\s+(\d{4}))?\s*(?:and|to|–|-)\s*${day}\s+${month}\s+(\d{4})`,
  'i',
);
const single = new RegExp(String.raw`${day}\s+${month}\s+(\d{4})`, 'i');

/** The first and last days a text names ("4 and 5 October 2022"), with the words as written. */
export function inspectionDaysOf(text: string): { start: string; end?: string; text: string } | undefined {
  const r = range.exec(text);
  if (r) {
    const endMonth = monthOf(r[5]);
    const startMonth = monthOf(r[2]) || endMonth;
    const startYear = r[3] ?? r[6]!;
    if (startMonth && endMonth)
      return { start: iso(startYear, startMonth, r[1]!), end: iso(r[6]!, endMonth, r[4]!), text: r[0] };
  }
  const s = single.exec(text);
  if (s) return { start: iso(s[3]!, monthOf(s[2]), s[1]!), text: s[0] };
  return undefined;
}

/** A grade as a report writes it ("Requires improvement to be good", "require improvement"). */
export function gradeOfWords(text: string): Grade | undefined {
  const t = text.toLowerCase();
  if (/\boutstanding\b/.test(t)) return 'outstanding';
  if (/\binadequate\b/.test(t)) return 'inadequate';
  if (/\brequires? improvement\b/.test(t)) return 'requires-improvement';
  if (/\bgood\b/.test(t)) return 'good';
  return undefined;
}

const words = (text: string) =>
  new Set(
    text
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .split(/[^a-z]+/)
      .filter((w) => w.length > 3),
  );

/**
 * The area of a framework that a judgement's words name: "Children's services in Manchester"
 * and "Overall effectiveness" are the overall grade; otherwise the area sharing most words.
 */
export function judgementAreaOf(frameworkCode: string, text: string): string | undefined {
  const framework = frameworkByCode(frameworkCode);
  if (!framework) return undefined;
  if (/^(children['’]s services in\b|overall effectiveness\b)/i.test(text.trim()))
    return framework.areas.find((a) => a.code === 'overall-effectiveness')?.code;
  const said = words(text);
  let best: { code: string; score: number } | undefined;
  for (const area of framework.areas) {
    const named = words(area.name);
    const shared = [...named].filter((w) => said.has(w)).length;
    const score = shared / Math.max(named.size, said.size);
    if (shared >= 2 && score >= 0.5 && (!best || score > best.score)) best = { code: area.code, score };
  }
  return best?.code;
}
