/*
 * The council glossary, and spelling acronyms out on first use (GOV.UK style: "Multi-Agency
 * Safeguarding Hub (MASH)" the first time on a page, "MASH" after). Plain text in, plain text
 * segments out, so the same rule serves HTML pages, DOCX and PDF.
 */

export interface GlossaryEntry {
  /** As written, matched case-sensitively: "DfE", "S47". */
  readonly acronym: string;
  readonly expansion: string;
  /** Other spellings in the council's documents ("DFE", "CiN"), expanded the same way. */
  readonly variants?: readonly string[];
  /** Used for "IROs", "PAs"; otherwise an "s" is added to the expansion. */
  readonly plural?: string;
  /**
   * False for abbreviations readers know better than the expansion (NHS, Ofsted, COVID): GOV.UK
   * style leaves those alone.
   */
  readonly explain?: boolean;
  /**
   * False when the expansion is a guess from context. Guesses are never printed on public
   * pages; they stay here so the council can confirm or correct them.
   */
  readonly confirmed?: boolean;
  readonly note?: string;
}

export type Glossary = readonly GlossaryEntry[];

/*
 * Every acronym in the five seed documents, and those DOMAIN.md lists. Expansions are the usual
 * meaning in English children's services; where the seed spells one out, the seed's meaning wins
 * (TAS, DRP, DiSCO, SoS, CIB). Unconfirmed entries say why in their note.
 */
const ENTRIES: Glossary = [
  {
    acronym: 'ADLC',
    expansion: '',
    confirmed: false,
    note: 'A Tameside meeting that reviews strategies and protocols before DMT (seed 001). Its name is not spelled out in any seed: ask the council.',
  },
  {
    acronym: 'ASYE',
    expansion: 'Assessed and Supported Year in Employment',
    note: 'First year in practice for newly qualified social workers.',
  },
  {
    acronym: 'BI',
    expansion: 'Business Intelligence',
    explain: false,
    note: 'Appears only in the product name Power BI.',
  },
  { acronym: 'CFC', expansion: 'Cared for Children', note: "Tameside's term for children in care." },
  {
    acronym: 'CHAT',
    expansion: "Children's Services Analysis Tool",
    variants: ['ChAT'],
    note: 'Usually written ChAT; the seed writes CHAT data. Widely used meaning; the seed does not spell it out.',
  },
  {
    acronym: 'CIB',
    expansion: "Children's Improvement Board",
    note: 'Seed 001 refers to the "children\'s improvement board".',
  },
  {
    acronym: 'CIN',
    expansion: 'Child in Need',
    variants: ['CiN'],
    plural: 'Children in Need',
    note: 'Children Act 1989, section 17.',
  },
  { acronym: 'CLA', expansion: 'Children Looked After' },
  { acronym: 'COVID', expansion: 'coronavirus disease', explain: false },
  { acronym: 'CP', expansion: 'Child Protection' },
  { acronym: 'CSC', expansion: "Children's Social Care" },
  { acronym: 'CSE', expansion: 'Child Sexual Exploitation' },
  { acronym: 'DCS', expansion: "Director of Children's Services" },
  {
    acronym: 'DCSO',
    expansion: 'Dedicated Social Care Officer',
    note: 'Seed 000 uses DCSO and DiSCO for the same new role. Nationally the SEND role is the Designated Social Care Officer (DSCO).',
  },
  { acronym: 'DfE', expansion: 'Department for Education', variants: ['DFE'] },
  { acronym: 'DiSCO', expansion: 'Dedicated Social Care Officer', note: 'Spelled out in seed 000.' },
  {
    acronym: 'DMT',
    expansion: 'Directorate Management Team',
    confirmed: false,
    note: 'Usual meaning in councils; the seeds do not spell it out (could be Departmental Management Team).',
  },
  { acronym: 'DRP', expansion: 'Dispute Resolution Process', note: 'Spelled out in seed 001.' },
  { acronym: 'DWP', expansion: 'Department for Work and Pensions' },
  {
    acronym: 'ECG',
    expansion: 'Employee Consultation Group',
    confirmed: false,
    note: 'Seed 002 (2017) names the Employee Consultation Group (trade unions); seed 001 (2024) has an "ECG report" on reconfiguring fostering, which fits but is not confirmed.',
  },
  { acronym: 'EET', expansion: 'Education, Employment or Training' },
  { acronym: 'EH', expansion: 'Early Help' },
  { acronym: 'IFA', expansion: 'Independent Fostering Agency', plural: 'Independent Fostering Agencies' },
  {
    acronym: 'ILACS',
    expansion: "Inspecting Local Authority Children's Services",
    note: "Ofsted's inspection framework since 2018.",
  },
  {
    acronym: 'IRO',
    expansion: 'Independent Reviewing Officer',
    plural: 'Independent Reviewing Officers',
    note: 'Seed 001 once writes "Individual Reviewing Officer (IRO)"; the statutory role is Independent.',
  },
  { acronym: 'KPI', expansion: 'Key Performance Indicator', plural: 'Key Performance Indicators' },
  { acronym: 'LA', expansion: 'Local Authority' },
  { acronym: 'LAC', expansion: 'Looked After Children' },
  { acronym: 'LADO', expansion: 'Local Authority Designated Officer' },
  {
    acronym: 'LCS',
    expansion: "Liquidlogic Children's System",
    note: 'The case recording system; the usual meaning, not spelled out in the seeds.',
  },
  { acronym: 'LGA', expansion: 'Local Government Association' },
  { acronym: 'MASH', expansion: 'Multi-Agency Safeguarding Hub', note: 'Spelled out in seed 000.' },
  { acronym: 'NEET', expansion: 'Not in Education, Employment or Training' },
  { acronym: 'NHS', expansion: 'National Health Service', explain: false },
  {
    acronym: 'Ofsted',
    expansion: "Office for Standards in Education, Children's Services and Skills",
    variants: ['OFSTED'],
    explain: false,
  },
  {
    acronym: 'PA',
    expansion: 'Personal Adviser',
    plural: 'Personal Advisers',
    note: 'Leaving care personal adviser. The seeds also write "Personal Advisor" and, once, "personal assistants".',
  },
  { acronym: 'PLO', expansion: 'Public Law Outline' },
  { acronym: 'QA', expansion: 'Quality Assurance' },
  {
    acronym: 'R24',
    expansion: 'Regulation 24',
    note: 'Care Planning, Placement and Case Review (England) Regulations 2010: temporary approval of a relative or friend as a foster carer.',
  },
  { acronym: 'RAG', expansion: 'Red, Amber, Green' },
  {
    acronym: 'S47',
    expansion: 'Section 47',
    note: 'Children Act 1989: enquiries when a child may be suffering significant harm.',
  },
  // Seed 000 also says "Self Assessment Framework"; "Self-Evaluation Form" is the other common reading.
  {
    acronym: 'SEF',
    expansion: 'Self-Evaluation Framework',
    note: "The council's annual self-evaluation shared with Ofsted.",
  },
  { acronym: 'SEN', expansion: 'Special Educational Needs' },
  { acronym: 'SEND', expansion: 'Special Educational Needs and Disabilities' },
  { acronym: 'SGO', expansion: 'Special Guardianship Order', plural: 'Special Guardianship Orders' },
  { acronym: 'SIF', expansion: 'Single Inspection Framework', note: "Ofsted's framework from 2013 to 2017." },
  { acronym: 'SLIP', expansion: 'Sector-Led Improvement Partner' },
  { acronym: 'SLT', expansion: 'Senior Leadership Team' },
  {
    acronym: 'SMART',
    expansion: 'Specific, Measurable, Agreed upon, Realistic and Time-based',
    note: 'As spelled out in seed 003.',
  },
  { acronym: 'SoS', expansion: 'Signs of Safety', note: 'A practice model; spelled out in seed 000.' },
  { acronym: 'SW', expansion: 'Social Worker', plural: 'Social Workers' },
  { acronym: 'TAS', expansion: 'Team Around the Setting', note: 'Spelled out in seed 001.' },
  {
    acronym: 'TNAP',
    expansion: 'Tameside Neglect Assessment Profile',
    confirmed: false,
    note: 'A neglect assessment tool replaced by the Graded Care Profile in September 2024 (seed 001). The name is a guess from that context.',
  },
  {
    acronym: 'TSCB',
    expansion: 'Tameside Safeguarding Children Board',
    note: 'Replaced by the Tameside Safeguarding Children Partnership in 2019.',
  },
  { acronym: 'UASC', expansion: 'Unaccompanied Asylum-Seeking Children' },
  { acronym: 'VCSE', expansion: 'Voluntary, Community and Social Enterprise' },
];

export function defaultGlossary(): Glossary {
  return ENTRIES.map((entry) => ({ ...entry }));
}

/** Entries whose expansion would not be shown: guesses, or no expansion yet. */
export function unconfirmedEntries(glossary: Glossary): GlossaryEntry[] {
  return glossary.filter((entry) => entry.confirmed === false || entry.expansion.trim() === '');
}

function explains(entry: GlossaryEntry): boolean {
  return entry.explain !== false && entry.confirmed !== false && entry.expansion.trim() !== '';
}

/* ---- Expanding ---- */

export interface TextSegment {
  text: string;
  /** Set when the segment is an acronym (expanded or not), to its glossary acronym. */
  acronym?: string;
  /** True for the one use that was spelled out. */
  expanded?: boolean;
}

export interface ExpansionResult {
  text: string;
  segments: TextSegment[];
  /**
   * Acronyms explained in this text, by glossary acronym: add them to the page's set before the
   * next piece of text, so they are spelled out once per page.
   */
  expanded: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/*
 * Whole words only and case-sensitive, so "pa" in "paper" or "my pa" and "Send" are left alone.
 * A trailing "s" or "'s" belongs to the acronym ("IROs", "IFA's", "UASC's").
 */
function tokenPattern(forms: readonly string[]): RegExp {
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(
    String.raw`(?<![\p{L}\p{N}])(${alternatives.join('|')})((?:['’]s|s)?)(?![\p{L}\p{N}])`,
    'gu',
  );
}

function lookup(glossary: Glossary): Map<string, GlossaryEntry> {
  const byForm = new Map<string, GlossaryEntry>();
  for (const entry of glossary) {
    for (const form of [entry.acronym, ...(entry.variants ?? [])]) byForm.set(form, entry);
  }
  return byForm;
}

function spelledOut(entry: GlossaryEntry, suffix: string): string {
  if (suffix === 's') return entry.plural ?? `${entry.expansion}s`;
  return `${entry.expansion}${suffix}`;
}

/*
 * When the writer has already explained it ("Multi-Agency Safeguarding Hub (MASH)", "SMART
 * (specific, measurable, …)", "Individual Reviewing Officer (IRO)"), count that as the first use
 * rather than explaining it twice.
 */
function explainedInPlace(text: string, start: number, end: number, entry: GlossaryEntry): boolean {
  if (text[start - 1] === '(' && text[end] === ')') return true;
  // Wrapped lines and double spaces are common in pasted text, so compare with spaces collapsed.
  const squash = (part: string) => part.replace(/\s+/g, ' ').toLowerCase();
  const expansion = squash(entry.expansion);
  const before = squash(text.slice(Math.max(0, start - expansion.length - 80), start));
  const after = squash(text.slice(end, end + expansion.length * 2 + 10));
  return before.includes(expansion) || after.replace(/^ ?\( ?/, '(').startsWith(`(${expansion}`);
}

export function expandAcronyms(
  text: string,
  glossary: Glossary,
  alreadyExpanded: ReadonlySet<string> = new Set(),
): ExpansionResult {
  const byForm = lookup(glossary);
  const segments: TextSegment[] = [];
  const expanded: string[] = [];
  const seen = new Set(alreadyExpanded);
  let last = 0;

  if (byForm.size > 0) {
    for (const match of text.matchAll(tokenPattern([...byForm.keys()]))) {
      const [whole, form, suffix = ''] = match as unknown as [string, string, string];
      const entry = byForm.get(form)!;
      const start = match.index;
      const end = start + whole.length;
      if (start > last) segments.push({ text: text.slice(last, start) });
      last = end;

      if (!explains(entry) || seen.has(entry.acronym)) {
        segments.push({ text: whole, acronym: entry.acronym });
        continue;
      }
      seen.add(entry.acronym);
      expanded.push(entry.acronym);
      if (explainedInPlace(text, start, end, entry)) {
        segments.push({ text: whole, acronym: entry.acronym });
      } else {
        segments.push({
          text: `${spelledOut(entry, suffix)} (${whole})`,
          acronym: entry.acronym,
          expanded: true,
        });
      }
    }
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return { text: segments.map((s) => s.text).join(''), segments, expanded };
}

/* ---- Finding acronyms the glossary lacks ---- */

/* Ordinary words people type in capitals for emphasis; not worth reporting. */
const NOT_ACRONYMS = new Set(
  'A I ALL AN AND AS AT BY DO FOR IF IN IS IT KEY MY NEW NO NOT OF OK ON OR OUR PEER SO THE TO UP US WE YOU YOUR'.split(
    ' ',
  ),
);

const ACRONYM_LIKE = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}]*)(?:['’]s|s)?(?![\p{L}\p{N}])/gu;

function looksLikeAcronym(word: string): boolean {
  const capitalsAndDigits = (word.match(/[\p{Lu}\p{N}]/gu) ?? []).length;
  const capitals = (word.match(/\p{Lu}/gu) ?? []).length;
  // DfE, SoS, DiSCO, S47 count; WhatsApp and PowerPoint do not.
  return capitals >= 1 && capitalsAndDigits >= 2 && capitalsAndDigits * 2 >= word.length;
}

/*
 * Capitals are also used for headings ("NEXT STEPS", "PRIORITY 1: GOOD STANDARDS") and for
 * shouting ("ALL children's services"). Two or more capitalised words in a row are taken as a
 * heading, and a capitalised word longer than five letters as a word: acronyms are short.
 */
function headingWords(text: string): Set<number> {
  const starts = new Set<number>();
  const run = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?:[\s\d:,&'’-]+\p{Lu}{2,}(?![\p{L}\p{N}]))+/gu;
  for (const match of text.matchAll(run)) {
    for (const word of match[0].matchAll(/\p{Lu}{2,}/gu)) starts.add(match.index + word.index);
  }
  return starts;
}

/**
 * Acronyms in the text that readers would not get explained: not in the glossary, or in it only
 * as an unconfirmed guess. In order of first appearance, each once.
 */
export function findUnknownAcronyms(text: string, glossary: Glossary): string[] {
  const byForm = lookup(glossary);
  const headings = headingWords(text);
  const found: string[] = [];
  for (const match of text.matchAll(ACRONYM_LIKE)) {
    // The pattern keeps a plural "s" in the word ("PAs"); look up the acronym without it.
    const word = /^(.*[\p{Lu}\p{N}])s$/u.exec(match[1]!)?.[1] ?? match[1]!;
    const entry = byForm.get(word);
    if (entry !== undefined && (entry.explain === false || explains(entry))) continue;
    if (entry === undefined) {
      const shouted = /^\p{Lu}{6,}$/u.test(word) || headings.has(match.index);
      if (shouted || NOT_ACRONYMS.has(word) || !looksLikeAcronym(word)) continue;
    }
    if (!found.includes(word)) found.push(word);
  }
  return found;
}
