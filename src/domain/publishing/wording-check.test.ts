import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { areaNamesOf, suggest, suggestionKey } from './wording-check.ts';

const found = (text: string, context = {}) => suggest(text, context).map((s) => [s.kind, s.text]);

test('a lower-case first name is suggested, and the text is left as it was', () => {
  const text = 'not only does martin keep us in the loop';
  assert.deepEqual(found(text), [['name', 'martin']]);
  const [s] = suggest(text);
  assert.equal(text.slice(s!.start, s!.end), 'martin');
  assert.match(s!.why, /first name/);
});

test('a name at the start of a sentence is suggested; ordinary sentence openings are not', () => {
  assert.deepEqual(found('Natalie changed my life. Thank you.'), [['name', 'Natalie']]);
  assert.deepEqual(found('Since lockdown we will keep you informed. My support worker is the best.'), []);
  assert.deepEqual(found('Great social worker- shout out to Regan!!'), [['name', 'Regan']]);
  assert.deepEqual(found('We will meet. We thanked Will today.'), [['name', 'Will']]);
});

test('places, ages, schools and dates are suggested, with the council’s own area names', () => {
  assert.deepEqual(
    found('My son, aged 14, goes to Oakwood Academy near Barnsley and loves Fixtureshire.', {
      placeNames: ['Fixtureshire'],
    }),
    [
      ['age', 'aged 14'],
      ['school', 'Oakwood Academy'],
      ['place', 'Barnsley'],
      ['place', 'Fixtureshire'],
    ],
  );
  assert.deepEqual(found("I'm 15 and my brother is a 12 year old"), [
    ['age', "I'm 15"],
    ['age', '12 year old'],
  ]);
  assert.deepEqual(found('She was born on 3 May 2010; we met on 12/04/2021.'), [
    ['date', 'born on 3 May 2010'],
    ['date', '12/04/2021'],
  ]);
  assert.deepEqual(found('Thanks from Zebedee', { attribution: 'Zebedee Smith' }), [['name', 'Zebedee']]);
});

test('the council’s area is read from its name, and keys match the same words in the same field', () => {
  assert.deepEqual(areaNamesOf('Fixtureshire County Council'), ['Fixtureshire']);
  assert.deepEqual(areaNamesOf('Council'), []);
  assert.equal(
    suggestionKey('said', { kind: 'name', text: 'Martin' }),
    suggestionKey('said', { kind: 'name', text: 'martin' }),
  );
});

test('property: never throws, and every suggestion lies within the text and names its words', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 40 }), (text, attribution) => {
      for (const s of suggest(text, { attribution, placeNames: [attribution] })) {
        assert.ok(s.start >= 0 && s.start < s.end && s.end <= text.length);
        assert.equal(text.slice(s.start, s.end), s.text);
      }
    }),
  );
});

test('property: a first name or place inserted anywhere among ordinary words is found', () => {
  const words = fc.array(
    fc.constantFrom('the', 'help', 'was', 'good', 'thanks', '.', 'we', 'kept', '\n', 'social'),
    {
      maxLength: 20,
    },
  );
  fc.assert(
    fc.property(
      words,
      words,
      fc.constantFrom('martin', 'Martin', 'aisha', 'Natalie', 'Barnsley', 'Fixtureshire', 'aged 9'),
      (before, after, inserted) => {
        const text = [...before, inserted, ...after].join(' ');
        const at = before.join(' ').length + (before.length > 0 ? 1 : 0);
        const hits = suggest(text, { placeNames: ['Fixtureshire'] });
        assert.ok(
          hits.some((s) => s.start === at && s.text.toLowerCase() === inserted.toLowerCase()),
          JSON.stringify({ text, hits }),
        );
      },
    ),
  );
});
