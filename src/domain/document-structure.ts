/**
 * One model of a document's structure, whatever it was written in. Readers (src/import/structure/)
 * turn .docx, PDF, XLSX, CSV, Markdown and text into it; the mapper turns it into records. What carries
 * meaning in councils' papers is their structure (headings, numbered lists, tables with column
 * headings, "Label: value" lines), not their wording, so the mapper reads only this.
 *
 * Every block names the source lines it was read from, and `lines` holds every line as read, so the
 * ledger can prove that each non-blank line was placed or listed as unplaced.
 */
import type { LineRefs, SourceLine } from './imports.ts';

export const structureFormats = ['text', 'markdown', 'docx', 'pdf', 'xlsx', 'csv'] as const;
export type StructureFormat = (typeof structureFormats)[number];

export const textEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type TextEncoding = (typeof textEncodings)[number];

export const textEncodingNames: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252',
};

export interface DocumentStructure {
  format: StructureFormat;
  /** How the bytes were decoded, for formats that are text; the person is told. */
  encoding?: TextEncoding;
  /** Every line as read, numbered from 1, in reading order. */
  lines: SourceLine[];
  /** The blocks in reading order. Blank lines belong to no block. */
  blocks: StructureBlock[];
}

interface BlockBase {
  /** Position in reading order, from 0: stable for one reading of one document. */
  index: number;
  lines: LineRefs;
}

export interface HeadingBlock extends BlockBase {
  type: 'heading';
  /** 1 is the top level (Word's Heading 1, Markdown's #, a PDF's largest type). */
  level: number;
  text: string;
  /** A number written before the heading ("2.", "2.3", "Priority 4"), when there is one. */
  numbering?: string;
}

export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  text: string;
  /** The whole paragraph is bold: often a label or a heading typed without a heading style. */
  bold?: boolean;
  /** A paragraph number written before it ("1.1", "3.2.4"), as reports number their paragraphs. */
  numbering?: string;
}

export interface StructureListItem {
  text: string;
  /** The marker as written: "1.", "a)", "(iii)", "•", "-". */
  marker?: string;
  children: StructureListItem[];
  lines: LineRefs;
}

export interface ListBlock extends BlockBase {
  type: 'list';
  ordered: boolean;
  items: StructureListItem[];
}

export interface TableCell {
  text: string;
  lines: LineRefs;
  /** Columns and rows this cell spans, when merged (repeated in the cells it covers: see `merged`). */
  colSpan?: number;
  rowSpan?: number;
  /** True for a cell that only repeats a merged cell above or to the left. */
  merged?: boolean;
}

export interface TableRow {
  cells: TableCell[];
  lines: LineRefs;
}

export interface TableBlock extends BlockBase {
  type: 'table';
  /** The column headings, when the first row (or a spreadsheet's header row) is one. */
  header?: TableRow;
  /** The rows after the header (every row when there is none). */
  rows: TableRow[];
}

export interface LabelValueBlock extends BlockBase {
  type: 'label-value';
  /** As written, without the colon: "RAG rating", "Date of meeting", "Lead officer". */
  label: string;
  value: string;
}

export type StructureBlock = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | LabelValueBlock;
export type StructureBlockType = StructureBlock['type'];

/** A heading and what follows it until the next heading at its level or above. */
export interface StructureSection {
  heading?: HeadingBlock;
  blocks: StructureBlock[];
  sections: StructureSection[];
}

/** The blocks as a tree of sections, for mappers that read "a heading level becomes priorities". */
export function sectionsOf(blocks: readonly StructureBlock[]): StructureSection {
  const root: StructureSection = { blocks: [], sections: [] };
  const open: { level: number; section: StructureSection }[] = [{ level: 0, section: root }];
  for (const block of blocks) {
    if (block.type !== 'heading') {
      open[open.length - 1]!.section.blocks.push(block);
      continue;
    }
    while (open.length > 1 && open[open.length - 1]!.level >= block.level) open.pop();
    const section: StructureSection = { heading: block, blocks: [], sections: [] };
    open[open.length - 1]!.section.sections.push(section);
    open.push({ level: block.level, section });
  }
  return root;
}
