/*
 * Readability of public text (the "We said, We did" page, the child-friendly plan) as a reading
 * age, so an editor can see when a paragraph is pitched above the audience.
 *
 * The formula is the Flesch–Kincaid grade level (J. P. Kincaid, R. P. Fishburne, R. L. Rogers and
 * B. S. Chissom, "Derivation of new readability formulas … for Navy enlisted personnel", Research
 * Branch Report 8-75, Naval Technical Training Command, 1975):
 *
 *   grade = 0.39 × (words ÷ sentences) + 11.8 × (syllables ÷ words) − 15.59
 *
 * computed by the flesch-kincaid package. It gives a US school grade; a US grade is five years
 * below the age of the children in it (grade 1 is age 6), hence reading age = grade + 5, the
 * conversion the UK's readability guides use. The score is a guide, not a verdict: it counts
 * sentence length and syllables and knows nothing about meaning, so `hardParts` lists what in a
 * text pushes its score up.
 */

import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

export interface ReadabilityScore {
  sentences: number;
  words: number;
  syllables: number;
  /** US grade level; null when there is no text to score. */
  grade: number | null;
  /** grade + 5; null when there is no text. Very simple text can score below 5. */
  readingAge: number | null;
}

/*
 * Words that end in a full stop without ending the sentence. Only those that are usually followed
 * by a capital are needed ("Cllr. Bill", "e.g. Tameside"): a full stop followed by a lower case
 * word never splits, which already covers "quality etc. is at risk".
 */
const ABBREVIATIONS = new Set(
  [
    'e.g',
    'i.e',
    'cllr',
    'mr',
    'mrs',
    'ms',
    'mx',
    'dr',
    'prof',
    'rev',
    'st',
    'no',
    'nos',
    'vs',
    'approx',
    'dept',
    'govt',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
  ].map((word) => word.toLowerCase()),
);

const BULLET = /^\s*(?:[-*•▪◦–—]|\d{1,2}[.)]|[a-z][.)])\s+/;

/*
 * A paragraph or bullet is its own sentence even without a full stop: highlight reports are
 * mostly unpunctuated bullets, and running them together would make every report look
 * impossibly hard. A single line break inside a paragraph is only wrapping (the seed PDFs are
 * hard-wrapped), so it is read as a space.
 */
function blocks(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) out.push(current.join(' '));
    current = [];
  };
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') {
      flush();
    } else if (BULLET.test(line)) {
      flush();
      current.push(line.replace(BULLET, ''));
    } else {
      current.push(line.trim());
    }
  }
  flush();
  return out;
}

function endsWithAbbreviation(before: string): boolean {
  const lastWord = /(\S+)$/.exec(before)?.[1] ?? '';
  const bare = lastWord.replace(/^[("'“‘[]+/, '').toLowerCase();
  // A lone capital is an initial ("J. Smith").
  return ABBREVIATIONS.has(bare) || /^[A-Z]$/.test(lastWord);
}

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const block of blocks(text)) {
    let start = 0;
    // A stop, optionally a closing quote or bracket, a space, then something that starts a sentence.
    const boundary = /([.!?]+)["'”’)\]]*\s+(?=["'“‘(\[]?[\p{Lu}\p{N}£])/gu;
    for (const match of block.matchAll(boundary)) {
      const end = match.index + match[0].length;
      const before = block.slice(start, match.index);
      if (match[1] === '.' && endsWithAbbreviation(before)) continue;
      sentences.push(block.slice(start, end).trim());
      start = end;
    }
    sentences.push(block.slice(start).trim());
  }
  return sentences.filter((sentence) => words(sentence).length > 0);
}

export function words(sentence: string): string[] {
  return sentence
    .split(/[\s/]+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}£]+|[^\p{L}\p{N}%]+$/gu, ''))
    .filter((token) => /[\p{L}\p{N}]/u.test(token));
}

/*
 * The syllable package scores "2159" as 0 and "CSC" as 1. Numbers and initialisms are read
 * aloud as longer than that, and a page full of them is harder, so: each digit counts as a
 * syllable, "%" as two ("per cent"), and a capitalised token of three letters or fewer, or one
 * with no vowel, is spelled out letter by letter (CSC, DfE, S47). Longer ones with a vowel are
 * said as words (MASH, NEET, LADO) and go to the package.
 */
export function countSyllables(word: string): number {
  const bare = word.replace(/['’]s$/, '');
  if (/\p{N}/u.test(bare)) {
    const digits = (bare.match(/\p{N}/gu) ?? []).length;
    const letters = (bare.match(/\p{L}/gu) ?? []).length;
    const percent = bare.includes('%') ? 2 : 0;
    return Math.max(1, digits + letters + percent);
  }
  if (isAcronym(bare)) {
    const pronounceable = bare.length > 3 && /[AEIOU]/i.test(bare);
    if (!pronounceable) return bare.length;
  }
  return Math.max(1, syllable(bare));
}

/** Two or more capitals with at most one small letter: CIB, DfE, IRO, SLIP, EH. */
export function isAcronym(word: string): boolean {
  const bare = word.replace(/['’]s$/, '');
  if (/\p{N}/u.test(bare)) return false;
  const capitals = (bare.match(/\p{Lu}/gu) ?? []).length;
  return capitals >= 2 && capitals >= bare.length - 1;
}

export function gradeToReadingAge(grade: number): number {
  return grade + 5;
}

export function readability(text: string): ReadabilityScore {
  const sentences = splitSentences(text);
  const allWords = sentences.flatMap(words);
  const syllables = allWords.reduce((sum, word) => sum + countSyllables(word), 0);
  if (allWords.length === 0) {
    return { sentences: 0, words: 0, syllables: 0, grade: null, readingAge: null };
  }
  const grade = fleschKincaid({ sentence: sentences.length, word: allWords.length, syllable: syllables });
  return {
    sentences: sentences.length,
    words: allWords.length,
    syllables,
    grade,
    readingAge: gradeToReadingAge(grade),
  };
}

/** True when the text needs an older reader than `targetAge`; empty text never does. */
export function isAboveReadingAge(text: string, targetAge: number): boolean {
  const { readingAge } = readability(text);
  return readingAge !== null && readingAge > targetAge;
}

/**
 * The reading age a page shows: the formula's, rounded to a whole year, and never below 5 (the
 * formula goes below school age for very short words, which says nothing more). Null for no text.
 */
export function readingAgeYears(text: string): number | null {
  const { readingAge } = readability(text);
  return readingAge === null ? null : Math.max(5, Math.round(readingAge));
}

/** A sentence longer than this many words is listed as hard (about 12 to 15 is easy for a child). */
export const longSentenceWords = 15;

/*
 * Words of three or more syllables that children meet early and read without trouble, so a text
 * using them is not told to change them. Lower case; a plural or -'s form of one counts too.
 */
const commonLongWords = new Set([
  'already',
  'another',
  'anybody',
  'anyone',
  'anything',
  'anywhere',
  'animal',
  'banana',
  'beautiful',
  'camera',
  'company',
  'computer',
  'different',
  'difficult',
  'eleven',
  'everybody',
  'everyone',
  'everything',
  'everywhere',
  'hospital',
  'idea',
  'family',
  'families',
  'favourite',
  'holiday',
  'important',
  'interesting',
  'internet',
  'library',
  'medicine',
  'nobody',
  'officer',
  'probably',
  'remember',
  'seventeen',
  'somebody',
  'telephone',
  'television',
  'together',
  'tomorrow',
  'understand',
  'usually',
  'video',
  'yesterday',
]);

export interface HardParts {
  /** Sentences of more than `longSentenceWords` words, with their length. */
  longSentences: { sentence: string; words: number }[];
  /** Words of three or more syllables that are neither common nor explained on the page. */
  longWords: string[];
  /** All-capital words (CIB, DfE, IRO, SLIP): a child has to know what they stand for. */
  acronyms: string[];
}

const plainForm = (word: string) =>
  word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/[’]/g, "'");

function isKnown(word: string, known: ReadonlySet<string>): boolean {
  const w = plainForm(word);
  const singular = w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.endsWith('s') ? w.slice(0, -1) : w;
  return [w, singular].some((form) => commonLongWords.has(form) || known.has(form));
}

/**
 * What in a text makes it hard to read, each with the words that make it so: long sentences,
 * long or rare words, acronyms. `explained` are words the page explains (the glossary's and the
 * easy read's), lower case, which a reader is helped with and so are not listed as rare.
 */
export function hardParts(text: string, explained: Iterable<string> = []): HardParts {
  const known = new Set([...explained].flatMap((phrase) => words(phrase)).map(plainForm));
  const longSentences: HardParts['longSentences'] = [];
  const longWords: string[] = [];
  const acronyms: string[] = [];
  const once = (list: string[], word: string) => {
    if (!list.includes(word)) list.push(word);
  };
  for (const sentence of splitSentences(text)) {
    const list = words(sentence);
    if (list.length > longSentenceWords) longSentences.push({ sentence, words: list.length });
    for (const word of list) {
      const bare = word.replace(/['’]s$/, '');
      if (isAcronym(bare)) once(acronyms, bare);
      else if (!/\p{N}/u.test(bare) && countSyllables(bare) >= 3 && !isKnown(bare, known))
        once(longWords, bare);
    }
  }
  return { longSentences, longWords, acronyms };
}

/** True when nothing in the text is listed as hard. */
export function nothingHard(parts: HardParts): boolean {
  return parts.longSentences.length === 0 && parts.longWords.length === 0 && parts.acronyms.length === 0;
}
