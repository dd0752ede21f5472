/**
 * An improvement plan (seed 003): foreword, vision and values, roles, numbered priorities each with
 * "What will be the impact for children?" and "What will we do?", practice standards, staff quotes
 * and "You said... / We did...". Exported from a designed PDF, so sentences wrap mid-line and the
 * text of a page can come before its heading.
 *
 * The records (priorities, standards, feedback) are read first, one module each, and what is left
 * is read as headed text (`improvement-plan-sections.ts`): a block read into a record ends the text
 * around it.
 */
import { readStaffQuotes, readYouSaid } from './improvement-plan-feedback.ts';
import { readPriorities } from './improvement-plan-priorities.ts';
import type { Reading } from './improvement-plan-reading.ts';
import { addPlanSection, doLabel, impactLabel, priorityHeading, roleOf } from './improvement-plan-reading.ts';
import { readSections } from './improvement-plan-sections.ts';
import { readStandards } from './improvement-plan-standards.ts';
import { emptyDocument, LineLedger } from './ledger.ts';
import { endsSentence, readProseBlocks, wordCount } from './prose.ts';
import { lineNumbers } from './text.ts';
import type { DocumentExtractor, ImportedDocument, SourceLine } from './types.ts';

export const improvementPlanExtractor: DocumentExtractor = {
  kind: 'improvement-plan',
  recognise,
  extract,
};

function extract(lines: SourceLine[]): ImportedDocument {
  const blocks = readProseBlocks(lines, (text) => roleOf(text) !== undefined).map((block) =>
    block.kind === 'label' && roleOf(block.text) === 'heading'
      ? { ...block, kind: 'heading' as const }
      : block,
  );
  const r: Reading = {
    doc: emptyDocument('improvement-plan', ''),
    ledger: new LineLedger(lines),
    blocks,
    taken: new Set(),
    inFeedback: new Set(),
  };
  blocks.forEach((block, i) => {
    if (block.kind !== 'page-number') return;
    r.doc.pageFurniture.push(...block.lines);
    r.ledger.place(lineNumbers(block.lines), 'page furniture');
    r.taken.add(i);
  });
  readTitle(r);
  readPriorities(r);
  readStandards(r);
  const youSaid = readYouSaid(r);
  readStaffQuotes(r);
  readSections(r, youSaid);
  r.doc.feedback.sort((a, b) => a.lines[0]! - b.lines[0]!);
  r.doc.unplaced = r.ledger.unplaced();
  return r.doc;
}

/** The first block, when it is a heading or a short line that does not read as a sentence. */
function readTitle(r: Reading): void {
  const first = r.blocks[0];
  const short = first?.kind === 'paragraph' && first.lines.length <= 2 && wordCount(first.text) <= 12;
  if (!first || !(first.kind === 'heading' || (short && !endsSentence(first.text)))) return;
  r.doc.title = first.text;
  // "IMPROVEMENT PLAN 2024-25": the period as written; otherwise the foreword's date gives the year.
  const period = /\b(?:19|20)\d{2}(?:\s*[-/–]\s*\d{2,4})?\b/.exec(first.text)?.[0];
  if (period) r.doc.period = period;
  addPlanSection(r, {
    key: 'title',
    heading: 'Title',
    text: first.text,
    items: [],
    lines: lineNumbers(first.lines),
  });
  r.taken.add(0);
}

/**
 * Impact and action labels under numbered priorities are what mark an improvement plan; a
 * foreword, vision or standards add confidence. "We said / We did" alone is another kind.
 */
function recognise(lines: SourceLine[]): number {
  let impact = 0;
  let actions = 0;
  let priorities = 0;
  let framing = 0;
  for (const line of lines) {
    const text = line.text.trim();
    if (impactLabel.test(text)) impact += 1;
    else if (doLabel.test(text)) actions += 1;
    else if (priorityHeading(text) && /[:.–-]/.test(text.slice(0, 14))) priorities += 1;
    else if (/^(?:foreword|vision(?: and values)?|our values|roles and responsibilities)\b/i.test(text))
      framing += 1;
    else if (/\bstandards\b/i.test(text) && text === text.toUpperCase()) framing += 1;
  }
  let score = 0;
  if (impact > 0) score += 0.35;
  if (actions > 0) score += 0.25;
  if (priorities >= 2) score += 0.2;
  if (framing > 0) score += 0.2;
  return Math.min(1, score);
}
