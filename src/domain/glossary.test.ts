import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  defaultGlossary,
  expandAcronyms,
  findUnknownAcronyms,
  unconfirmedEntries,
  type Glossary,
} from './glossary.ts';

const glossary = defaultGlossary();
const entry = (acronym: string) => glossary.find((e) => e.acronym === acronym);

// Every acronym DOMAIN.md names, and the others found in the five seed documents.
const REQUIRED = [
  ...'MASH S47 SEF SLIP DiSCO SEND EH CSC DCS TSCB CIN CP CFC IRO PA NEET EET IFA SGO LADO TNAP UASC PLO ASYE DWP VCSE DMT SLT ADLC LCS CHAT RAG KPI'.split(
    ' ',
  ),
  ...'DfE CIB TAS DRP CSE CLA LAC SoS DCSO ECG R24 QA LA SW SEN LGA SMART NHS Ofsted COVID BI ILACS SIF'.split(
    ' ',
  ),
];

test('the glossary holds every acronym from the seeds and DOMAIN.md, once each', () => {
  for (const acronym of REQUIRED) assert.ok(entry(acronym), `missing ${acronym}`);
  const forms = glossary.flatMap((e) => [e.acronym, ...(e.variants ?? [])]);
  assert.equal(new Set(forms).size, forms.length, 'an acronym or variant appears twice');
});

test('expansions are the children’s services meanings', () => {
  const expected: Record<string, string> = {
    MASH: 'Multi-Agency Safeguarding Hub',
    SGO: 'Special Guardianship Order',
    LADO: 'Local Authority Designated Officer',
    IRO: 'Independent Reviewing Officer',
    PA: 'Personal Adviser',
    IFA: 'Independent Fostering Agency',
    NEET: 'Not in Education, Employment or Training',
    UASC: 'Unaccompanied Asylum-Seeking Children',
    PLO: 'Public Law Outline',
    ASYE: 'Assessed and Supported Year in Employment',
    SLIP: 'Sector-Led Improvement Partner',
    VCSE: 'Voluntary, Community and Social Enterprise',
    DiSCO: 'Dedicated Social Care Officer',
    TAS: 'Team Around the Setting',
    DRP: 'Dispute Resolution Process',
    SoS: 'Signs of Safety',
    CFC: 'Cared for Children',
    CIB: "Children's Improvement Board",
    S47: 'Section 47',
    DfE: 'Department for Education',
  };
  for (const [acronym, expansion] of Object.entries(expected))
    assert.equal(entry(acronym)?.expansion, expansion);
});

test('guesses are marked, explained in a note and listed for the council to confirm', () => {
  const unsure = unconfirmedEntries(glossary).map((e) => e.acronym);
  assert.deepEqual(unsure.sort(), ['ADLC', 'DMT', 'ECG', 'TNAP']);
  for (const e of unconfirmedEntries(glossary)) assert.ok(e.note && e.note.length > 20, e.acronym);
});

test('first use is spelled out, later uses are left bare', () => {
  const result = expandAcronyms('The MASH dashboard went live. Staff in the MASH use it.', glossary);
  assert.equal(
    result.text,
    'The Multi-Agency Safeguarding Hub (MASH) dashboard went live. Staff in the MASH use it.',
  );
  assert.deepEqual(result.expanded, ['MASH']);
  assert.deepEqual(result.segments, [
    { text: 'The ' },
    { text: 'Multi-Agency Safeguarding Hub (MASH)', acronym: 'MASH', expanded: true },
    { text: ' dashboard went live. Staff in the ' },
    { text: 'MASH', acronym: 'MASH' },
    { text: ' use it.' },
  ]);
});

test('acronyms already spelled out earlier on the page stay bare', () => {
  const seen = new Set<string>();
  const first = expandAcronyms('Approved at SLT.', glossary, seen);
  for (const acronym of first.expanded) seen.add(acronym);
  const second = expandAcronyms('Going to SLT and DWP.', glossary, seen);
  assert.equal(first.text, 'Approved at Senior Leadership Team (SLT).');
  assert.equal(second.text, 'Going to SLT and Department for Work and Pensions (DWP).');
  assert.deepEqual(second.expanded, ['DWP']);
  assert.deepEqual([...seen], ['SLT'], 'the caller’s set is not changed');
});

test('whole words only, and case-sensitive', () => {
  const cases = [
    'The resources paper was approved.',
    'My pa has been amazing.',
    'We will SEND... no: we will send the letter.',
    'CPS and CPD are not CP.',
    'SLIPPAGE and ASLT and MASHED.',
  ];
  assert.equal(expandAcronyms(cases[0]!, glossary).text, cases[0]);
  assert.equal(expandAcronyms(cases[1]!, glossary).text, cases[1]);
  assert.equal(
    expandAcronyms(cases[2]!, glossary).text,
    'We will Special Educational Needs and Disabilities (SEND)... no: we will send the letter.',
  );
  assert.equal(expandAcronyms(cases[3]!, glossary).text, 'CPS and CPD are not Child Protection (CP).');
  assert.equal(expandAcronyms(cases[4]!, glossary).text, cases[4]);
});

test("plurals and apostrophes: IROs, PAs, IFA's, UASC's, S47", () => {
  assert.equal(
    expandAcronyms('Training for managers and IROs.', glossary).text,
    'Training for managers and Independent Reviewing Officers (IROs).',
  );
  assert.equal(
    expandAcronyms('More PAs and SWs.', glossary).text,
    'More Personal Advisers (PAs) and Social Workers (SWs).',
  );
  assert.equal(
    expandAcronyms("A survey of IFA's took place.", glossary).text,
    "A survey of Independent Fostering Agency's (IFA's) took place.",
  );
  assert.equal(
    expandAcronyms('health, UASC’s and Building', glossary).text,
    'health, Unaccompanied Asylum-Seeking Children’s (UASC’s) and Building',
  );
  assert.equal(
    expandAcronyms('the initial S47 strategy meetings', glossary).text,
    'the initial Section 47 (S47) strategy meetings',
  );
  assert.equal(expandAcronyms('S470 and AS47', glossary).text, 'S470 and AS47');
});

test('variants expand and count as the same acronym', () => {
  const result = expandAcronyms('DFE appointed an adviser. The DfE agreed.', glossary);
  assert.equal(result.text, 'Department for Education (DFE) appointed an adviser. The DfE agreed.');
  assert.deepEqual(result.expanded, ['DfE']);
  assert.equal(
    expandAcronyms('Contacts, Referrals, CiN, open cases', glossary).text,
    'Contacts, Referrals, Child in Need (CiN), open cases',
  );
});

test('what the writer already explained is not explained twice', () => {
  const cases = [
    'We arranged for the Multi-Agency Safeguarding Hub (MASH) to undertake the initial strategy meetings. The MASH is busy.',
    'A draft Dispute Resolution Process (DRP) has been reviewed.',
    'The Individual Reviewing Officer (IRO) Service will be supported.',
    'a Dedicated Social Care Officer role (Known as DiSCO) to connect',
    'Plans: Clear and SMART (specific, measurable, agreed\nupon, realistic and time-based)',
    'implemented the Department for Education (DfE) recommendations',
  ];
  for (const text of cases) {
    const result = expandAcronyms(text, glossary);
    assert.equal(result.text, text);
    assert.equal(result.expanded.length, 1, text);
  }
});

test('well-known abbreviations and unconfirmed guesses are left bare', () => {
  const text = 'NHS and Ofsted, OFSTED and COVID, Power BI. Signed off at DMT and ADLC; TNAP replaced.';
  const result = expandAcronyms(text, glossary);
  assert.equal(result.text, text);
  assert.deepEqual(result.expanded, []);
  assert.deepEqual(
    result.segments.filter((s) => s.acronym).map((s) => s.acronym),
    ['NHS', 'Ofsted', 'Ofsted', 'COVID', 'BI', 'DMT', 'ADLC', 'TNAP'],
  );
});

test('empty text and an empty glossary', () => {
  assert.deepEqual(expandAcronyms('', glossary), { text: '', segments: [], expanded: [] });
  assert.deepEqual(expandAcronyms('MASH', []), { text: 'MASH', segments: [{ text: 'MASH' }], expanded: [] });
});

test('expanding never loses text: removing the expansions gives back the original', () => {
  const forms = glossary.flatMap((e) => [e.acronym, ...(e.variants ?? [])]);
  const piece = fc.oneof(
    fc.constantFrom(...forms),
    fc.constantFrom(' ', ', ', '. ', '(', ')', "'s", 's', 'paper', 'the', '\n'),
    fc.string({ maxLength: 5 }),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
      const text = pieces.join('');
      const result = expandAcronyms(text, glossary);
      assert.equal(result.segments.map((s) => s.text).join(''), result.text);
      const restored = result.segments
        .map((s) => (s.expanded ? /\(([^()]*)\)$/.exec(s.text)![1] : s.text))
        .join('');
      assert.equal(restored, text);
      assert.equal(new Set(result.expanded).size, result.expanded.length);
      // Expanding again with what was expanded changes nothing further.
      assert.equal(expandAcronyms(text, glossary, new Set(result.expanded)).expanded.length, 0);
    }),
  );
});

test('findUnknownAcronyms reports acronyms the glossary cannot explain', () => {
  assert.deepEqual(
    findUnknownAcronyms('The MASH and the XYZ met the DfE and the CAMHS team. XYZ again.', glossary),
    ['XYZ', 'CAMHS'],
  );
  assert.deepEqual(findUnknownAcronyms('Signed off at DMT and ADLC.', glossary), ['DMT', 'ADLC']);
  assert.deepEqual(findUnknownAcronyms('More PAs and IROs and EHCPs.', glossary), ['EHCP']);
  assert.deepEqual(findUnknownAcronyms('', glossary), []);
});

test('findUnknownAcronyms ignores headings, shouting, brands and well-known abbreviations', () => {
  const text = [
    'PRIORITY 1: GOOD STANDARDS FOR EVERY CHILD AND FAMILY',
    '## 1. TAMESIDE CHILDRENS SERVICES IMPROVEMENT PLAN',
    'Report to: EXECUTIVE CABINET',
    'WE are accelerating ALL of it. A PEER review. Feedback on WhatsApp and PowerPoint.',
    'The NHS and OFSTED and COVID and Power BI. Cllr Bill Fairfoull. I am here.',
  ].join('\n');
  assert.deepEqual(findUnknownAcronyms(text, glossary), []);
});

test('findUnknownAcronyms uses the glossary it is given', () => {
  const local: Glossary = [{ acronym: 'CAMHS', expansion: 'Child and Adolescent Mental Health Services' }];
  assert.deepEqual(findUnknownAcronyms('CAMHS and MASH', local), ['MASH']);
});
