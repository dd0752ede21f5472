/*
 * Readability of public text (the "We said, We did" page, the child-friendly plan) as a reading
 * age, so an editor can see when a paragraph is pitched above the audience.
 *
 * Flesch–Kincaid gives a US school grade; a US grade is about five years below a reading age
 * (grade 1 is age 6), hence grade + 5. The score is a guide, not a verdict: it counts sentence
 * length and syllables and knows nothing about meaning.
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

function words(sentence: string): string[] {
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
function countSyllables(word: string): number {
  const bare = word.replace(/['’]s$/, '');
  if (/\p{N}/u.test(bare)) {
    const digits = (bare.match(/\p{N}/gu) ?? []).length;
    const letters = (bare.match(/\p{L}/gu) ?? []).length;
    const percent = bare.includes('%') ? 2 : 0;
    return Math.max(1, digits + letters + percent);
  }
  const capitals = (bare.match(/\p{Lu}/gu) ?? []).length;
  if (capitals >= 2 && capitals >= bare.length - 1) {
    const pronounceable = bare.length > 3 && /[AEIOU]/i.test(bare);
    if (!pronounceable) return bare.length;
  }
  return Math.max(1, syllable(bare));
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
