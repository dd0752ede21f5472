import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertAccounted, fixture, otherKindsThan, section, texts } from './fixtures/extraction.ts';
import {
  expectedFeedback,
  expectedMeasures,
  renderScrutiny,
  scrutinySpec,
} from './fixtures/scrutiny-presentation-generator.ts';
import { scrutinyPresentationExtractor } from './scrutiny-presentation.ts';
import { toSourceLines } from './text.ts';

describe('scrutiny presentation: Tameside, July 2021 (seed 004)', () => {
  const lines = fixture('seeds/004-scrutiny-presentation.txt');
  const doc = scrutinyPresentationExtractor.extract(lines);

  it('is recognised, and loses no line', () => {
    assert.equal(scrutinyPresentationExtractor.recognise(lines), 1);
    assert.deepEqual(doc.unplaced, []);
    assertAccounted(lines, doc);
  });

  it('reads the meeting and the title from the first slide', () => {
    assert.equal(doc.title, 'Childrens improvement projects and Ofsted focused visit');
    assert.deepEqual(section(doc, 'meeting').text, 'Integrated Care and Wellbeing Scrutiny Panel 29 July');
    assert.deepEqual(section(doc, 'title').lines, [5, 6]);
  });

  it('reads every figure stated in prose as a dated measure, dating "April" from July 2021', () => {
    assert.deepEqual(
      doc.measures.map((m) => ({
        name: m.name,
        unit: m.unit,
        rolling: m.rolling12Months ?? false,
        lines: m.lines,
        observations: m.observations.map((o) => [o.period, o.value, o.lines]),
      })),
      [
        {
          name: 'Contacts',
          unit: 'count',
          rolling: true,
          lines: [74],
          observations: [
            ['2020-05', 9343, [74]],
            ['2021-04', 12493, [74]],
          ],
        },
        {
          name: 'Open cases',
          unit: 'count',
          rolling: false,
          lines: [81, 86],
          observations: [
            ['2020-07', 2159, [86]],
            ['2020-12', 2474, [86]],
            ['2021-04', 2324, [86]],
          ],
        },
        {
          name: 'Children subject to child protection',
          unit: 'count',
          rolling: false,
          lines: [88, 93],
          observations: [
            ['2020-11', 377, [93]],
            ['2021-04', 395, [93]],
          ],
        },
        {
          name: 'Cared for children',
          unit: 'count',
          rolling: false,
          lines: [99],
          observations: [
            ['2020-10', 730, [99]],
            ['2021-04', 684, [99]],
          ],
        },
        {
          name: 'Care leavers',
          unit: 'count',
          rolling: false,
          lines: [101, 105],
          observations: [
            ['2019-05', 182, [105]],
            ['2021-04', 300, [105]],
          ],
        },
      ],
    );
    assert.equal(
      doc.measures[3]!.statement,
      'Numbers of Cared for Children peaked at 730 in October 2020 and have reduced by 6% to 684 at the end of April',
    );
  });

  it('flags the three stated percentages the figures do not bear out, and only those', () => {
    assert.deepEqual(
      doc.needsReview.map((n) => [n.message, n.lines]),
      [
        [
          'Contacts: The stated 25% does not match any change between the figures 9343, 12493 (9343 to 12493 is +33.7%)',
          [74],
        ],
        [
          'Open cases: The stated 11% does not match any change between the figures 2159, 2474, 2324 (2159 to 2324 is +7.6%)',
          [81, 86],
        ],
        [
          'Care leavers: The stated 39% does not match any change between the figures 182, 300 (182 to 300 is +64.8%)',
          [101, 105],
        ],
      ],
    );
  });

  it('keeps the prose around the figures on its slide', () => {
    assert.deepEqual(section(doc, 'contact').text.split('\n\n'), [
      'Rolling 12 month contact trends in contact shows continued growth.',
      'Contact drops for a short period only at the start of the pandemic increased to above pre-pandemic level by July 2020.',
    ]);
    assert.match(section(doc, 'cared-for-children').text, /^Rolling numbers of Admissions .* pandemic\.$/);
  });

  it('reads the improvement journey by year', () => {
    assert.deepEqual(
      doc.sections.filter((s) => s.key.startsWith('journey.')).map((s) => [s.key, s.lines]),
      [
        ['journey.2016', [12]],
        ['journey.2018', [13]],
        ['journey.2019', [14]],
        ['journey.2020', [15, 16]],
        ['journey.2021', [22]],
      ],
    );
    assert.equal(section(doc, 'journey.2019').text, '2019 – Improvements recognised by Ofsted');
    assert.deepEqual(texts(section(doc, 'journey').items), [
      'Invested in early help, social work, signs of safety, accommodation options, 7 day a week model, social workers in schools and much more',
      'Ongoing independent oversight through Improvement Board.',
    ]);
    assert.deepEqual(section(doc, 'journey').lines, [10, 18]);
  });

  it('reads the 7 sustainability projects and the 4 investable propositions', () => {
    assert.deepEqual(texts(section(doc, 'projects').items), [
      'Early Help & Prevention At A Neighbourhood Level',
      'Family Intervention Service',
      'Team Around The Setting',
      'Duty / Locality Restructure',
      'Positive Futures (Respite / Assessment)',
      'Fostering Service Improvement',
      'Placements Review & Sufficiency',
    ]);
    assert.equal(section(doc, 'projects').text, 'System wide from Early Help to Leaving Care');
    assert.deepEqual(texts(section(doc, 'propositions').items), [
      'Delivery of a Rapid Improvement Plan',
      'Social work and Personal Advisor capacity',
      'Enhanced Commissioning, Brokerage and Monitoring function.',
      'Enhanced Quality and Performance capacity',
    ]);
    assert.equal(section(doc, 'phase-one-7-sustainability-projects').items.length, 5);
  });

  it('reads the activity during Covid over both slides, bold removed', () => {
    const activity = section(doc, 'activity-during-covid');
    assert.equal(activity.items.length, 15);
    assert.equal(activity.items[0]!.text, 'Targeted support - 400 families on a CIN plan');
    assert.equal(activity.items[14]!.text, 'Impact on stability of placements/outbreak management.');
    assert.deepEqual(activity.lines, [107, 118]);
  });

  it("reads the families' comments, with signatures as attribution", () => {
    assert.equal(doc.feedback.length, 17);
    assert.deepEqual(
      doc.feedback.map((f) => [f.source, f.attribution ?? null, f.lines]),
      [
        ['parent-or-carer', 'Thanks Mr & Mrs T', [130, 132]],
        ['child-or-young-person', null, [134, 135]],
        ['unknown', null, [137]],
        ['parent-or-carer', null, [139]],
        ['unknown', null, [141]],
        ['unknown', null, [143, 144]],
        ['unknown', null, [146]],
        ['parent-or-carer', null, [148, 149]],
        ['unknown', null, [151]],
        ['child-or-young-person', null, [153]],
        ['unknown', null, [155]],
        ['unknown', null, [157]],
        ['unknown', null, [159]],
        ['parent-or-carer', 'Natalie & Craig B\nthanx', [161, 162, 163]],
        ['unknown', null, [165]],
        ['child-or-young-person', null, [167]],
        ['parent-or-carer', null, [169]],
      ],
    );
    assert.equal(
      doc.feedback[5]!.said,
      'Great social worker- shout out to Regan!!\nThe best you could ask for',
    );
    assert.match(doc.feedback[13]!.said, /^When Aisha knocks .* comes round\.$/);
  });

  it('reads the national messages as quotes under their sources', () => {
    const national = section(doc, 'national');
    assert.deepEqual(
      national.items.map((s) => [s.text, s.children.length, s.lines]),
      [
        [
          'Independent Review of Childrens Social Care, “The Case for Change” - 2021',
          5,
          [175, 177, 181, 183, 188, 190],
        ],
        [
          "Profit making and Risk in Independent Children's Social Care Placement Providers. LGA - 2nd Update Report: May 2021",
          1,
          [195],
        ],
        ['LGA - 2nd June 2021', 4, [199]],
      ],
    );
    assert.deepEqual(national.lines, [171, 173]);
  });

  it('reads the focused visit: positives, and each area for improvement with its actions', () => {
    assert.equal(section(doc, 'finding').heading, 'Ofsted Focused visit May 2021');
    assert.equal(section(doc, 'finding.positives').items.length, 8);
    assert.deepEqual(section(doc, 'finding.positives').lines, [208, 215]);
    const areas = doc.sections.filter((s) => /^finding\.area\.\d$/.test(s.key));
    assert.deepEqual(
      areas.map((a) => [a.key, a.items.length]),
      [
        ['finding.area.1', 4],
        ['finding.area.2', 6],
        ['finding.area.3', 2],
        ['finding.area.4', 5],
        ['finding.area.5', 4],
        ['finding.area.6', 2],
      ],
    );
    assert.equal(
      areas[0]!.heading,
      'The workloads of social workers and of personal assistants in all teams to enable them to build meaningful relationships with children and young people and deliver effective support to them.',
    );
    // "What we are doing...." is a sub-heading of area 3, not one of its actions.
    assert.deepEqual(areas[2]!.lines, [240, 242]);
  });
});

describe('scrutiny presentation: another council (Riverford, March 2023)', () => {
  const lines = fixture('scrutiny-presentation-riverford.txt');
  const doc = scrutinyPresentationExtractor.extract(lines);

  it('is recognised, and loses no line', () => {
    assert.ok(scrutinyPresentationExtractor.recognise(lines) >= 0.5);
    assert.deepEqual(doc.unplaced, []);
    assertAccounted(lines, doc);
  });

  it('reads figures in other wording, months without years dated back from the meeting', () => {
    assert.deepEqual(
      doc.measures.map((m) => [m.name, m.unit, m.observations.map((o) => [o.period, o.value])]),
      [
        [
          'Referrals',
          'count',
          [
            ['2022-04', 1520],
            ['2023-01', 1716],
          ],
        ],
        [
          'Children in care',
          'count',
          [
            ['2022-03', 412],
            ['2022-12', 395],
          ],
        ],
        [
          'Care leavers in education, employment or training',
          'percentage',
          [
            ['2022-03', 52],
            ['2023-03', 61],
          ],
        ],
      ],
    );
    assert.deepEqual(doc.needsReview, []);
    assert.equal(section(doc, 'children-in-care').text, 'Placement moves are reviewed weekly.');
  });

  it('reads the journey, the workstreams, comments, national context and the monitoring visit', () => {
    assert.deepEqual(
      doc.sections.filter((s) => s.key.startsWith('journey.')).map((s) => s.key),
      ['journey.2019', 'journey.2021', 'journey.2022'],
    );
    assert.deepEqual(texts(section(doc, 'workstreams').items), [
      'Front door and early help',
      'Workforce',
      'Children in care',
      'Care leavers',
    ]);
    assert.deepEqual(
      doc.feedback.map((f) => [f.source, f.said, f.attribution ?? null]),
      [
        ['unknown', 'My social worker listens to me and helps me plan.', null],
        ['child-or-young-person', 'I got my own flat and my PA helped me move in.', null],
        ['parent-or-carer', 'The family group conference gave us a plan we could keep.', 'Mr & Mrs K'],
        ['parent-or-carer', 'Brilliant support for the boys', 'Sam B'],
      ],
    );
    assert.equal(section(doc, 'national').items[0]!.children.length, 1);
    assert.deepEqual(texts(section(doc, 'finding.positives').items), [
      'Leaders know their services well.',
      'Children are seen regularly.',
    ]);
    assert.deepEqual(
      doc.sections.filter((s) => s.key.startsWith('finding.area.')).map((s) => [s.heading, s.items.length]),
      [
        ['Timeliness of initial health assessments.', 2],
        ['Supervision that helps social workers reflect.', 1],
      ],
    );
  });
});

describe('scrutiny presentation: recognition', () => {
  it('scores low on the other kinds of document', () => {
    for (const name of otherKindsThan('seeds/004-scrutiny-presentation.txt')) {
      assert.ok(scrutinyPresentationExtractor.recognise(fixture(name)) < 0.3, name);
    }
  });
});

describe('scrutiny presentation: generated presentations', () => {
  it('give exactly the figures, comments and list written, every time, losing no line', () => {
    fc.assert(
      fc.property(scrutinySpec, (spec) => {
        const text = renderScrutiny(spec);
        const lines = toSourceLines(text);
        const doc = scrutinyPresentationExtractor.extract(lines);
        assert.ok(scrutinyPresentationExtractor.recognise(lines) >= 0.5);
        assert.deepEqual(
          doc.measures.map((m) => ({
            name: m.name,
            observations: m.observations.map((o) => [o.period, o.value]),
          })),
          expectedMeasures(spec),
        );
        assert.deepEqual(
          doc.feedback.map((f) => ({ said: f.said, attribution: f.attribution, source: f.source })),
          expectedFeedback(spec),
        );
        assert.deepEqual(texts(section(doc, 'projects').items), spec.list);
        assert.deepEqual(doc.needsReview, []);
        assert.deepEqual(doc.unplaced, []);
        assertAccounted(lines, doc);
        assert.deepEqual(scrutinyPresentationExtractor.extract(toSourceLines(text)), doc);
        assert.deepEqual(
          scrutinyPresentationExtractor.extract(toSourceLines(text.replace(/\n/g, '\r\n'))),
          doc,
        );
      }),
      { numRuns: 150 },
    );
  });
});

describe('scrutiny presentation: any lines at all', () => {
  const line = fc.oneof(
    fc.constantFrom(
      'Scrutiny Panel 29 July',
      'Our Improvement Journey',
      '- 2019 – Improvements',
      '7 Sustainability Projects',
      '- 1 – Project',
      '1. Proposition',
      'Contact',
      '12 month count dropped to 9343 in May 2020 rising to 12493 at the end of April – growth of 25%',
      'Between Nov 20 and April 21 the number of X has grown by 5% from 377 to 395',
      'Children’s services - feedback comments',
      'Thanks Mr & Mrs T',
      'Natalie & Craig B',
      'thanx',
      'National Messages',
      '- “A quote”',
      'Ofsted Focused visit May 2021',
      'Positives reported included:',
      'Areas for Improvement',
      '‘An area.’',
      '- **What we are doing....**',
      'Thank You',
      '',
      '   ',
      '\t',
    ),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
  );
  const soup = fc.array(line, { maxLength: 60 }).map((texts) => toSourceLines(texts.join('\n')));

  it('never throws, scores between 0 and 1, and loses no line', () => {
    fc.assert(
      fc.property(soup, (lines) => {
        const score = scrutinyPresentationExtractor.recognise(lines);
        assert.ok(score >= 0 && score <= 1, `score ${score}`);
        const doc = scrutinyPresentationExtractor.extract(lines);
        assertAccounted(lines, doc);
        assert.deepEqual(scrutinyPresentationExtractor.extract(lines), doc);
      }),
      { numRuns: 300 },
    );
  });
});
