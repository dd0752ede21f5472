/**
 * suggestMapping: from a document's structure and the council's vocabulary, a mapping a person can
 * confirm or correct. It reads only layout (tables' column headings, labels, heading levels, the
 * words lists sit under, the words lines start with), then tries the mapping on the structure to
 * pick the kind of document from the records it gives.
 */
import type { DocumentStructure, StructureBlock, TableBlock } from '../../domain/document-structure.ts';
import {
  emptyMapping,
  importMappingVersion,
  layoutSignature,
  matches,
  normaliseForMatch,
  pattern,
  type ColumnRule,
  type HeadingRule,
  type ImportMapping,
  type LabelRule,
  type LineRule,
  type ListRule,
  type PairRule,
  type TableRule,
} from '../../domain/import-mapping.ts';
import {
  defaultVocabulary,
  type ImportVocabulary,
  type VocabularyField,
} from '../../domain/import-vocabulary.ts';
import type { DocumentKind, ImportedDocument } from '../types.ts';
import { applyMapping } from './apply.ts';
import { gradeOf } from './rules.ts';
import { suggestProse } from './suggest-prose.ts';

/** Which vocabulary field a column heading or label is: exact words first, then words it starts with. */
export function fieldOf(
  text: string,
  vocabulary: ImportVocabulary,
  among: readonly VocabularyField[] = Object.keys(vocabulary.fields) as VocabularyField[],
): VocabularyField | undefined {
  const norm = normaliseForMatch(text);
  if (!norm) return undefined;
  for (const field of among) {
    if (vocabulary.fields[field].some((word) => pattern(word) === norm)) return field;
  }
  for (const field of among) {
    if (
      vocabulary.fields[field].some(
        (word) => pattern(word).length > 2 && norm.startsWith(`${pattern(word)} `),
      )
    )
      return field;
  }
  return undefined;
}

const commitmentFieldOf: Partial<Record<VocabularyField, string>> = {
  reference: 'reference',
  action: 'text',
  owner: 'owner',
  due: 'due',
  rag: 'rag',
  status: 'status',
  progress: 'progress',
  outcome: 'outcome',
};

function suggestTable(block: TableBlock, vocabulary: ImportVocabulary): TableRule | undefined {
  const headings = (block.header?.cells ?? []).filter((c) => !c.merged).map((c) => c.text.trim());
  const header = headings.map(normaliseForMatch).filter(Boolean);
  if (header.length === 0) return undefined;
  const fields = headings.map((h) => fieldOf(h, vocabulary));
  const has = (f: VocabularyField) => fields.includes(f);
  const column = (heading: string, field: string): ColumnRule => ({
    heading: normaliseForMatch(heading),
    field,
  });
  if ((has('said') && has('response')) || (has('question') && has('answer'))) {
    const columns = headings.flatMap((h, k) => {
      const f = fields[k];
      if (f === 'said' || f === 'question') return [column(h, 'said')];
      if (f === 'response' || f === 'answer') return [column(h, 'response')];
      return [];
    });
    return { header, record: 'feedback', columns };
  }
  if ((has('judgement') || has('area')) && has('grade') && headings.length <= 3) {
    const columns = headings.flatMap((h, k) =>
      fields[k] === 'grade' ? [column(h, 'grade')] : fields[k] ? [column(h, 'area')] : [],
    );
    return { header, record: 'judgement', columns };
  }
  const known = fields.filter((f) => f && commitmentFieldOf[f]).length;
  if (known >= 2 || (known >= 1 && headings.length <= 3 && has('action'))) {
    const taken = new Set<string>();
    const columns: ColumnRule[] = [];
    for (const [k, h] of headings.entries()) {
      let field = fields[k] ? commitmentFieldOf[fields[k]] : undefined;
      // "Status" holding RAG words is the RAG.
      if (field === 'status' && !has('rag') && ragColumn(block, k, vocabulary)) field = 'rag';
      if (field && !taken.has(field)) {
        taken.add(field);
        columns.push(column(h, field));
      }
    }
    if (!taken.has('text')) {
      const free = headings.findIndex((h, k) => !fields[k] || !commitmentFieldOf[fields[k]]);
      if (free >= 0) columns.push(column(headings[free]!, 'text'));
      else return undefined;
    }
    return { header, record: 'commitment', columns };
  }
  return undefined;
}

function ragColumn(block: TableBlock, k: number, vocabulary: ImportVocabulary): boolean {
  const words = new Set(vocabulary.ragWords.map((w) => w.toLowerCase()));
  const values = block.rows.map((r) => r.cells[k]?.text.trim().toLowerCase() ?? '').filter(Boolean);
  return (
    values.length > 0 && values.filter((v) => words.has(v.split(/[\s(]/)[0]!)).length >= values.length / 2
  );
}

const highlightFields: VocabularyField[] = [
  'rag',
  'previous-rag',
  'owner',
  'priority',
  'reason',
  'completed-by',
];
const labelFields: VocabularyField[] = [
  'meeting-date',
  'previous-rag',
  'rag',
  'status',
  'owner',
  'priority',
  'reason',
  'completed-by',
];
const highlightFieldName: Partial<Record<VocabularyField, string>> = {
  rag: 'rag',
  status: 'rag',
  'previous-rag': 'previous-rag',
  owner: 'owner',
  priority: 'priority',
  reason: 'reason',
  'completed-by': 'completed-by',
  'meeting-date': 'date',
};

function suggestLabels(
  blocks: readonly StructureBlock[],
  vocabulary: ImportVocabulary,
  lineRules: LineRule[],
): LabelRule[] {
  const found = new Map<string, VocabularyField>();
  for (const block of blocks) {
    if (block.type !== 'label-value') continue;
    const label = normaliseForMatch(block.label);
    if (!label || found.has(label) || lineRules.some((r) => r.prefixes.some((p) => pattern(p) === label)))
      continue;
    const field = fieldOf(block.label, vocabulary, labelFields);
    if (field === 'meeting-date' && !startsWithDate(block.value)) continue;
    if (field) found.set(label, field === 'status' ? 'rag' : field);
  }
  const isReport = [...found.values()].filter((f) => highlightFields.includes(f)).length >= 2;
  const rules: LabelRule[] = [];
  for (const [label, field] of found) {
    if (isReport)
      rules.push({ labels: [label], record: 'highlight-report', field: highlightFieldName[field]! });
    else if (field === 'meeting-date') rules.push({ labels: [label], record: 'meeting', field: 'date' });
  }
  return rules;
}

function startsWithDate(value: string): boolean {
  return /^\s*(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{1,2}(st|nd|rd|th)?\s+[a-z]{3,9}\s+\d{4}|[a-z]{3,9}\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2})/i.test(
    value,
  );
}

function suggestLineRules(vocabulary: ImportVocabulary): LineRule[] {
  return [
    { prefixes: vocabulary.decisionPrefixes, record: 'decision', field: 'text' },
    { prefixes: vocabulary.actionPrefixes, record: 'action', field: 'text' },
    { prefixes: ['Question', 'Q', 'We said', 'You said', 'You told us'], record: 'feedback', field: 'said' },
    { prefixes: ['Answer', 'A', 'We did', 'What we did'], record: 'feedback', field: 'response' },
  ];
}

function textsOf(blocks: readonly StructureBlock[]): string[] {
  return blocks.flatMap((b) => {
    if (b.type === 'heading' || b.type === 'paragraph') return [b.text];
    if (b.type === 'label-value') return [b.value, `${b.label} ${b.value}`];
    if (b.type === 'list') return b.items.map((i) => i.text);
    return [];
  });
}

function suggestHeadings(blocks: readonly StructureBlock[], vocabulary: ImportVocabulary): HeadingRule[] {
  const numbered = { anyOf: vocabulary.priorityWords, how: 'numbered' as const };
  const rules: HeadingRule[] = [];
  const byLevel = new Map<number, number>();
  for (const b of blocks)
    if (b.type === 'heading' && matches(numbered, b.text))
      byLevel.set(b.level, (byLevel.get(b.level) ?? 0) + 1);
  const paragraphs = blocks.filter(
    (b) => b.type === 'paragraph' && b.text.length <= 120 && matches(numbered, b.text),
  ).length;
  for (const [level, count] of byLevel)
    if (count >= 2) rules.push({ level, match: numbered, record: 'priority' });
  if (paragraphs >= 2 || (paragraphs >= 1 && rules.length > 0)) {
    rules.push({ level: rules[0]?.level ?? 1, match: numbered, record: 'priority', alsoParagraphs: true });
  }
  return rules;
}

function suggestLists(vocabulary: ImportVocabulary): ListRule[] {
  const contains = (anyOf: string[]) => ({ anyOf, how: 'contains' as const });
  return [
    { under: contains(vocabulary.recommendationHeadings), record: 'recommendation' },
    { under: contains(vocabulary.areaHeadings), record: 'improvement-area' },
    { under: contains(vocabulary.priorityHeadings), ordered: true, record: 'priority' },
    {
      under: { anyOf: vocabulary.decisionPrefixes.concat(['Decisions']), how: 'starts' },
      record: 'decision',
    },
    {
      under: { anyOf: ['Actions', 'Action log', 'Actions agreed', 'Action points'], how: 'starts' },
      record: 'action',
    },
  ];
}

/** Headings and lines that head a flattened two-column table ("Reason for Amber" over its rows). */
function suggestPairs(blocks: readonly StructureBlock[], vocabulary: ImportVocabulary): PairRule[] {
  const rules: PairRule[] = [];
  for (const [k, block] of blocks.entries()) {
    if (block.type !== 'heading' && block.type !== 'paragraph') continue;
    if (block.text.length > 60) continue;
    const field = fieldOf(block.text, vocabulary, ['progress', 'response', 'said']);
    if (!field) continue;
    const rows = blocks
      .slice(k + 1, k + 5)
      .filter((b) => b.type === 'paragraph' || b.type === 'heading').length;
    if (rows < 4) continue;
    const heading = normaliseForMatch(block.text);
    // One rule per heading, however often a long document repeats it.
    if (rules.some((rule) => rule.after.anyOf[0] === heading)) continue;
    const after = { anyOf: [heading], how: 'equals' as const };
    if (field === 'progress') {
      const rag = vocabulary.ragWords.find(
        (w) => w.length > 2 && new RegExp(`\\b${w}\\b`, 'i').test(block.text),
      );
      rules.push({
        after,
        record: 'commitment',
        fields: ['text', 'progress'],
        ...(rag ? { fixed: { rag } } : {}),
      });
    } else rules.push({ after, record: 'feedback', fields: ['said', 'response'] });
  }
  return rules;
}

function suggestGrades(
  blocks: readonly StructureBlock[],
  vocabulary: ImportVocabulary,
): string[] | undefined {
  const texts = textsOf(blocks);
  const inspection = texts.some((t) => /\b(ofsted|inspection|inspectors?|judgement)\b/i.test(t));
  if (!inspection) return undefined;
  const grades = [...vocabulary.grades, 'Require improvement to be good'];
  const graded = texts.filter((t) => gradeOf(t, grades)).length;
  return graded >= 2 ? grades : undefined;
}

const actionFields = new Set(['reference', 'text', 'owner', 'due', 'status']);

function actionTable(rule: TableRule): TableRule {
  if (rule.record !== 'commitment') return rule;
  const columns = rule.columns.map((c) => ({
    ...c,
    field: actionFields.has(c.field) ? c.field : c.field === 'rag' ? 'status' : c.field,
  }));
  return { ...rule, record: 'action', columns };
}

/** The kind a document's records say it is ("general" where nothing fits better). */
export function kindOfRecords(doc: ImportedDocument, structure: DocumentStructure): DocumentKind {
  const commitments = doc.priorities.reduce((sum, p) => sum + p.commitments.length, 0);
  const decisions = (doc.meetings ?? []).reduce((sum, m) => sum + m.decisions.length + m.actions.length, 0);
  const minutes = structure.blocks.some(
    (b) =>
      b.type === 'label-value' &&
      /^(minutes|present|apologies|attendees|in attendance)$/i.test(b.label.trim()),
  );
  if ((doc.judgements?.length ?? 0) + (doc.recommendations?.length ?? 0) > 0 || doc.inspection)
    return 'inspection-report';
  if (doc.highlightReports.length > 0) return 'highlight-report-pack';
  if (commitments >= 2) return 'action-tracker';
  if (decisions > 0 || minutes || doc.meetings?.some((m) => m.items?.length)) return 'board-minutes';
  if (doc.feedback.filter((f) => f.response).length >= 2) return 'we-said-we-did';
  if (doc.priorities.length >= 2) return 'improvement-plan';
  return 'general';
}

/**
 * A mapping for a structure, in the council's words. `kind` asks for a kind of document; otherwise
 * the records the mapping gives decide it.
 */
export function suggestMapping(
  structure: DocumentStructure,
  vocabulary: ImportVocabulary = defaultVocabulary,
  kind?: DocumentKind,
): ImportMapping {
  return suggestAndApply(structure, vocabulary, kind).mapping;
}

/**
 * suggestMapping and the document it gives, read once: choosing the kind reads the document
 * already, so a caller that wants both does not read it twice.
 */
export function suggestAndApply(
  structure: DocumentStructure,
  vocabulary: ImportVocabulary = defaultVocabulary,
  kind?: DocumentKind,
): { mapping: ImportMapping; document: ImportedDocument } {
  const blocks = structure.blocks;
  const tables = new Map<string, TableRule>();
  for (const block of blocks) {
    if (block.type !== 'table') continue;
    const rule = suggestTable(block, vocabulary);
    if (rule && !tables.has(rule.header.join('|'))) tables.set(rule.header.join('|'), rule);
  }
  const lines = suggestLineRules(vocabulary);
  const grades = suggestGrades(blocks, vocabulary);
  const pairs = suggestPairs(blocks, vocabulary);
  const labels = suggestLabels(blocks, vocabulary, lines);
  const prose = suggestProse(blocks);
  // Minutes' action tables ("Action / Owner / Due") are actions arising, not the plan's commitments.
  if (prose.minutes) for (const [k, rule] of tables) tables.set(k, actionTable(rule));
  const mapping: ImportMapping = {
    ...emptyMapping(kind ?? 'general'),
    version: importMappingVersion,
    layout: layoutSignature(structure),
    headings: suggestHeadings(blocks, vocabulary),
    tables: [...tables.values()],
    labels,
    lists: [
      // A highlight report's "What needs to improve" holds its areas, not an inspection's recommendations.
      ...(labels.some((l) => l.record === 'highlight-report')
        ? [
            {
              under: {
                anyOf: ['What needs to improve', ...vocabulary.areaHeadings],
                how: 'contains' as const,
              },
              record: 'improvement-area' as const,
            },
          ]
        : []),
      ...suggestLists(vocabulary),
    ],
    lines,
    ...(pairs.length ? { pairs } : {}),
    ...(grades ? { grades } : {}),
    ...prose,
  };
  const document = applyMapping(structure, mapping);
  if (!kind) mapping.kind = kindOfRecords(document, structure);
  document.kind = mapping.kind;
  return { mapping, document };
}
