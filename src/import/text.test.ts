import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  countNonBlank,
  findUkDate,
  flattenItems,
  isLabelLine,
  joinLines,
  parseBullet,
  parseMarkdownHeading,
  parseNumberedHeading,
  parseUkDate,
  readList,
  readValue,
  splitCells,
  splitLabel,
  splitNumberPrefix,
  stripEmphasis,
  toSourceLines,
} from './text.ts';

describe('toSourceLines', () => {
  it('numbers lines from 1, normalises CRLF, CR and form feeds, trims only trailing whitespace', () => {
    assert.deepEqual(toSourceLines('a\r\nb\rc  \t\n\td\fe'), [
      { number: 1, text: 'a' },
      { number: 2, text: 'b' },
      { number: 3, text: 'c' },
      { number: 4, text: '\td' },
      { number: 5, text: 'e' },
    ]);
  });

  it('counts non-blank lines', () => {
    assert.equal(countNonBlank(toSourceLines('a\n\n  \n\tb\n')), 2);
  });
});

describe('reading values', () => {
  it('strips Markdown emphasis and inline HTML tags', () => {
    assert.equal(stripEmphasis('***A detailed update.***'), 'A detailed update.');
    assert.equal(stripEmphasis('**x** and *y* and __z__'), 'x and y and z');
    assert.equal(stripEmphasis('attached at <b>Appendix 1</B>'), 'attached at Appendix 1');
    assert.equal(stripEmphasis('**Child'), 'Child');
    assert.equal(stripEmphasis('Tameside**'), 'Tameside');
  });

  it('leaves asterisks that are not emphasis', () => {
    assert.equal(stripEmphasis('a * b * c'), 'a * b * c');
    assert.equal(stripEmphasis('* item'), '* item');
  });

  it('collapses whitespace and joins wrapped lines', () => {
    assert.equal(readValue('  Alison \t Montgomery '), 'Alison Montgomery');
    assert.equal(
      joinLines(toSourceLines('Our children \nneed **good** services\n\n')),
      'Our children need good services',
    );
  });

  it('reads Markdown headings', () => {
    assert.deepEqual(parseMarkdownHeading('## 1. TAMESIDE PLAN'), { level: 2, text: '1. TAMESIDE PLAN' });
    assert.equal(parseMarkdownHeading('#hashtag'), undefined);
  });
});

describe('parseNumberedHeading and splitNumberPrefix', () => {
  it('reads headings in any case, with or without a title after a separator', () => {
    assert.deepEqual(parseNumberedHeading('Priority 1', ['Priority']), {
      word: 'Priority',
      number: 1,
      separator: '',
      rest: '',
    });
    assert.deepEqual(parseNumberedHeading('PRIORITY 2:', ['Priority']), {
      word: 'Priority',
      number: 2,
      separator: ':',
      rest: '',
    });
    assert.deepEqual(parseNumberedHeading('Theme 3 - Stable homes', ['Priority', 'Theme']), {
      word: 'Theme',
      number: 3,
      separator: '-',
      rest: 'Stable homes',
    });
    assert.equal(parseNumberedHeading('Priority areas', ['Priority']), undefined);
    assert.equal(parseNumberedHeading('Priority 12a', ['Priority']), undefined);
  });

  it('splits a leading number from a title', () => {
    assert.deepEqual(splitNumberPrefix('1. Quality of Practice: x'), {
      number: 1,
      text: 'Quality of Practice: x',
    });
    assert.deepEqual(splitNumberPrefix('2) Working'), { number: 2, text: 'Working' });
    assert.equal(splitNumberPrefix('Quality'), undefined);
  });
});

describe('parseBullet', () => {
  it('reads every bullet and numbering style with its indentation', () => {
    const cases: Array<[string, number, string]> = [
      ['- a', 0, '-'],
      ['• a', 0, '•'],
      ['* a', 0, '*'],
      ['– a', 0, '–'],
      ['1. a', 0, '1.'],
      ['12) a', 0, '12)'],
      ['a) a', 0, 'a)'],
      ['(iv) a', 0, '(iv)'],
      [' - a', 1, '-'],
      ['\t• a', 4, '•'],
      ['  \t- a', 6, '-'],
    ];
    for (const [text, indent, marker] of cases)
      assert.deepEqual(parseBullet(text), { indent, marker, text: 'a' }, text);
  });

  it('does not take emphasis, numbers or section numbers for bullets', () => {
    for (const text of [
      '**Child',
      '-5%',
      '1.1 Following',
      '2016 Onwards.',
      '- ',
      'Priority 1',
      '10/09/2024',
    ]) {
      assert.equal(parseBullet(text), undefined, text);
    }
  });
});

describe('readList', () => {
  it('nests by relative indentation and stops at the first line that is not a bullet', () => {
    const lines = toSourceLines('- a\n - b\n  - c\n\n- d\n\tafter tab\nNext heading');
    const read = readList(lines, 0);
    assert.deepEqual(read.items, [
      {
        text: 'a',
        lines: [1],
        children: [{ text: 'b', lines: [2], children: [{ text: 'c', lines: [3], children: [] }] }],
      },
      { text: 'd', lines: [5], children: [] },
    ]);
    assert.equal(read.end, 5);
    assert.equal(flattenItems(read.items).length, 4);
  });

  it('joins wrapped lines onto their item when asked, and honours a stop line', () => {
    const lines = toSourceLines('- one\n  wrapped here\n- two\nStop:\n- three');
    const read = readList(lines, 0, { continuation: true, stop: (line) => line.text === 'Stop:' });
    assert.deepEqual(read.items, [
      { text: 'one wrapped here', lines: [1, 2], children: [] },
      { text: 'two', lines: [3], children: [] },
    ]);
    assert.equal(read.end, 3);
  });

  it('keeps items that go back out to a shallower level than they started', () => {
    const items = readList(toSourceLines('  - a\n    - b\n- c'), 0).items;
    assert.deepEqual(
      items.map((i) => [i.text, i.children.length]),
      [
        ['a', 1],
        ['c', 0],
      ],
    );
  });
});

describe('splitLabel', () => {
  const labels = [
    'Report Completed By',
    'Report',
    'Sponsor',
    'What needs to improve',
    'Summary of progress since last board',
  ];

  it('splits TAB, colon and dash forms, case-insensitively, preferring the longest label', () => {
    assert.deepEqual(
      splitLabel('Report Completed By\tAlison Montgomery\tCIB Meeting Date\t10/09/2024', labels),
      {
        label: 'Report Completed By',
        written: 'Report Completed By',
        value: 'Alison Montgomery',
        rest: ['CIB Meeting Date', '10/09/2024'],
      },
    );
    assert.equal(splitLabel('sponsor: Jo Bloggs', labels)?.value, 'Jo Bloggs');
    assert.equal(splitLabel('SPONSOR - Jo Bloggs', labels)?.value, 'Jo Bloggs');
    assert.equal(splitLabel('Sponsor\tJo Bloggs\t\t', labels)?.rest.length, 0);
    assert.equal(splitLabel('**What needs to improve: The x**', labels)?.value, 'The x');
    assert.equal(splitLabel('What  needs to improve:The x', labels)?.value, 'The x');
  });

  it('reads a bare label with or without a colon', () => {
    assert.equal(isLabelLine('Summary of progress since last board:', labels), true);
    assert.equal(isLabelLine('SUMMARY OF PROGRESS SINCE LAST BOARD', labels), true);
    assert.equal(isLabelLine('Sponsor: Jo', labels), false);
  });

  it('does not match a label that is only the start of a word or sentence', () => {
    assert.equal(splitLabel('Sponsorship: x', labels), undefined);
    assert.equal(splitLabel('Reporting officer: x', labels), undefined);
    assert.equal(splitLabel('Sponsor agreed the plan', labels), undefined);
  });

  it('splits table rows into cells without trailing empty ones', () => {
    assert.deepEqual(splitCells('a\t b \t\t**c**\t\t'), ['a', 'b', '', 'c']);
  });
});

describe('parseUkDate', () => {
  it('reads the UK date formats found in council documents', () => {
    const cases: Array<[string, string]> = [
      ['10/09/2024', '2024-09-10'],
      ['10 September 24', '2024-09-10'],
      ['22 March 2017', '2017-03-22'],
      ['10.09.24', '2024-09-10'],
      ['1/8/2024', '2024-08-01'],
      ['10-09-2024', '2024-09-10'],
      ['1st Aug 2024', '2024-08-01'],
      ['10 Sept 2024', '2024-09-10'],
      ['Monday 5 August 2024', '2024-08-05'],
      ['29/02/2024.', '2024-02-29'],
      ['31/12/99', '1999-12-31'],
    ];
    for (const [text, iso] of cases) assert.equal(parseUkDate(text), iso, text);
  });

  it('refuses impossible dates and other text', () => {
    for (const text of [
      '31/02/2024',
      '29/02/2023',
      '13/13/2024',
      '10 Septober 2024',
      '2024-09-10',
      'September 2024',
      '10/09',
      'x 10/09/2024',
    ]) {
      assert.equal(parseUkDate(text), undefined, text);
    }
  });

  it('finds a date inside other text', () => {
    assert.deepEqual(findUkDate('Highlight Report – 10 September 24'), {
      iso: '2024-09-10',
      index: 19,
      match: '10 September 24',
    });
    assert.equal(findUkDate('version 1.10.24.5'), undefined);
  });
});
