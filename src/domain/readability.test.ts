import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  gradeToReadingAge,
  hardParts,
  isAboveReadingAge,
  longSentenceWords,
  nothingHard,
  readability,
  readingAgeYears,
  splitSentences,
} from './readability.ts';

test('empty and blank text has no score and is never above a reading age', () => {
  for (const text of ['', '   ', '\n\n', '- \n• ', '...', '!!']) {
    assert.deepEqual(readability(text), {
      sentences: 0,
      words: 0,
      syllables: 0,
      grade: null,
      readingAge: null,
    });
    assert.equal(isAboveReadingAge(text, 9), false);
  }
});

test('gradeToReadingAge adds five years', () => {
  assert.equal(gradeToReadingAge(1), 6);
  assert.equal(gradeToReadingAge(6.5), 11.5);
});

test('splitSentences is not fooled by e.g., i.e., etc. or Cllr.', () => {
  assert.deepEqual(
    splitSentences(
      'We met Cllr. Bill Fairfoull in May. He listed risks, e.g. Placement stability. Time, cost, quality etc. is at risk. Is it? Yes!',
    ),
    [
      'We met Cllr. Bill Fairfoull in May.',
      'He listed risks, e.g. Placement stability.',
      'Time, cost, quality etc. is at risk.',
      'Is it?',
      'Yes!',
    ],
  );
  assert.deepEqual(splitSentences('Viability i.e. Time and cost. Then more.'), [
    'Viability i.e. Time and cost.',
    'Then more.',
  ]);
  assert.deepEqual(splitSentences('Report by J. Smith. Next steps agreed.'), [
    'Report by J. Smith.',
    'Next steps agreed.',
  ]);
});

test('splitSentences keeps numbers, dates and money whole', () => {
  assert.deepEqual(splitSentences('Seen 95% by 27.08.24. Investment of £5.5m agreed. 83% seen.'), [
    'Seen 95% by 27.08.24.',
    'Investment of £5.5m agreed.',
    '83% seen.',
  ]);
});

test('splitSentences: bullets and paragraphs end a sentence, wrapped lines do not', () => {
  const text = [
    'Summary of progress since last board:',
    '',
    '- MASH Dashboard went live on 14 August',
    '- Templates of good example assessments have been shared',
    '• Training has been rolled out',
    '1. Audit completed',
    '',
    'Our children will have their needs clearly identified and those',
    'needs met with effective interventions.',
  ].join('\n');
  assert.deepEqual(splitSentences(text), [
    'Summary of progress since last board:',
    'MASH Dashboard went live on 14 August',
    'Templates of good example assessments have been shared',
    'Training has been rolled out',
    'Audit completed',
    'Our children will have their needs clearly identified and those needs met with effective interventions.',
  ]);
});

test('simple text for children scores a young reading age', () => {
  const score = readability('We said we would help you. We did. You can talk to us. We will listen.');
  assert.equal(score.sentences, 4);
  assert.equal(score.words, 16);
  assert.ok(score.readingAge! < 7, String(score.readingAge));
  assert.equal(isAboveReadingAge('We said we would help you. We did.', 9), false);
});

test('the board report wording scores well above a reading age of 9', () => {
  const seed =
    'One or more aspect of programme viability i.e. time, cost, scope, quality etc. is at risk. However, the deviation from plan is within agreed tolerances.';
  const score = readability(seed);
  assert.equal(score.sentences, 2);
  assert.ok(score.readingAge! > 14, String(score.readingAge));
  assert.equal(isAboveReadingAge(seed, 9), true);
  assert.equal(isAboveReadingAge(seed, 99), false);
});

test('numbers and initialisms count as the longer words they are read as', () => {
  const plain = readability('The team saw the child.');
  const numbers = readability('The team saw 2159 children.');
  assert.ok(numbers.syllables > plain.syllables);
  // CSC is read "C S C": three syllables, not one; MASH is read as a word.
  assert.equal(readability('CSC').syllables, 3);
  assert.equal(readability('MASH').syllables, 1);
  assert.equal(readability("IFA's").syllables, 3);
  assert.equal(readability('S47').syllables, 3);
  assert.equal(readability('83%').syllables, 4);
  assert.equal(readability('EH/CSC').words, 2);
});

test('punctuation-only tokens are not words', () => {
  assert.equal(readability('Partners / sector – signed off.').words, 4);
});

test('readability never throws and its counts are consistent', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), (text) => {
      const score = readability(text);
      assert.ok(score.sentences <= score.words);
      assert.ok(score.syllables >= score.words);
      assert.equal(score.grade === null, score.words === 0);
      if (score.grade !== null) assert.equal(score.readingAge, score.grade + 5);
      assert.equal(isAboveReadingAge(text, Number.POSITIVE_INFINITY), false);
    }),
  );
});

test('more, longer words in the same sentences never make text easier', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (n, extra) => {
      const short = Array.from({ length: n }, () => 'We see the child.').join(' ');
      const long = Array.from({ length: n }, () => `We see the ${'safeguarding '.repeat(extra)}child.`).join(
        ' ',
      );
      assert.ok(readability(long).grade! > readability(short).grade!);
    }),
  );
});

/*
 * The formula worked by hand: Flesch–Kincaid grade = 0.39 × words per sentence + 11.8 × syllables
 * per word − 15.59, and reading age = grade + 5.
 */
test('the Flesch–Kincaid reading age matches values worked out by hand', () => {
  const close = (actual: number | null, expected: number) =>
    assert.ok(actual !== null && Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);
  // 1 sentence, 6 words, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45.
  const cat = readability('The cat sat on the mat.');
  assert.deepEqual([cat.sentences, cat.words, cat.syllables], [1, 6, 6]);
  close(cat.grade, -1.45);
  close(cat.readingAge, 3.55);
  assert.equal(readingAgeYears('The cat sat on the mat.'), 5);
  // 1 sentence, 10 words, 12 syllables (chil-dren, hap-py): 3.9 + 14.16 − 15.59 = 2.47.
  const home = readability('Children in care should have a safe and happy home.');
  assert.deepEqual([home.sentences, home.words, home.syllables], [1, 10, 12]);
  close(home.grade, 2.47);
  close(home.readingAge, 7.47);
  assert.equal(readingAgeYears('Children in care should have a safe and happy home.'), 7);
  // 2 sentences, 7 words, 7 syllables: 0.39 × 3.5 + 11.8 − 15.59 = −2.425.
  close(readability('We did. You can talk to us.').grade, -2.425);
  // 1 sentence, 5 words, 15 syllables (con-sul-ta-tion, par-ti-ci-pa-tion, fun-da-men-tal):
  // 1.95 + 35.4 − 15.59 = 21.76, a reading age of 27.
  const hard = readability('Consultation and participation are fundamental.');
  assert.deepEqual([hard.sentences, hard.words, hard.syllables], [1, 5, 15]);
  close(hard.grade, 21.76);
  assert.equal(readingAgeYears('Consultation and participation are fundamental.'), 27);
  assert.equal(readingAgeYears(''), null);
});

test('hardParts lists long sentences, long or rare words and acronyms, each with its words', () => {
  const parts = hardParts(
    'Strengthen the dispute resolution process with the Independent Reviewing Officer (IRO) service. The CIB and DfE met SLIP partners. We will help every family in the borough to be safe and well and happy at home.',
  );
  assert.deepEqual(parts.acronyms, ['IRO', 'CIB', 'DfE', 'SLIP']);
  assert.deepEqual(parts.longWords, ['resolution', 'Independent', 'Reviewing']);
  // "family" and "every" are long but common; the last sentence is 17 words.
  assert.deepEqual(parts.longSentences, [
    {
      sentence: 'We will help every family in the borough to be safe and well and happy at home.',
      words: 17,
    },
  ]);
  assert.ok(longSentenceWords === 15);
  assert.equal(nothingHard(parts), false);
});

test('hardParts leaves out common and explained words, and finds nothing in plain text', () => {
  assert.deepEqual(hardParts('Everyone in the family went on holiday together.').longWords, []);
  assert.deepEqual(hardParts('We visited the families.').longWords, ['visited']);
  // A word the page explains is no longer rare; its plural neither.
  assert.deepEqual(hardParts('We met the guardians.').longWords, ['guardians']);
  assert.deepEqual(hardParts('We met the guardians.', ['special guardian']).longWords, []);
  assert.deepEqual(hardParts('Two advocates helped.', ['advocate']).longWords, []);
  assert.ok(nothingHard(hardParts('We did. You can talk to us. We will listen.')));
  assert.ok(nothingHard(hardParts('')));
});
