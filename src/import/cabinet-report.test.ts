import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cabinetReportExtractor } from './cabinet-report.ts';
import { assertAccounted, fixture, otherKindsThan, section, texts } from './fixtures/extraction.ts';
import { cabinetSpec, expectedCabinet, renderCabinet } from './fixtures/cabinet-report-generator.ts';
import { flattenItems, toSourceLines } from './text.ts';

describe('Cabinet report: Tameside Executive Cabinet, 22 March 2017 (seed 002)', () => {
  const lines = fixture('seeds/002-cabinet-report.txt');
  const doc = cabinetReportExtractor.extract(lines);

  it('is recognised, and loses no line', () => {
    assert.equal(cabinetReportExtractor.recognise(lines), 1);
    assert.deepEqual(doc.unplaced, []);
    assert.deepEqual(doc.needsReview, []);
    assertAccounted(lines, doc);
  });

  it('reads every cover field, in order, with the lines it came from', () => {
    assert.equal(doc.title, "TAMESIDE CHILDREN'S SERVICES IMPROVEMENT PLAN");
    assert.deepEqual(
      doc.sections.filter((s) => s.key.startsWith('cover.')).map((s) => [s.key, s.heading, s.lines]),
      [
        ['cover.report-to', 'Report to', [1]],
        ['cover.date', 'Date', [2]],
        ['cover.executive-member-reporting-officer', 'Executive Member / Reporting Officer', [3, 4]],
        ['cover.subject', 'Subject', [5]],
        ['cover.report-summary', 'Report Summary', [6]],
        ['cover.recommendations', 'Recommendations', [7]],
        ['cover.links-to-community-strategy', 'Links to Community Strategy', [8]],
        [
          'cover.financial-implications',
          'Financial Implications (Authorised by the Section 151 Officer)',
          [9, 10, 12, 14],
        ],
        ['cover.legal-implications', 'Legal Implications (Authorised by the Borough Solicitor)', [16]],
        ['cover.access-to-information', 'Access to Information', [18, 20]],
        ['cover.telephone', 'Telephone', [22]],
        ['cover.email', 'e-mail', [24]],
        ['cover.contact-name', 'Contact name', [20]],
      ],
    );
  });

  it('reads the cover values as a person meant them', () => {
    assert.equal(section(doc, 'cover.report-to').text, 'EXECUTIVE CABINET');
    assert.equal(section(doc, 'cover.date').text, '22 March 2017');
    assert.equal(
      section(doc, 'cover.executive-member-reporting-officer').text,
      'Councillor Peter Robinson – Executive Members (Children and Families)\n' +
        "Stephanie Butterworth – Executive Director (People Services) /Director of Children's Services (DCS)",
    );
    assert.equal(
      section(doc, 'cover.recommendations').text,
      "Executive Cabinet are asked to note the content of the report and agree that the Tameside Children's Services Improvement Plan – as outlined at Appendix 1 – is adopted as Tameside Council policy.",
    );
    const financial = section(doc, 'cover.financial-implications').text.split('\n');
    assert.equal(financial.length, 3);
    assert.match(
      financial[0]!,
      /^The Childrens Services Improvement Plan .* Recurrent budget provision of £ 6 million .* initiatives\.$/,
    );
    // Broken over a page break: "... additional capacity to" / "improve the development ...".
    assert.match(
      financial[1]!,
      /additional non-recurrent sum of £ 6 million .* additional capacity to improve the development of the service workforce\.$/,
    );
    assert.match(financial[2]!, /^Executive Cabinet members should note .* longer term\.$/);
    assert.match(
      section(doc, 'cover.legal-implications').text,
      /^Failing to develop, .* escalation of the intervention$/,
    );
    assert.equal(section(doc, 'cover.contact-name').text, 'James Smith');
    assert.equal(section(doc, 'cover.telephone').text, '0161 342 3711');
    assert.equal(section(doc, 'cover.email').text, 'james.smith@tameside.gov.uk');
  });

  it('strips bold, HTML and LaTeX from every value', () => {
    for (const s of doc.sections) {
      for (const text of [s.heading, s.text, ...flattenItems(s.items).map((i) => i.text)]) {
        assert.doesNotMatch(text, /<\/?b>|\*\*|\\pounds|\$/, `${s.key}: ${text}`);
      }
    }
  });

  it('reads the numbered sections and paragraphs with their bullets', () => {
    assert.deepEqual(
      doc.sections
        .filter((s) => s.key.startsWith('section.'))
        .map((s) => [s.key, s.heading, s.items.length, s.lines]),
      [
        ['section.1', 'TAMESIDE CHILDRENS SERVICES IMPROVEMENT PLAN', 0, [26]],
        ['section.1.1', '1.1', 0, [28]],
        ['section.1.2', '1.2', 0, [29]],
        ['section.1.3', '1.3', 0, [30]],
        ['section.1.4', '1.4', 16, [31]],
        ['section.1.5', '1.5', 0, [48, 50]],
        ['section.2', 'FEEDBACK ON THE DEVELOPMENT OF THE IMPROVEMENT PLAN', 0, [52]],
        ['section.2.1', '2.1', 0, [54]],
        ['section.2.2', '2.2', 0, [55]],
        ['section.2.3', '2.3', 0, [56]],
        ['section.2.4', '2.4', 3, [57]],
        ['section.2.5', '2.5', 0, [61]],
        ['section.2.6', '2.6', 0, [62]],
        ['section.2.7', '2.7', 4, [63]],
        ['section.3', 'NEXT STEPS', 0, [70]],
        ['section.3.1', '3.1', 0, [72]],
        ['section.3.2', '3.2', 0, [73]],
        ['section.3.3', '3.3', 6, [74]],
        ['section.3.4', '3.4', 0, [81]],
        ['section.4', 'RECOMMENDATIONS', 0, [83]],
        ['section.4.1', '4.1', 0, [85]],
      ],
    );
    assert.match(
      section(doc, 'section.1.5').text,
      /as at time of publication of Cabinet agenda\. Executive Cabinet are asked to adopt .* as Tameside Council policy\.$/,
    );
    assert.equal(section(doc, 'section.1.3').text.includes('attached at Appendix 1 includes'), true);
    assert.equal(section(doc, 'section.4.1').text, 'As stated on the report cover.');
  });

  it('keeps the bullet after the page break in 2.7', () => {
    const items = section(doc, 'section.2.7').items;
    assert.deepEqual(items[3], {
      text: 'Increased workforce stability to ensure that children and young people are able to build effective relationships with social workers and other professionals.',
      children: [],
      lines: [68],
    });
  });

  it('reads the consultation themes from their bold lead words', () => {
    assert.deepEqual(
      doc.sections
        .filter((s) => s.key.startsWith('theme.'))
        .map((s) => [s.key, s.heading, s.items.length, s.lines]),
      [
        ['theme.demand-and-need', 'Demand and need', 0, [55, 56]],
        ['theme.information-sharing', 'Information sharing', 3, [57]],
        ['theme.early-intervention-and-prevention', 'Early intervention and prevention', 0, [61, 62]],
        ['theme.partnership-working', 'Partnership working', 4, [63]],
      ],
    );
    assert.match(
      section(doc, 'theme.demand-and-need').text,
      /^all respondents raised points .*\n\nIt was also suggested/s,
    );
  });

  it('lists the meetings that receive the quarterly reports', () => {
    const meetings = section(doc, 'meetings');
    assert.equal(meetings.heading, 'Quarterly reports will be discussed at the following key meetings');
    assert.deepEqual(texts(meetings.items), [
      'Executive Cabinet of Tameside Council',
      'Tameside Health and Well Being Board',
      "Tameside Safeguarding Children's Board",
      'Integrated Care and Wellbeing Scrutiny Panel',
      'Tameside and Glossop Single Commissioning Board',
      '2BeUs (Children in Care Council)',
    ]);
    assert.deepEqual(
      meetings.items.map((i) => i.lines[0]),
      [75, 76, 77, 78, 79, 80],
    );
  });
});

describe('Cabinet report: another council (Northvale, colons, plain headings, lettered bullets)', () => {
  const lines = fixture('cabinet-report-northvale.txt');
  const doc = cabinetReportExtractor.extract(lines);

  it('is recognised, and loses no line', () => {
    assert.ok(cabinetReportExtractor.recognise(lines) >= 0.5);
    assert.deepEqual(doc.unplaced, []);
    assertAccounted(lines, doc);
  });

  it('reads the cover whatever the labels are called', () => {
    assert.equal(doc.title, "CHILDREN'S SERVICES IMPROVEMENT PLAN: SIX MONTH UPDATE");
    assert.deepEqual(
      doc.sections.filter((s) => s.key.startsWith('cover.')).map((s) => s.key),
      [
        'cover.report-to',
        'cover.date',
        'cover.portfolio-holder',
        'cover.report-of',
        'cover.subject',
        'cover.summary',
        'cover.recommendations',
        'cover.financial-implications',
        'cover.legal-implications',
        'cover.background-papers',
        'cover.contact-officer',
        'cover.telephone',
        'cover.email',
      ],
    );
    assert.equal(
      section(doc, 'cover.financial-implications').text,
      'The plan is funded from the £2.1 million agreed in the 2022/23 budget. No new spending is proposed.',
    );
  });

  it('reads plain numbered headings, themes and the boards that receive reports', () => {
    assert.deepEqual(
      doc.sections.filter((s) => /^section\.\d+$/.test(s.key)).map((s) => s.heading),
      ['INTRODUCTION', 'PROGRESS', 'GOVERNANCE', 'RECOMMENDATIONS'],
    );
    assert.deepEqual(texts(section(doc, 'section.2.3').items), [
      'Twenty audits were completed in the quarter.',
      'Findings were shared with every team manager.',
    ]);
    assert.deepEqual(
      doc.sections.filter((s) => s.key.startsWith('theme.')).map((s) => [s.key, s.text.split('\n\n').length]),
      [
        ['theme.workforce', 2],
        ['theme.practice-quality', 1],
      ],
    );
    assert.equal(
      section(doc, 'theme.practice-quality').text,
      'audits show that plans are clearer and more specific.',
    );
    assert.deepEqual(texts(section(doc, 'meetings').items), [
      'Improvement Board',
      'Corporate Parenting Panel',
      "Children's Scrutiny Committee",
    ]);
  });
});

describe('Cabinet report: recognition', () => {
  it('scores low on the other kinds of document', () => {
    for (const name of otherKindsThan('seeds/002-cabinet-report.txt')) {
      assert.ok(cabinetReportExtractor.recognise(fixture(name)) < 0.3, name);
    }
  });
});

describe('Cabinet report: generated reports', () => {
  it('give exactly the cover, sections, paragraphs and bullets written, every time, losing no line', () => {
    fc.assert(
      fc.property(cabinetSpec, (spec) => {
        const text = renderCabinet(spec);
        const lines = toSourceLines(text);
        const doc = cabinetReportExtractor.extract(lines);
        assert.ok(cabinetReportExtractor.recognise(lines) >= 0.5);
        assert.deepEqual(
          doc.sections
            .filter((s) => /^(?:cover|section)\./.test(s.key))
            .map((s) => [s.key, s.text, texts(s.items)]),
          expectedCabinet(spec),
        );
        assert.deepEqual(doc.unplaced, []);
        assertAccounted(lines, doc);
        assert.deepEqual(cabinetReportExtractor.extract(toSourceLines(text)), doc);
        assert.deepEqual(cabinetReportExtractor.extract(toSourceLines(text.replace(/\n/g, '\r\n'))), doc);
      }),
      { numRuns: 150 },
    );
  });
});

describe('cabinet report: any lines at all', () => {
  const line = fc.oneof(
    fc.constantFrom(
      'Report to:\tEXECUTIVE CABINET',
      'Date:\t22 March 2017',
      '\tcontinued value',
      'Subject: TITLE',
      'Financial Implications: (Authorised) value',
      'Access to Information :',
      'contacting the report writer Jo Bloggs:',
      'Telephone: 0161',
      '## 1. TITLE',
      '1. TITLE',
      '- 1.1 **Lead** text',
      '2.1 <b>Bold</b> the following key meetings:',
      '  - bullet',
      '• stray',
      '(a) lettered',
      '$\\pounds$ 6 million',
      'wrapped to',
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
        const score = cabinetReportExtractor.recognise(lines);
        assert.ok(score >= 0 && score <= 1, `score ${score}`);
        const doc = cabinetReportExtractor.extract(lines);
        assertAccounted(lines, doc);
        assert.deepEqual(cabinetReportExtractor.extract(lines), doc);
      }),
      { numRuns: 300 },
    );
  });
});
