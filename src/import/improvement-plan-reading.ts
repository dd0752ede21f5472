/**
 * What every reader of an improvement plan shares: the labels that give a line its role ("What will
 * we do?", "PRIORITY 1: ...", "You said...") and the state of one reading, so that a block read
 * into one record is not read again into the text around it.
 */
import type { LineLedger } from './ledger.ts';
import { addSection } from './ledger.ts';
import type { ProseBlock } from './prose.ts';
import { wordCount } from './prose.ts';
import { parseNumberedHeading } from './text.ts';
import type { ImportedDocument, ImportedSection } from './types.ts';

export type Role = 'heading' | 'priority' | 'impact' | 'do' | 'said' | 'did' | 'list';

export const impactLabel =
  /^(?:what will be the )?impact (?:for|on) (?:children|young people|families)\b[^.]*[?:]?$/i;
export const doLabel =
  /^(?:what (?:will|are) we (?:going to )?do(?:ing)?\??|what we will do:?|our actions:?)$/i;
const saidLabel = /^you said\b\s*(?:\.{2,}|…|:)?$/i;
const didLabel = /^we (?:did|have done|will do)\b\s*(?:\.{2,}|…|:)?$/i;
const priorityWords = ['Priority', 'Ambition', 'Theme', 'Objective'];

export function priorityHeading(text: string): { number: number; title: string } | undefined {
  const found = parseNumberedHeading(text, priorityWords);
  if (!found || found.rest === '' || wordCount(found.rest) > 25) return undefined;
  return { number: found.number, title: found.rest };
}

// The usual section headings, which councils also write in ordinary case ("Foreword", "Our vision").
const sectionHeading =
  /^(?:foreword|introduction|welcome|(?:our )?vision(?: and values)?|our values|roles and responsibilities(?: for improvement)?|you said,? we did|acting on your feedback\b.*)$/i;

export function roleOf(text: string): Role | undefined {
  if (sectionHeading.test(text)) return 'heading';
  if (priorityHeading(text)) return 'priority';
  if (impactLabel.test(text)) return 'impact';
  if (doLabel.test(text)) return 'do';
  if (saidLabel.test(text)) return 'said';
  if (didLabel.test(text)) return 'did';
  if (text.endsWith(':') && wordCount(text) <= 8 && /^[A-Z]/.test(text)) return 'list';
  return undefined;
}

/** The role of a label block; other blocks have none, whatever their words. */
export const role = (block: ProseBlock | undefined): Role | undefined =>
  block?.kind === 'label' ? roleOf(block.text) : undefined;

export interface Reading {
  doc: ImportedDocument;
  ledger: LineLedger;
  blocks: ProseBlock[];
  /** Blocks read into a priority, standard or staff quote: they end the text around them. */
  taken: Set<number>;
  /** "You said / We did" blocks: records, but part of the text around them. */
  inFeedback: Set<number>;
}

/** Adds a section with its lines in source order, because a heading can come after its text. */
export function addPlanSection(r: Reading, section: ImportedSection, at?: number): void {
  addSection(r.doc, r.ledger, { ...section, lines: [...section.lines].sort((a, b) => a - b) }, at);
}
