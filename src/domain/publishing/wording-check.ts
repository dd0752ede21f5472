/*
 * The check of a "You said, We did" item's public wording. It only SUGGESTS what may identify a
 * child, a family or a member of staff (names, places, ages, schools, dates); it never changes the
 * text, because an automatic remover both misses names ("martin") and mangles ordinary words. A
 * person reads each suggestion and either changes the wording or keeps it, saying why.
 */

export const suggestionKinds = ['name', 'place', 'age', 'school', 'date'] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

export const suggestionKindNames: Record<SuggestionKind, string> = {
  name: 'Possible name',
  place: 'Possible place',
  age: 'Age',
  school: 'School name',
  date: 'Date',
};

export interface Suggestion {
  kind: SuggestionKind;
  /** The words as they stand in the text, `text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  why: string;
}

export interface CheckContext {
  /** The name or signature it was sent with: every word of it is suggested wherever it appears. */
  attribution?: string;
  /** The council's own area names (its towns, wards, localities), on top of the built-in list. */
  placeNames?: readonly string[];
}

/* Common UK first names (ONS baby names and older generations), matched in any case. */
const firstNames = new Set(
  `aaliyah aaron abbie abby abdul abigail adam adrian ahmed aidan aiden aisha alan albert alex alexander alexandra
  alfie alice alicia alison amanda amber amelia amir amy andrea andrew angela ann anna anne annie anthony archie
  arthur ashley ava barbara barry beth bethany betty bill billy bob bobby bradley brandon brenda brian bridget
  callum cameron carl carol caroline carly carmen caroline catherine charlie charlotte chelsea chloe chris christine
  christopher claire clare colin connor craig daisy daniel danielle darren dave david dawn dean debbie deborah
  declan denise dennis derek diane dominic donna dylan edward eileen elaine eleanor elizabeth ella ellie elliot
  elsie emily emma eric erin ethan eve evie faith fatima finley florence frances francesca frank freddie freya gary
  gavin gemma george georgia gillian gordon grace graham hannah harley harriet harrison harry harvey hayley heather
  helen henry holly hugo ian imogen isaac isabel isabella isabelle isla ivy jack jackie jacob jade jake james jamie
  jane janet jason jasmine jay jayden jean jenna jennifer jenny jessica jill jim jimmy jo joan joanne joe joel john
  jordan joseph josh joshua joy joyce judith julia julie justin karen kate katie kayla keith kelly kerry kevin kieran
  kim kirsty kyle laura lauren layla leah lee leo leon lewis liam lily linda lisa logan lola louis louise lucas lucy
  luke lydia lynn maisie malcolm mandy margaret maria marie mark martin mary matilda matt matthew maureen max megan
  melissa mia michael michelle mike millie mohammed mohammad muhammad molly nancy natalie natasha nathan neil nicola
  nicole nigel noah olive oliver olivia oscar owen paige pamela patricia patrick paul paula pauline peter phoebe
  phil philip phillip poppy rachel rebecca regan reece rhys richard rob robert robyn roger ronnie rory rose rosie
  ross ruby ryan sally sam samantha samuel sandra sara sarah scarlett scott sean shannon sharon shaun sheila shirley
  sienna simon sofia sophia sophie stacey stanley stephanie stephen steve steven stuart sue susan tanya teresa
  theo theodore thomas tina toby todd tom tommy tony tracey tracy tyler vanessa vicky victoria wayne wendy william
  willow yasmin yusuf zac zach zachary zara zoe`.split(/\s+/),
);

/*
 * First names that are also everyday words ("will", "grace", "hope"): suggested only when written
 * with a capital away from the start of a sentence, so "we will" is not flagged but "Will helped" is.
 */
const namesThatAreWords = new Set(
  `will bill rob sue mark joy faith grace hope rose ivy holly dawn may june jack max lily olive amber ruby pat
  sam jo kim ray jay frank dean eve lee joe phil mike bob matt chris tom`.split(/\s+/),
);

/* UK towns, cities and areas: a reasonable list, not a gazetteer; the council adds its own. */
const places = [
  'London',
  'Birmingham',
  'Manchester',
  'Liverpool',
  'Leeds',
  'Sheffield',
  'Bristol',
  'Newcastle',
  'Nottingham',
  'Leicester',
  'Coventry',
  'Bradford',
  'Wakefield',
  'Barnsley',
  'Rotherham',
  'Doncaster',
  'Hull',
  'York',
  'Sunderland',
  'Durham',
  'Middlesbrough',
  'Stockport',
  'Bolton',
  'Wigan',
  'Salford',
  'Oldham',
  'Rochdale',
  'Bury',
  'Blackpool',
  'Blackburn',
  'Preston',
  'Lancaster',
  'Derby',
  'Stoke',
  'Wolverhampton',
  'Walsall',
  'Dudley',
  'Sandwell',
  'Solihull',
  'Oxford',
  'Cambridge',
  'Norwich',
  'Ipswich',
  'Peterborough',
  'Luton',
  'Reading',
  'Slough',
  'Swindon',
  'Southampton',
  'Portsmouth',
  'Brighton',
  'Plymouth',
  'Exeter',
  'Bath',
  'Gloucester',
  'Cheltenham',
  'Worcester',
  'Hereford',
  'Telford',
  'Shrewsbury',
  'Chester',
  'Warrington',
  'Crewe',
  'Milton Keynes',
  'Northampton',
  'Bedford',
  'Watford',
  'Croydon',
  'Hackney',
  'Lambeth',
  'Southwark',
  'Camden',
  'Islington',
  'Tower Hamlets',
  'Newham',
  'Enfield',
  'Barnet',
  'Harrow',
  'Ealing',
  'Brent',
  'Cardiff',
  'Swansea',
  'Newport',
  'Glasgow',
  'Edinburgh',
  'Aberdeen',
  'Dundee',
  'Belfast',
  'Derry',
  'Huddersfield',
  'Halifax',
  'Dewsbury',
  'Batley',
  'Pontefract',
  'Castleford',
  'Harrogate',
  'Scarborough',
  'Grimsby',
  'Lincoln',
  'Carlisle',
  'Kendal',
  'Gateshead',
  'Hartlepool',
  'Darlington',
  'Stockton',
  'Redcar',
  'Tameside',
  'Trafford',
  'Kirklees',
  'Calderdale',
];

/* Capitalised words that are not names: months and days are found as dates, these are skipped. */
const notNames = new Set(
  `i mr mrs ms miss dr council ofsted covid england english nhs dfe cafcass`.split(/\s+/),
);

const months =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const numberWords =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty';

interface Pattern {
  kind: SuggestionKind;
  pattern: RegExp;
  why: string;
}

const patterns: readonly Pattern[] = [
  {
    kind: 'age',
    pattern: new RegExp(
      String.raw`\b(?:aged\s+(?:\d{1,2}|${numberWords})|(?:\d{1,2}|${numberWords})[\s-]+years?[\s-]+old|(?:i['’]m|i\s+am|(?:s?he|they)['’]?s?\s+(?:is|are)?|turned|turning)\s+(?:\d{1,2}|${numberWords})\b(?!\s*(?:%|per|times|minutes|hours|days|weeks|months)))`,
      'giu',
    ),
    why: 'An age, with other details, can identify a child.',
  },
  {
    kind: 'school',
    pattern:
      /\b(?:(?:St\.?|Saint)\s+)?(?:\p{Lu}[\p{L}'’-]*\s+){1,4}(?:School|Academy|Primary|High|College|Nursery|Infants|Juniors)\b/gu,
    why: 'A school’s name can identify the child who goes there.',
  },
  {
    kind: 'date',
    pattern: new RegExp(
      String.raw`\b(?:(?:born|birthday|dob)(?:\s+(?:on|in|is))?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${months})\b(?:\s+\d{4})?|(?:${months})\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})`,
      'giu',
    ),
    why: 'A date (a date of birth above all) can identify a person.',
  },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function overlaps(a: { start: number; end: number }, list: readonly { start: number; end: number }[]) {
  return list.some((b) => a.start < b.end && b.start < a.end);
}

function atSentenceStart(text: string, index: number): boolean {
  return /(^|[.!?\n]["'”’)]*)\s*$/.test(text.slice(0, index));
}

/** Every place a reader of the public page could recognise someone by; never throws, never rewrites. */
export function suggest(text: string, context: CheckContext = {}): Suggestion[] {
  const found: Suggestion[] = [];
  const add = (s: Suggestion) => {
    if (s.end > s.start && !overlaps(s, found)) found.push(s);
  };

  for (const { kind, pattern, why } of patterns)
    for (const m of text.matchAll(pattern)) {
      const words = m[0].replace(/[\s,]+$/u, '');
      add({ kind, text: words, start: m.index, end: m.index + words.length, why });
    }

  const placeList = [...(context.placeNames ?? []), ...places]
    .map((p) => p.trim())
    .filter((p) => p.length > 1);
  if (placeList.length > 0) {
    const placePattern = new RegExp(
      String.raw`(?<![\p{L}])(?:${placeList
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|')})(?![\p{L}])`,
      'giu',
    );
    for (const m of text.matchAll(placePattern))
      add({
        kind: 'place',
        text: m[0],
        start: m.index,
        end: m.index + m[0].length,
        why: 'A town or area, with other details, can identify a family.',
      });
  }

  const signed = new Set(
    (context.attribution ?? '')
      .split(/[^\p{L}'’-]+/u)
      .filter((w) => w.length > 1 && !notNames.has(w.toLowerCase()))
      .map((w) => w.toLowerCase()),
  );
  for (const m of text.matchAll(/\p{L}[\p{L}'’-]*/gu)) {
    const bare = m[0].replace(/['’]s$/u, '');
    const lower = bare.toLowerCase();
    const start = m.index;
    const end = start + bare.length;
    const capitalised = /^\p{Lu}\p{Ll}/u.test(bare);
    let why: string | null = null;
    if (signed.has(lower)) why = 'This is a word of the name or signature it was sent with.';
    else if (firstNames.has(lower)) {
      const asWord = namesThatAreWords.has(lower);
      if (!asWord || (capitalised && !atSentenceStart(text, start)))
        why = 'This is a common first name, however it is written.';
    } else if (
      capitalised &&
      !atSentenceStart(text, start) &&
      !notNames.has(lower) &&
      !new RegExp(`^(?:${months}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$`, 'i').test(bare)
    )
      why = 'A capitalised word in the middle of a sentence may be someone’s name.';
    if (why) add({ kind: 'name', text: bare, start, end, why });
  }

  return found.sort((a, b) => a.start - b.start);
}

/** How a suggestion is matched to the approver's decision: the same words in the same field. */
export function suggestionKey(field: string, s: Pick<Suggestion, 'kind' | 'text'>): string {
  return `${field}:${s.kind}:${s.text.toLowerCase()}`;
}

/** The area names in a council's name ("Fixtureshire County Council" → "Fixtureshire"). */
export function areaNamesOf(councilName: string): string[] {
  const area = councilName
    .replace(
      /\b(?:Metropolitan|Borough|County|City|District|Council|of|the|Royal|London|and|Children['’]s|Services)\b/gi,
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
  return area.length > 1 ? [area] : [];
}

/** A suggestion the approver kept in the approved wording, and why it is fine to publish. */
export interface ResolvedSuggestion extends Suggestion {
  field: 'said' | 'response';
  reason: string;
}

export type WordingField = ResolvedSuggestion['field'];

export interface FieldSuggestion extends Suggestion {
  field: WordingField;
  key: string;
}

/** Every suggestion in both public fields, keyed for the approver's decisions. */
export function suggestWording(
  wording: Record<WordingField, string>,
  context: CheckContext = {},
): FieldSuggestion[] {
  return (['said', 'response'] as const).flatMap((field) =>
    suggest(wording[field], context).map((s) => ({ ...s, field, key: suggestionKey(field, s) })),
  );
}

export type ApprovalCheck =
  { ok: true; resolved: ResolvedSuggestion[] } | { ok: false; unresolved: FieldSuggestion[] };

/**
 * The wording as submitted is checked again: every suggestion still in it must have been kept by
 * the approver (ticked as fine, with their reason); a suggestion they changed away is gone.
 */
export function checkApproval(
  wording: Record<WordingField, string>,
  kept: ReadonlyMap<string, string>,
  context: CheckContext = {},
): ApprovalCheck {
  const all = suggestWording(wording, context);
  const unresolved = all.filter((s) => !kept.has(s.key));
  if (unresolved.length > 0) return { ok: false, unresolved };
  return {
    ok: true,
    resolved: all.map(({ key, ...s }) => ({ ...s, reason: kept.get(key) ?? '' })),
  };
}
