/**
 * Tables: a table whose column headings a rule names becomes one record per row, each column
 * filling its field (columns no rule names are kept in the record's text); any other table is
 * kept as text, a row a paragraph.
 */
import type { TableBlock } from '../../domain/document-structure.ts';
import { normaliseForMatch } from '../../domain/import-mapping.ts';
import { makeRecord, type Fields } from './records.ts';
import { tableRule } from './rules.ts';
import { mainField, unique, type WalkState } from './walk-state.ts';

export function mapTable(w: WalkState, block: TableBlock): void {
  const b = w.b;
  const rule = tableRule(w.mapping, block);
  const header = (block.header?.cells ?? []).map((cell) => normaliseForMatch(cell.text));
  const headerLines = block.header ? w.text.kept(block.header.lines) : [];
  if (!rule || rule.record === 'section') return keepTable(w, block);
  // The header row, and lines of the table in no row (a Markdown table's "| --- |"), are its header.
  const inRows = new Set(
    block.rows.flatMap((row) => [...row.lines, ...row.cells.flatMap((cell) => cell.lines)]),
  );
  b.place(
    [...headerLines, ...w.text.kept(block.lines).filter((n) => !inRows.has(n))],
    `${rule.record}.header`,
  );
  for (const row of block.rows) {
    const fields: Fields = {};
    const fieldLines: Record<string, number[]> = {};
    const extras: string[] = [];
    for (const [k, cell] of row.cells.entries()) {
      if (cell.merged) continue;
      const value = w.text.cell(cell);
      if (!value) continue;
      const field = rule.columns.find((c) => normaliseForMatch(c.heading) === header[k])?.field;
      if (field === 'ignore') continue;
      if (!field) {
        extras.push(header[k] ? `${block.header!.cells[k]!.text.trim()}: ${value}` : value);
        continue;
      }
      fields[field] = fields[field] ? `${fields[field]} ${value}` : value;
      (fieldLines[field] ??= []).push(...w.text.kept(cell.lines));
    }
    if (extras.length) {
      const into = rule.record === 'commitment' ? 'progress' : mainField[rule.record];
      fields[into] = [fields[into], ...extras].filter(Boolean).join('\n');
    }
    const lines = unique(w.text.kept([...row.lines, ...row.cells.flatMap((cell) => cell.lines)]));
    if (lines.length === 0) continue;
    const made = makeRecord(b, {
      kind: rule.record,
      fields,
      lines,
      fieldLines,
      context: w.lastHeading || b.doc.title,
    });
    if (!made) {
      const text = Object.values(fields).filter(Boolean).join(' | ');
      if (text) w.keep(text, lines);
    }
  }
}

/** A table no rule claims: each row kept as a line of text, its cells joined by " | ". */
function keepTable(w: WalkState, block: TableBlock): void {
  const b = w.b;
  const rows = [...(block.header ? [block.header] : []), ...block.rows];
  const inRows = new Set(rows.flatMap((row) => [...row.lines, ...row.cells.flatMap((cell) => cell.lines)]));
  const others = w.text.kept(block.lines).filter((n) => !inRows.has(n));
  if (others.length) b.place(others, b.section ? `section:${b.section.key}` : 'table');
  for (const row of rows) {
    const text = row.cells
      .filter((cell) => !cell.merged)
      .map((cell) => w.text.cell(cell))
      .filter(Boolean)
      .join(' | ');
    const lines = w.text.kept([...row.lines, ...row.cells.flatMap((cell) => cell.lines)]);
    if (text) w.keep(text, unique(lines));
  }
}
