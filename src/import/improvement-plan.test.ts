import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertAccounted, fixture, otherKindsThan, section, texts } from './fixtures/extraction.ts';
import { expectedPlan, planSpec, renderPlan } from './fixtures/improvement-plan-generator.ts';
import { improvementPlanExtractor } from './improvement-plan.ts';
import { toSourceLines } from './text.ts';

describe('improvement plan: Tameside reset, November 2017 (seed 003)', () => {
  const lines = fixture('seeds/003-improvement-plan.txt');
  const doc = improvementPlanExtractor.extract(lines);

  it('is recognised, and loses no line', () => {
    assert.equal(improvementPlanExtractor.recognise(lines), 1);
    assertAccounted(lines, doc);
  });

  it('reads the title, and the page number as furniture', () => {
    assert.equal(doc.title, 'SUCCESSFUL FAMILIES');
    assert.equal(doc.period, '2017');
    assert.deepEqual(doc.pageFurniture, [{ number: 249, text: '6' }]);
  });

  it('reads six priorities, each from the blocks before its heading', () => {
    assert.deepEqual(
      doc.priorities.map((p) => [p.number, p.title, p.impactForChildren.length, p.whatWeWillDo.length]),
      [
        [1, 'GOOD STANDARDS FOR EVERY CHILD AND FAMILY', 1, 3],
        [2, 'IMPROVING PRACTICE BY RECRUITING AND RETAINING PEOPLE WHO WILL DELIVER', 1, 3],
        [3, 'IMPROVING PRACTICE THROUGH BETTER LEADERSHIP AND MANAGEMENT', 2, 3],
        [4, 'IMPROVING PRACTICE THROUGH CASELOADS WHICH ENABLE HIGH PRACTICE STANDARDS', 2, 4],
        [5, 'IMPROVING SAFEGUARDING PRACTICE', 3, 1],
        [6, 'IMPROVING PRACTICE TO CHILDREN LOOKED AFTER AND CARE LEAVERS', 1, 5],
      ],
    );
    assert.deepEqual(doc.priorities[0]!.lines, [145, 147, 148, 149, 151, 162]);
  });

  it('joins wrapped lines into whole impacts and actions', () => {
    const [p1, , , p4, p5, p6] = doc.priorities;
    assert.deepEqual(p1!.impactForChildren, [
      'Our children will have their needs clearly identified and those needs met with effective interventions rooted in relationship based practice which is effectively structured and managed.',
    ]);
    assert.deepEqual(p1!.whatWeWillDo[0], {
      text: 'We will be crystal clear about our expectations of core casework standards',
      children: [],
      lines: [153, 154],
    });
    assert.equal(
      p4!.whatWeWillDo[1]!.text,
      'With partners, We will work with partners to deliver a more effective Early Help offer in Tameside, which meets lower levels of need without social work intervention.',
    );
    assert.equal(
      p6!.whatWeWillDo[3]!.text,
      'We will improve educational and health outcomes for Children in Care and Care Leavers.',
    );
    assert.equal(p6!.impactForChildren.length, 1);
    // The un-bulleted list under "in particular:" is the action's sub-list.
    const risk = p5!.whatWeWillDo[0]!;
    assert.equal(
      risk.text,
      'Effectively identify specific forms of risk to children and respond proficiently, in particular:',
    );
    assert.deepEqual(
      risk.children.map((c) => [c.text, c.lines]),
      [
        ['CSE', [299]],
        ['Missing from home', [300]],
        ['Domestic abuse', [301]],
        ['Parental substance misuse', [302]],
        ['Parental mental ill health', [303]],
        ['Neglect', [304]],
      ],
    );
  });

  it('reads the standards by group, joining bullets wrapped over a blank line', () => {
    assert.deepEqual(
      doc.standards.map((s) => [s.group, s.name, s.description ?? null]),
      [
        ['Common core', 'Child’s views always obtained', null],
        ['Common core', 'Assessments', 'including chronologies'],
        [
          'Common core',
          'Plans',
          'Clear and SMART (specific, measurable, agreed upon, realistic and time-based)',
        ],
        ['Common core', 'Reviews which measure progress with rigour', null],
        ['Common core', 'Whole family approach', null],
        ['Common core', 'Multi-agency working', null],
        ['Common core', 'Supervision', null],
        [
          'Safeguarding Standards',
          'Responding to risk',
          'thresholds, child protection enquiries and compliance with Working Together',
        ],
        ['Safeguarding Standards', 'Reducing risk', 'effective interventions, core groups and conferences'],
        ['Safeguarding Standards', 'Securing long term safety', 'care proceedings'],
        [
          'Looked After Children and Care Leaver Standards',
          'Focus on Pathway Planning',
          'compliance and quality',
        ],
        ['Looked After Children and Care Leaver Standards', 'Placement standards', null],
        ['Looked After Children and Care Leaver Standards', 'Education and health needs', null],
      ],
    );
    // The group headings are read into the first standard of the group they introduce.
    assert.deepEqual(doc.standards[0]!.lines, [164, 165, 167]);
    assert.deepEqual(doc.standards[7]!.lines, [177, 178, 180, 182, 183, 185]);
  });

  it('reads staff quotes with their names, and the four "You said / We did" items', () => {
    assert.deepEqual(
      doc.feedback.map((f) => [f.source, f.attribution ?? null, f.response !== undefined, f.lines[0]]),
      [
        ['staff', 'Daniel Murphy, Duty & Safeguarding Team Manager', false, 213],
        ['staff', 'Paul Bradley, Residential Practice Manager', false, 241],
        ['staff', 'Yasmin Samms, Family Intervention Worker', false, 277],
        ['staff', 'Jakia Islam, Customer Care Officer in The Hub', false, 308],
        ['staff', 'Marie Buxton Rickard, Foster Carer', false, 348],
        ['staff', null, true, 356],
        ['staff', null, true, 365],
        ['staff', null, true, 376],
        ['staff', null, true, 385],
      ],
    );
    assert.equal(
      doc.feedback[4]!.said.startsWith('Training – as well as working closely together as team'),
      true,
    );
    assert.equal(
      doc.feedback[6]!.said,
      'We need to slow down on making changes and that we need to reflect and learn if we are to make real improvements.\nIt feels chaotic',
    );
    assert.equal(
      doc.feedback[5]!.response,
      'Senior leadership agreed and revised the improvement plan with the involvement of staff. The new plan is clear about what we will do to improve and how these actions will impact on children and families.',
    );
  });

  it('leaves the repeated name with no quote unplaced, and says why', () => {
    assert.deepEqual(doc.unplaced, [
      { number: 317, text: ' Yasmin Samms' },
      { number: 318, text: 'Family Intervention Worker' },
    ]);
    assert.deepEqual(doc.needsReview, [
      {
        message:
          '"Yasmin Samms, Family Intervention Worker" stands on its own, with nothing it plainly belongs to',
        lines: [317, 318],
      },
    ]);
  });

  it('reads the foreword (text before its heading) with its signatory', () => {
    const foreword = section(doc, 'foreword');
    assert.equal(foreword.heading, 'Foreword');
    assert.equal(foreword.text.split('\n\n').length, 6);
    assert.ok(
      foreword.text.startsWith(
        'Our children and families in Tameside need and deserve services from us that are always',
      ),
    );
    assert.ok(foreword.lines.includes(63));
    assert.deepEqual(
      ['name', 'role', 'date'].map((k) => [
        section(doc, `foreword.signatory.${k}`).text,
        section(doc, `foreword.signatory.${k}`).lines,
      ]),
      [
        ['James Thomas', [59]],
        ['Director of Children’s Services', [60]],
        ['November 2017', [61]],
      ],
    );
  });

  it('reads the vision, the values and the slogan', () => {
    assert.equal(section(doc, 'vision').text.split('\n\n').length, 5);
    assert.deepEqual(texts(section(doc, 'values').items), [
      'Child centred',
      'Honest and respectful',
      'Services based on effective relationships',
      'Commitment to continual improvement',
      'A culture of public service',
    ]);
    assert.equal(
      section(doc, 'slogan').text,
      'Children in Tameside will always receive the help and protection that they need when they need it.',
    );
  });

  it('reads each role and its text, and the headings and intro paragraphs as sections', () => {
    assert.deepEqual(
      doc.sections.filter((s) => s.key.startsWith('roles.')).map((s) => [s.heading, s.lines[0]]),
      [
        ['Improvement Board', 103],
        ['Lead Executive Member', 112],
        ['Tameside Safeguarding Children’s Board (TSCB)', 119],
        ['Director of Children’s Services (DCS)', 125],
        ['Children’s Services Leaders and Managers', 129],
        ['Frontline Practitioners and Business Support', 133],
      ],
    );
    assert.equal(
      section(doc, 'roles.director-of-childrens-services-dcs').text,
      'The DCS holds the primary lead role for the development and delivery of this Improvement Plan',
    );
    assert.deepEqual(section(doc, 'roles').lines, [101, 138, 140, 141]);
    assert.deepEqual(section(doc, 'feedback').lines, [397, 398, 400, 402]);
    assert.equal(section(doc, 'feedback').heading, 'Acting on your feedback to further drive improvement');
  });
});

describe('improvement plan: another council (Eastmoor, headings first, colons, dashes)', () => {
  const lines = fixture('improvement-plan-eastmoor.txt');
  const doc = improvementPlanExtractor.extract(lines);

  it('is recognised, and loses no line', () => {
    assert.ok(improvementPlanExtractor.recognise(lines) >= 0.5);
    assert.deepEqual(doc.unplaced, []);
    assert.deepEqual(doc.needsReview, []);
    assertAccounted(lines, doc);
  });

  it('reads four priorities from the blocks after their headings', () => {
    assert.equal(doc.period, '2024-25');
    assert.deepEqual(
      doc.priorities.map((p) => [p.number, p.title, p.impactForChildren.length, texts(p.whatWeWillDo)]),
      [
        [
          1,
          'Getting help early',
          2,
          [
            'Open two family hubs with partners in the north and south of the borough.',
            'Train 200 staff in the new early help assessment.',
          ],
        ],
        [
          2,
          'A stable workforce',
          1,
          ['Reduce agency social workers to 15%.', 'Offer a career pathway for experienced social workers.'],
        ],
        [
          3,
          'Children in care and care leavers',
          2,
          [
            'Recruit 40 new foster carers.',
            'Guarantee apprenticeships for care leavers in council services.',
          ],
        ],
        [4, 'Listening to children', 1, ["Hold a children's question time twice a year."]],
      ],
    );
  });

  it('reads the standards, the quote and the feedback, and the sections in ordinary case', () => {
    assert.deepEqual(
      doc.standards.map((s) => [s.group, s.name]),
      [
        ['Practice standards', 'Children are seen alone'],
        ['Practice standards', 'Plans are written for the child'],
        ['Practice standards', 'Records are up to date'],
        ['Practice standards', 'Supervision every month'],
        ['Practice standards', 'Management oversight on every case'],
      ],
    );
    assert.deepEqual(
      doc.feedback.map((f) => [f.source, f.said, f.response ?? null, f.attribution ?? null]),
      [
        [
          'staff',
          'The new induction made me feel part of a team from day one.',
          null,
          'Amira Hassan, Newly Qualified Social Worker',
        ],
        ['staff', 'Meetings are too long.', 'We moved to 45 minute team meetings with a fixed agenda.', null],
        [
          'staff',
          "We don't hear what happens after we raise concerns.",
          'Every concern now gets a written reply within ten working days.',
          null,
        ],
      ],
    );
    assert.deepEqual(
      doc.sections.map((s) => s.key),
      [
        'title',
        'foreword',
        'foreword.signatory.name',
        'foreword.signatory.role',
        'foreword.signatory.date',
        'vision',
        'values',
        'feedback',
      ],
    );
    assert.deepEqual(texts(section(doc, 'values').items), [
      'Listen to children',
      'Be honest with families',
      'Keep our promises',
    ]);
  });
});

describe('improvement plan: recognition', () => {
  it('scores low on the other kinds of document', () => {
    for (const name of otherKindsThan('seeds/003-improvement-plan.txt')) {
      assert.ok(improvementPlanExtractor.recognise(fixture(name)) < 0.3, name);
    }
  });
});

describe('improvement plan: generated plans', () => {
  it('give exactly the priorities, standards and feedback written, in either order, losing no line', () => {
    fc.assert(
      fc.property(planSpec, (spec) => {
        const text = renderPlan(spec);
        const lines = toSourceLines(text);
        const doc = improvementPlanExtractor.extract(lines);
        assert.ok(improvementPlanExtractor.recognise(lines) >= 0.5);
        const expected = expectedPlan(spec);
        assert.deepEqual(
          doc.priorities.map((p) => ({
            number: p.number,
            title: p.title,
            impact: p.impactForChildren,
            actions: texts(p.whatWeWillDo),
          })),
          expected.priorities,
        );
        assert.deepEqual(
          doc.standards.map((s) => ({ group: s.group, name: s.name })),
          expected.standards,
        );
        assert.deepEqual(
          doc.feedback.map(({ lines: _lines, ...f }) => f),
          expected.feedback,
        );
        assert.equal(section(doc, 'foreword').text, spec.foreword.paragraphs.join('\n\n'));
        assert.equal(doc.period, spec.period);
        assert.deepEqual(doc.unplaced, []);
        assert.deepEqual(doc.needsReview, []);
        assertAccounted(lines, doc);
        assert.deepEqual(improvementPlanExtractor.extract(toSourceLines(text)), doc);
        assert.deepEqual(improvementPlanExtractor.extract(toSourceLines(text.replace(/\n/g, '\r\n'))), doc);
      }),
      { numRuns: 150 },
    );
  });
});

describe('improvement plan: any lines at all', () => {
  const line = fc.oneof(
    fc.constantFrom(
      'PRIORITY 1: GOOD STANDARDS',
      'Priority 2 – Title',
      'What will be the impact for children?',
      'Impact for children:',
      'What will we do?',
      'What we will do:',
      'You said...',
      'We did...',
      'FOREWORD',
      'Our values:',
      'COMMON CORE',
      '7 STANDARDS FOR ALL',
      '• item',
      '• in particular:',
      'CSE',
      '“A quote',
      'that ends.”',
      '“Short”',
      'Jo Bloggs',
      'Team Manager',
      'March 2024',
      ' Jo Bloggs',
      '6',
      'wrapped line',
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
        const score = improvementPlanExtractor.recognise(lines);
        assert.ok(score >= 0 && score <= 1, `score ${score}`);
        const doc = improvementPlanExtractor.extract(lines);
        assertAccounted(lines, doc);
        assert.deepEqual(improvementPlanExtractor.extract(lines), doc);
      }),
      { numRuns: 300 },
    );
  });
});
