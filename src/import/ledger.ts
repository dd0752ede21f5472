import type {
  DocumentKind,
  ImportedDocument,
  ImportedPriority,
  ImportedSection,
  LineRefs,
  ListItem,
  SourceLine,
} from './types.ts';

/**
 * Keeps the account of which source line went where. Every extractor places each line it uses
 * exactly once; whatever is left over at the end is "unplaced" and shown to a person.
 */
export class LineLedger {
  private readonly placed = new Map<number, string>();
  private readonly byNumber: Map<number, SourceLine>;

  constructor(readonly lines: SourceLine[]) {
    this.byNumber = new Map(lines.map((line) => [line.number, line]));
  }

  /** Records that these lines became the named field. A line placed twice keeps its first field. */
  place(refs: LineRefs | number, field: string): void {
    if (typeof refs === 'number') this.placeOne(refs, field);
    else for (const n of refs) this.placeOne(n, field);
  }

  private placeOne(n: number, field: string): void {
    if (!this.byNumber.has(n)) throw new Error(`Line ${n} is not in the source`);
    if (!this.placed.has(n)) this.placed.set(n, field);
  }

  isPlaced(n: number): boolean {
    return this.placed.has(n);
  }

  fieldOf(n: number): string | undefined {
    return this.placed.get(n);
  }

  /** Non-blank lines not yet placed, in source order. */
  unplaced(): SourceLine[] {
    return this.lines.filter((line) => line.text.trim() !== '' && !this.placed.has(line.number));
  }

  placements(): ReadonlyMap<number, string> {
    return this.placed;
  }
}

export function emptyDocument(kind: DocumentKind, title: string): ImportedDocument {
  return {
    kind,
    title,
    priorities: [],
    standards: [],
    highlightReports: [],
    measures: [],
    feedback: [],
    sections: [],
    pageFurniture: [],
    unplaced: [],
    needsReview: [],
  };
}

/** A priority with no records under it yet; its ambition and sponsor only where the document gives them. */
export function emptyPriority(
  number: number,
  title: string,
  lines: LineRefs = [],
  about: Pick<ImportedPriority, 'ambition' | 'sponsor'> = {},
): ImportedPriority {
  return {
    number,
    title,
    ...about,
    impactForChildren: [],
    whatWeWillDo: [],
    areas: [],
    commitments: [],
    lines,
  };
}

/** Numbers of every line referenced by a list, its children included. */
export function listLines(items: ListItem[]): number[] {
  return items.flatMap((item) => [...item.lines, ...listLines(item.children)]);
}

/**
 * Adds a section at `at` (the end by default) and places its lines and its items' lines. A key
 * that is already taken gets a number ("finding", then "finding-2"), because a document can repeat
 * a heading or a label and both copies must survive. The section given is the one stored, so a
 * caller may still add text to it; lines added later are not placed.
 */
export function addSection(
  doc: ImportedDocument,
  ledger: LineLedger,
  section: ImportedSection,
  at = doc.sections.length,
): void {
  const keys = sectionKeys(doc);
  let key = section.key;
  // Numbers continue from the last one given for this key, so a 4 MB report's thousand repeats
  // of one heading do not each count up from 2 (that made reading a Cabinet report quadratic).
  for (let n = keys.next.get(section.key) ?? 2; keys.used.has(key); n++) {
    key = `${section.key}-${n}`;
    keys.next.set(section.key, n + 1);
  }
  keys.used.add(key);
  keys.count++;
  section.key = key;
  ledger.place(section.lines, `section:${key}`);
  ledger.place(listLines(section.items), `section:${key}`);
  if (at === doc.sections.length) doc.sections.push(section);
  else doc.sections.splice(at, 0, section);
}

interface SectionKeys {
  used: Set<string>;
  next: Map<string, number>;
  /** Sections the set was built from: a different length means a caller changed the list itself. */
  count: number;
}

const keysByDocument = new WeakMap<ImportedDocument, SectionKeys>();

function sectionKeys(doc: ImportedDocument): SectionKeys {
  let keys = keysByDocument.get(doc);
  if (!keys || keys.count !== doc.sections.length) {
    keys = { used: new Set(doc.sections.map((s) => s.key)), next: new Map(), count: doc.sections.length };
    keysByDocument.set(doc, keys);
  }
  return keys;
}
