import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkEvidence,
  readReason,
  reasonWordingRules,
  type EvidenceInput,
  type ReportArea,
} from './evidence-check.ts';

/* Seed 001: the highlight report for the board of 10 September 2024, abridged to what matters. */
const SEED_AMBER =
  'Amber (At Risk) - One or more aspect of programme viability i.e. time, cost, scope, quality etc. is at risk. However, the deviation from plan is within agreed tolerances.';
const SEED_GREEN =
  'Green - (On Plan) The programme is performing to plan. All aspects of programme viability are within tolerance. No action needed.';
const SEED_REASON = 'Progress against plan not as expected in some areas but with recovery actions in place.';

const seedPriorities: { name: string; previousRag: string; currentRag: string; areas: ReportArea[] }[] = [
  {
    name: '1. Quality of Practice',
    previousRag: SEED_AMBER,
    currentRag: SEED_AMBER,
    areas: [
      {
        title: 'The consistency in applying thresholds and interventions for children',
        progress: ['The MASH contact and enquiry form has been revised and went live in LCS on 29 July.'],
        nextPeriod: ['Graded Care Profile will replace the TNAP in September 24.'],
      },
    ],
  },
  {
    name: '2. Working in Partnership',
    previousRag: SEED_AMBER,
    currentRag: SEED_AMBER,
    areas: [
      {
        title:
          'The engagement and participation of children and young people in their assessments, planning and service delivery.',
        progress: ['The Participation strategy is in the final stages'],
        nextPeriod: ['A focus on the voice of the child within audit activity'],
      },
    ],
  },
  {
    name: '3. Achieving Permanence',
    previousRag: SEED_AMBER,
    currentRag: SEED_AMBER,
    areas: [
      {
        title: 'The sufficiency of placements to meet the needs of children',
        progress: ['New additional 6 bed property for migrant children opened on Monday 5 August.'],
        nextPeriod: ['The build of the new residential home is expected to commence in September 24.'],
      },
    ],
  },
  {
    name: '4. Leadership and Workforce',
    previousRag: SEED_AMBER,
    currentRag: SEED_GREEN,
    areas: [
      {
        title: "The council's oversight, accountability and governance of leadership of children's services",
        progress: [
          'A resources paper to seek investment of almost £5m has been fully approved.',
          'Family Hubs progress report was received and highlighted the excellent progress over the past 6 months.',
          'an overarching vision and narrative',
        ],
        nextPeriod: ["Consult on and implement the approved Children's Service review."],
      },
    ],
  },
];

function report(overrides: Partial<EvidenceInput> = {}): EvidenceInput {
  return {
    currentRag: 'amber',
    previousRag: 'amber',
    reason: SEED_REASON,
    areas: [{ title: 'Area', progress: ['Something happened.'], nextPeriod: ['Something will happen.'] }],
    overdueCommitments: [],
    offTargetMeasures: [],
    ...overrides,
  };
}

const kinds = (input: EvidenceInput) => checkEvidence(input).map((w) => w.kind);

test('seed 001: the Amber priorities agree with their reason, the Green one does not', () => {
  for (const priority of seedPriorities) {
    const warnings = checkEvidence({
      currentRag: priority.currentRag,
      previousRag: priority.previousRag,
      reason: SEED_REASON,
      areas: priority.areas,
      overdueCommitments: [],
      offTargetMeasures: [],
    });
    if (priority.name.startsWith('4.')) {
      assert.deepEqual(warnings, [
        {
          kind: 'rag-reason-mismatch',
          message:
            'The status is Green (On Plan), but the reason for the RAG says “not as expected” and “recovery actions”, which describes work that is at risk or off track.',
          evidence: ['not as expected', 'recovery actions'],
        },
      ]);
    } else {
      assert.deepEqual(warnings, [], priority.name);
    }
  }
});

test('readReason: the seed reason is at-risk wording, with the negation handled', () => {
  const reading = readReason(SEED_REASON);
  assert.equal(reading.signal, 'at-risk');
  assert.deepEqual(
    reading.matches.map((m) => [m.text, m.signal, m.negated]),
    [
      ['not as expected', 'at-risk', true],
      ['recovery actions', 'at-risk', false],
    ],
  );
});

test('readReason classifies common wording', () => {
  const cases: [string, string][] = [
    ['All actions are on track.', 'on-track'],
    ['Not on track.', 'at-risk'],
    ['Work is not fully on track', 'at-risk'],
    ['Progress as expected, no issues.', 'on-track'],
    ['No concerns this period.', 'on-track'],
    ['There are no delays.', 'on-track'],
    ['Recruitment is behind plan.', 'at-risk'],
    ['The audit was delayed by staff absence.', 'at-risk'],
    ['Not yet completed.', 'at-risk'],
    ['Completed as planned.', 'on-track'],
    ['Delivery is at risk.', 'at-risk'],
    ['Some concern about sufficiency.', 'at-risk'],
    ['On plan, but the audit is delayed.', 'mixed'],
    ["Isn't on track", 'at-risk'],
    ['Isn’t on track', 'at-risk'],
    ['Within tolerance.', 'on-track'],
    ['', 'none'],
    ['See the appendix.', 'none'],
    // Whole words only.
    ['Behindhand sorting of papers', 'none'],
    ['Trackers on planets', 'none'],
    ['Incomplete', 'none'],
  ];
  for (const [text, want] of cases) assert.equal(readReason(text).signal, want, text);
});

test('readReason keeps the words as written, for the evidence', () => {
  assert.deepEqual(
    readReason('Progress NOT   as expected').matches.map((m) => m.text),
    ['NOT as expected'],
  );
});

test('rag-reason-mismatch: Red with only on-track wording', () => {
  const warnings = checkEvidence(
    report({ currentRag: 'Red', reason: 'All actions on track and completed.' }),
  );
  assert.deepEqual(warnings, [
    {
      kind: 'rag-reason-mismatch',
      message:
        'The status is Red (Off Plan), but the reason for the RAG says “on track” and “completed”, which describes work that is on track.',
      evidence: ['on track', 'completed'],
    },
  ]);
});

test('rag-reason-mismatch: what does not warn', () => {
  assert.deepEqual(
    kinds(report({ currentRag: 'Red', reason: 'Behind plan; recovery plan not yet completed.' })),
    [],
  );
  // Mixed wording under Red names the problem as well as the good news: consistent enough.
  assert.deepEqual(
    kinds(report({ currentRag: 'Red', reason: 'Audit completed but recruitment delayed.' })),
    [],
  );
  assert.deepEqual(kinds(report({ currentRag: 'Green', reason: 'On track.' })), []);
  assert.deepEqual(kinds(report({ currentRag: 'Green', reason: '' })), []);
  assert.deepEqual(kinds(report({ currentRag: null, reason: 'Delayed.' })), []);
  assert.deepEqual(kinds(report({ currentRag: 'Purple', reason: 'Delayed.' })), []);
});

test('rag-reason-mismatch: Blue with at-risk wording', () => {
  assert.deepEqual(
    kinds(report({ currentRag: 'Blue (Complete)', reason: 'Complete, but concerns remain.' })),
    ['rag-reason-mismatch'],
  );
});

test('overdue-commitments: one warning listing each', () => {
  const warnings = checkEvidence(
    report({
      overdueCommitments: [
        {
          id: 1,
          text: 'Foster Carer Strategy to be drafted',
          dueOn: '2024-08-31',
          owner: 'Head of Fostering',
        },
        { id: 2, text: 'SGO Policy reviewed by legal', dueOn: '2024-09-01', owner: ' ' },
      ],
    }),
  );
  assert.deepEqual(warnings, [
    {
      kind: 'overdue-commitments',
      message:
        '2 commitments are past their due date: Foster Carer Strategy to be drafted (due 31 August 2024, owner Head of Fostering); SGO Policy reviewed by legal (due 1 September 2024, owner not recorded).',
      evidence: [
        'Foster Carer Strategy to be drafted (due 31 August 2024, owner Head of Fostering)',
        'SGO Policy reviewed by legal (due 1 September 2024, owner not recorded)',
      ],
    },
  ]);
  const one = checkEvidence(
    report({
      overdueCommitments: [{ id: 1, text: 'Draft the protocol', dueOn: '2024-08-31', owner: 'Sam' }],
    }),
  );
  assert.match(one[0]!.message, /^1 commitment is past its due date: Draft the protocol/);
});

test('measure-off-target: one warning per measure, with the numbers', () => {
  const warnings = checkEvidence(
    report({
      currentRag: 'Green',
      reason: 'On plan.',
      offTargetMeasures: [
        {
          id: 1,
          name: 'Cared for children seen within timescales',
          rating: 'red',
          value: '83%',
          target: '90%',
        },
        { id: 2, name: 'Open cases', rating: 'amber', value: 2474, target: 2200 },
      ],
    }),
  );
  assert.deepEqual(warnings, [
    {
      kind: 'measure-off-target',
      message:
        'Cared for children seen within timescales is rated red: 83% against a target of 90%, while the priority is Green (On Plan).',
      evidence: ['Cared for children seen within timescales', 'value 83%', 'target 90%'],
    },
    {
      kind: 'measure-off-target',
      message:
        'Open cases is rated amber: 2,474 against a target of 2,200, while the priority is Green (On Plan).',
      evidence: ['Open cases', 'value 2,474', 'target 2,200'],
    },
  ]);
  const underAmber = checkEvidence(
    report({ offTargetMeasures: [{ id: 3, name: 'Re-referrals', rating: 'red', value: 27, target: 22 }] }),
  );
  assert.equal(underAmber[0]!.message, 'Re-referrals is rated red: 27 against a target of 22.');
});

test('rag-improved-without-progress', () => {
  const empty: ReportArea[] = [
    { title: 'Sufficiency', progress: [], nextPeriod: ['Open the new home'] },
    { title: 'Fostering', progress: ['  '], nextPeriod: [] },
  ];
  const warnings = checkEvidence(
    report({ previousRag: 'amber', currentRag: 'green', reason: 'On plan.', areas: empty }),
  );
  assert.deepEqual(warnings, [
    {
      kind: 'rag-improved-without-progress',
      message:
        'The status has improved from Amber (At Risk) to Green (On Plan), but no progress since the last board is recorded.',
      evidence: ['previous status Amber (At Risk)', 'current status Green (On Plan)', 'no progress items'],
    },
  ]);
  // Not when it stayed the same or got worse, or when there is progress.
  assert.deepEqual(kinds(report({ previousRag: 'amber', currentRag: 'amber', areas: empty })), []);
  assert.deepEqual(kinds(report({ previousRag: 'green', currentRag: 'amber', areas: empty })), []);
  assert.deepEqual(
    kinds(report({ previousRag: null, currentRag: 'green', reason: 'On plan.', areas: empty })),
    [],
  );
  assert.deepEqual(kinds(report({ previousRag: 'amber', currentRag: 'green', reason: 'On plan.' })), []);
  assert.deepEqual(
    kinds(report({ previousRag: 'amber', currentRag: 'green', reason: 'On plan.', areas: [] })),
    ['rag-improved-without-progress'],
  );
});

test('unchanged-text: a report copied forward, allowing for case, spacing and order', () => {
  const areas: ReportArea[] = [
    { title: 'Sufficiency', progress: ['Home opened.', 'Panel held'], nextPeriod: ['Recruit carers'] },
    { title: 'Fostering', progress: ['Coffee morning held'], nextPeriod: [] },
  ];
  const copied: ReportArea[] = [
    { title: 'fostering', progress: ['Coffee  morning held.'], nextPeriod: [] },
    { title: 'Sufficiency', progress: ['panel held', 'Home opened'], nextPeriod: ['Recruit carers '] },
  ];
  const warnings = checkEvidence(
    report({
      areas: copied,
      reason: SEED_REASON.toUpperCase(),
      previousReport: { reason: SEED_REASON, areas },
    }),
  );
  assert.deepEqual(warnings, [
    {
      kind: 'unchanged-text',
      message:
        'The reason for the RAG and the text for all 2 improvement areas are the same as in the previous report.',
      evidence: ['reason for the RAG', 'fostering', 'Sufficiency'],
    },
  ]);
});

test('unchanged-text: any real change clears it', () => {
  const areas: ReportArea[] = [
    { title: 'Sufficiency', progress: ['Home opened.'], nextPeriod: ['Recruit carers'] },
  ];
  const base = { reason: SEED_REASON, areas };
  const changed: Partial<EvidenceInput>[] = [
    { reason: 'Progress as expected.', areas },
    { areas: [{ ...areas[0]!, progress: ['Home opened.', 'Panel held.'] }] },
    { areas: [{ ...areas[0]!, nextPeriod: ['Recruit more carers'] }] },
    { areas: [...areas, { title: 'Fostering', progress: [], nextPeriod: [] }] },
    { areas: [{ ...areas[0]!, title: 'Placements' }] },
  ];
  for (const overrides of changed) {
    assert.deepEqual(kinds(report({ reason: SEED_REASON, areas, ...overrides, previousReport: base })), []);
  }
  // Nothing written at all is not "copied".
  const blank = { reason: '', areas: [{ title: 'Sufficiency', progress: [], nextPeriod: [] }] };
  assert.deepEqual(
    kinds(report({ ...blank, currentRag: null, previousRag: null, previousReport: blank })),
    [],
  );
  assert.equal(
    checkEvidence(report({ reason: SEED_REASON, areas, previousReport: base }))[0]!.message,
    'The reason for the RAG and the text for the improvement area are the same as in the previous report.',
  );
  assert.equal(
    checkEvidence(
      report({ reason: 'Delayed', areas: [], previousReport: { reason: 'delayed.', areas: [] } }),
    )[0]!.message,
    'The reason for the RAG is the same as in the previous report.',
  );
  // No previous report, nothing to compare.
  assert.deepEqual(kinds(report({ reason: SEED_REASON, areas })), []);
});

test('warnings come in reading order and all kinds can appear together', () => {
  const areas: ReportArea[] = [{ title: 'Sufficiency', progress: [], nextPeriod: ['x'] }];
  assert.deepEqual(
    kinds(
      report({
        previousRag: 'amber',
        currentRag: 'green',
        reason: 'Delayed',
        areas,
        previousReport: { reason: 'delayed', areas },
        overdueCommitments: [{ id: 1, text: 'a', dueOn: '2024-01-01', owner: 'b' }],
        offTargetMeasures: [{ id: 1, name: 'm', rating: 'red', value: 1, target: 2 }],
      }),
    ),
    [
      'rag-reason-mismatch',
      'rag-improved-without-progress',
      'unchanged-text',
      'overdue-commitments',
      'measure-off-target',
    ],
  );
});

test('every wording rule is found by itself and turned round by "not"', () => {
  for (const rule of reasonWordingRules) {
    if (rule.phrase.startsWith('no ')) continue;
    assert.equal(readReason(`The work is ${rule.phrase}.`).signal, rule.signal, rule.phrase);
    const flipped = rule.signal === 'at-risk' ? 'on-track' : 'at-risk';
    assert.equal(readReason(`The work is not ${rule.phrase}.`).signal, flipped, `not ${rule.phrase}`);
  }
});

test('checkEvidence never throws and every warning names its evidence', () => {
  const text = fc.string({ maxLength: 40 });
  const area = fc.record({
    title: text,
    progress: fc.array(text, { maxLength: 3 }),
    nextPeriod: fc.array(text, { maxLength: 3 }),
  });
  const rag = fc.option(fc.constantFrom('red', 'amber', 'green', 'blue', 'Amber (At Risk)', 'purple', ''), {
    nil: null,
  });
  fc.assert(
    fc.property(
      rag,
      rag,
      text,
      fc.array(area, { maxLength: 3 }),
      fc.boolean(),
      (currentRag, previousRag, reason, areas, copied) => {
        const warnings = checkEvidence({
          currentRag,
          previousRag,
          reason,
          areas,
          overdueCommitments: [],
          offTargetMeasures: [],
          ...(copied ? { previousReport: { reason, areas } } : {}),
        });
        for (const warning of warnings) {
          assert.ok(warning.message.endsWith('.'));
          assert.ok(warning.evidence.length > 0);
        }
      },
    ),
  );
});
