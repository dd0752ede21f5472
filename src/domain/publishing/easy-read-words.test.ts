import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readingAgeYears } from '../readability.ts';
import { easyReadWords, explainedWords, explainWords } from './easy-read-words.ts';

test('every meaning the easy read gives is itself at a reading age of 11 or under', () => {
  for (const word of easyReadWords) assert.ok(readingAgeYears(word.meaning)! <= 11, word.meaning);
});

test('explainWords marks the first use of each word on a page, the longest form first, whole words only', () => {
  const explained = new Set<string>();
  const first = explainWords('We found more foster carers. Our partners helped the foster carer.', explained);
  assert.deepEqual(
    first.map((part) => ('word' in part ? `[${part.text}]` : part.text)).join(''),
    'We found more [foster carers]. Our [partners] helped the foster carer.',
  );
  // Later texts on the same page are not explained again; a word inside another is not a match.
  const second = explainWords('The partners met the boardroom team.', explained);
  assert.deepEqual(second, [{ text: 'The partners met the boardroom team.' }]);
  assert.ok(explainedWords().includes('foster carers'));
  assert.deepEqual(explainWords('', new Set()), []);
});
