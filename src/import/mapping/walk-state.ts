/**
 * What the walk over a document's blocks carries from one block to the next, shared by the rule
 * matchers (tables, labels, lists, lines, pairs, minutes, letters): the document being built, the
 * blocks' text with a person's overrides taken out, and where the walk is (the last heading, the
 * lines just read, a "RESOLVED: That" waiting for what was resolved).
 */
import type {
  DocumentStructure,
  HeadingBlock,
  LabelValueBlock,
  ParagraphBlock,
} from '../../domain/document-structure.ts';
import type { ImportMapping, MappedRecordKind, PairRule } from '../../domain/import-mapping.ts';
import type { LineRefs, ListItem } from '../types.ts';
import { DocumentBuilder } from './build.ts';
import { lineRule } from './rules.ts';
import { BlockText } from './text-of.ts';

/** The field a bare line fills in each record kind. */
export const mainField: Record<MappedRecordKind, string> = {
  priority: 'title',
  'improvement-area': 'text',
  commitment: 'text',
  outcome: 'text',
  'highlight-report': 'title',
  meeting: 'title',
  decision: 'text',
  action: 'text',
  recommendation: 'text',
  judgement: 'area',
  feedback: 'said',
  section: 'text',
  ignore: 'text',
};

export interface Pending {
  record: MappedRecordKind;
  field: string;
  /** Numbered paragraphs it has taken already: after them, an unnumbered one is no longer its. */
  took: number;
}

/**
 * Where text no rule claims goes instead of a section: the discussion of a minutes' agenda item,
 * the findings of an inspection letter. Each returns false to leave the text to a section.
 */
export interface UnclaimedText {
  text(text: string, lines: LineRefs): boolean;
  items(items: ListItem[]): boolean;
  /** A heading no rule claims (it would start a section). */
  heading?(text: string, lines: LineRefs, numbering?: string): boolean;
  /** A "Label: value" pair no rule claims ("Present: ...", "Inspection dates: ..."). */
  label?(label: string, value: string, lines: LineRefs): boolean;
}

export class WalkState {
  readonly b: DocumentBuilder;
  readonly text: BlockText;
  lastHeading = '';
  leadIn = '';
  /** Paragraphs since the last heading (the last three): a list is "under" them too. */
  recent: string[] = [];
  pending: Pending | undefined;
  /** A priority whose heading was only its number ("Number One"): its next line is its title. */
  untitledPriority = false;
  /** Inside a flattened two-column table: the rule, and the first half of the row being read. */
  pairs: { rule: PairRule; first?: { text: string; lines: LineRefs } } | undefined;
  unclaimed: UnclaimedText | undefined;

  constructor(
    readonly structure: DocumentStructure,
    readonly mapping: ImportMapping,
    taken: ReadonlySet<number>,
  ) {
    this.b = new DocumentBuilder(structure, mapping);
    this.text = new BlockText(structure, taken);
  }

  blockText(block: ParagraphBlock | HeadingBlock | LabelValueBlock): string {
    if (block.type === 'label-value') return this.text.of(`${block.label}: ${block.value}`, block.lines);
    return this.text.of(block.text, block.lines);
  }

  lineRuleOf(text: string) {
    return lineRule(this.mapping, text);
  }

  /** Text no rule claims: kept as a section, unless the mapping says to leave it unplaced. */
  keep(text: string, lines: LineRefs): void {
    if (this.mapping.keepUnclaimedText === false) return;
    if (this.unclaimed?.text(text, lines)) return;
    this.b.addText(text, lines);
  }
}

export function unique(lines: number[]): number[] {
  return [...new Set(lines)].sort((a, b) => a - b);
}
