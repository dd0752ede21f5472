/**
 * What a measure stated in a sentence is called and what its figures count in: a count, a
 * percentage, a rate per 10,000, perhaps a rolling 12-month total.
 */
import { ordinaryCase } from './prose.ts';
import { durationAfter, labelBefore, monthByName } from './prose-figures-dates.ts';
import type { MeasureUnit } from './types.ts';

/**
 * The unit a clause's values are in, when the clause says: percentages are the values only when
 * it has no other numbers. Undefined leaves the unit the sentence had so far.
 */
export function clauseUnit(clause: string, hasNumbers: boolean): MeasureUnit | undefined {
  if (!hasNumbers) return 'percentage';
  if (/\bper\s+10,?000\b/i.test(clause)) return 'rate-per-10000';
  return undefined;
}

export function isRolling(text: string): boolean {
  return (
    /\brolling\b/i.test(text) ||
    /\b(?:12|twelve)[- ]?months?\s+(?:count|total|figure|rolling)\b/i.test(text) ||
    /\b(?:last|previous|past)\s+(?:12|twelve)\s+months\b/i.test(text)
  );
}

const verbs = new Set(
  (
    'has have had is are was were rose rise rises rising risen fell fall falls falling fallen grew grow grows ' +
    'grown growing increased increase increases increasing decreased decrease decreases decreasing reduced ' +
    'reduce reduces reducing dropped drop drops dropping declined decline declines declining peaked peak ' +
    'peaks remained remains stood stands went reached reaches dipped'
  ).split(' '),
);
const datePrepositions = new Set([
  'in',
  'at',
  'by',
  'on',
  'from',
  'between',
  'during',
  'over',
  'since',
  'to',
  'for',
]);

/**
 * The measure a sentence is about: the words after "number(s) of", or after "there were <n>", else
 * the sentence's subject ("Contacts rose from ...", "Between May and June re-referrals fell ..."),
 * else the heading above it. A singular heading naming something counted ("Contact") is made
 * plural, because the values count them. `starts` are the offsets where a subject may begin after
 * an opening date.
 */
export function measureName(
  sentence: string,
  heading: string | undefined,
  starts: number[],
): string | undefined {
  const after =
    /\bnumbers?\s+of\s+(.*)$/i.exec(sentence)?.[1] ??
    /\bthere\s+(?:were|was|are|is|had been|have been)\s+[\d,.]+%?\s+(.*)$/i.exec(sentence)?.[1];
  const phrase =
    after !== undefined
      ? nounPhrase(after)
      : [0, ...starts].map((start) => subjectOf(sentence.slice(start).replace(/^[\s,]+/, ''))).find(Boolean);
  if (phrase) return ordinaryCase(phrase);
  if (heading && heading.trim() !== '' && !/\d/.test(heading)) return pluralise(ordinaryCase(heading));
  return undefined;
}

function nounPhrase(text: string): string | undefined {
  const words = text.split(/\s+/);
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const raw = words[i]!;
    const word = raw.replace(/[,.;:!?)]+$/, '');
    const lower = word.toLowerCase();
    // "Section 47 enquiries", "within 45 working days": a number that names or measures, not a value.
    const labelNumber = /^\d+$/.test(word) && kept.length > 0 && labelBefore.test(`${kept.join(' ')} `);
    const duration = /^\d+$/.test(word) && durationAfter.test(` ${words.slice(i + 1, i + 3).join(' ')}`);
    if ((/^\d/.test(word) && !labelNumber && !duration) || verbs.has(lower) || monthByName.has(word)) break;
    if (datePrepositions.has(lower)) {
      const next = words[i + 1] ?? '';
      if (
        next === '' ||
        /^\d/.test(next) ||
        monthByName.has(next.replace(/[,.]$/, '')) ||
        /^(?:the|a)$/i.test(next)
      )
        break;
    }
    // "in education, employment or training": a comma inside a list of nouns does not end the phrase.
    const next = words[i + 1] ?? '';
    if (
      raw === `${word},` &&
      /^[a-z]+$/.test(next) &&
      !/(?:ed|ly)$/.test(next) &&
      !verbs.has(next) &&
      !listBreakers.has(next)
    ) {
      kept.push(raw);
      continue;
    }
    kept.push(word);
    if (word !== raw) break;
  }
  return kept.length > 0 && kept.length <= 10 ? kept.join(' ') : undefined;
}

const listBreakers = new Set(
  'which who whose where when while but so and the a an with as compared against including such this that these those it'.split(
    ' ',
  ),
);

function subjectOf(sentence: string): string | undefined {
  const phrase = nounPhrase(sentence);
  if (!phrase || phrase === sentence.trim()) return undefined;
  const first = phrase.split(' ')[0]!.toLowerCase();
  const notSubjects =
    'between in from since during it this that there these they we and or to by at on of as with'.split(' ');
  if (notSubjects.includes(first) || /^\d/.test(first)) return undefined;
  const words = phrase.split(' ');
  const trimmed = /^(?:the|a|an)$/i.test(words[0]!) ? words.slice(1) : words;
  return trimmed.length > 0 && trimmed.length <= 8 ? trimmed.join(' ') : undefined;
}

const countedNouns =
  /\b(?:contact|referral|assessment|case|visit|conference|placement|allegation|plan|admission|enquiry)$/i;

function pluralise(name: string): string {
  if (!countedNouns.test(name)) return name;
  return /y$/i.test(name) ? `${name.slice(0, -1)}ies` : `${name}s`;
}
