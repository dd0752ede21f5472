/**
 * A priority's "We said" commitments paired with their "We did" outcomes. Poster layouts break the
 * one-after-the-other order, so pairs are made by position and every pairing that is not plainly
 * one-to-one is flagged for a person to check, never guessed silently.
 */
import type { LineLedger } from './ledger.ts';
import { emptyPriority } from './ledger.ts';
import type { Block, Occurrence, Side } from './we-said-we-did-labels.ts';
import { key } from './we-said-we-did-labels.ts';
import type { ImportedCommitment, ImportedDocument, ImportedPriority, LineRefs } from './types.ts';

/** The occurrences of each priority number, in order: a poster can head one priority twice. */
export function groupByNumber(occurrences: Occurrence[]): Map<number, Occurrence[]> {
  const groups = new Map<number, Occurrence[]>();
  for (const occurrence of occurrences) {
    const group = groups.get(occurrence.number);
    if (group) group.push(occurrence);
    else groups.set(occurrence.number, [occurrence]);
  }
  return groups;
}

export function buildPriority(
  number: number,
  group: Occurrence[],
  doc: ImportedDocument,
  ledger: LineLedger,
): ImportedPriority {
  const field = `priorities.${number}`;
  const titled = group.filter((o) => o.title);
  const title = titled[0]?.title?.text ?? '';
  const priority = emptyPriority(number, title);
  for (const occurrence of group) {
    const own = [occurrence.heading, ...(occurrence.title?.lines ?? [])].filter((n) => n > 0);
    priority.lines.push(...own);
    if (occurrence.heading > 0) ledger.place(occurrence.heading, field);
    ledger.place(occurrence.title?.lines ?? [], `${field}.title`);
  }
  if (title === '') {
    doc.needsReview.push({
      message: `Priority ${number} has no title. Add one.`,
      lines: group.map((o) => o.heading).filter((n) => n > 0),
    });
  }
  const differing = titled.filter((o) => key(o.title!.text) !== key(title));
  if (differing.length > 0) {
    doc.needsReview.push({
      message: `Priority ${number} has a different title on line ${differing.map((o) => o.heading).join(', ')}. The first title was kept: check the others.`,
      lines: titled.flatMap((o) => o.title!.lines),
    });
  }
  const blocks = group.flatMap((o) => o.blocks).filter((block) => keepBlock(block, number, doc));
  for (let i = 0; i < blocks.length;) {
    const said: Block[] = [];
    const did: Block[] = [];
    while (blocks[i]?.side === 'said') said.push(blocks[i++]!);
    while (blocks[i]?.side === 'did') did.push(blocks[i++]!);
    priority.commitments.push(...pairRun(number, said, did, doc));
  }
  priority.commitments.forEach((commitment, c) => {
    ledger.place(commitment.lines, `${field}.commitments.${c}`);
    commitment.outcomes.forEach((outcome, o) =>
      ledger.place(outcome.lines, `${field}.commitments.${c}.outcomes.${o}`),
    );
  });
  return priority;
}

/** A label with no text under it says nothing: leave it unplaced and say so. */
function keepBlock(block: Block, number: number, doc: ImportedDocument): boolean {
  if (block.paragraphs.length > 0) return true;
  doc.needsReview.push({
    message: `Priority ${number}: "${sideName(block.side)}" on line ${block.label} has no text after it.`,
    lines: [block.label],
  });
  return false;
}

/**
 * Pairs a run of "We said" blocks with the run of "We did" blocks after it, in order. Extra "We did"
 * blocks go to the last commitment; every commitment of a run of unequal length, and any with other
 * than one outcome, is flagged.
 */
function pairRun(number: number, said: Block[], did: Block[], doc: ImportedDocument): ImportedCommitment[] {
  if (said.length === 0) {
    const refs = did.flatMap(blockLines);
    doc.needsReview.push({
      message: `Priority ${number}: "We did" on ${linesText(did.map((b) => b.label))} has no "We said" before it, so it was not imported.`,
      lines: refs,
    });
    return [];
  }
  const commitments: ImportedCommitment[] = said.map((block) => ({
    text: block.paragraphs.map((p) => p.text).join('\n\n'),
    outcomes: [],
    lines: blockLines(block),
  }));
  did.forEach((block, i) => {
    const commitment = commitments[Math.min(i, commitments.length - 1)]!;
    if (!isInline(block)) commitment.lines.push(block.label);
    commitment.outcomes.push(...block.paragraphs.map((p) => ({ text: p.text, lines: p.lines })));
  });

  const runLines = [...said, ...did].map((b) => b.label);
  if (said.length !== did.length) {
    const message = `Priority ${number}: ${said.length} "We said" (${linesText(said.map((b) => b.label))}) ${said.length === 1 ? 'is' : 'are'} followed by ${did.length} "We did" (${linesText(did.map((b) => b.label))}). They were paired in order: check which "We did" answers which "We said".`;
    commitments.forEach((c) => (c.needsReview = message));
    doc.needsReview.push({ message, lines: runLines });
    return commitments;
  }
  if (said.length > 1) {
    doc.needsReview.push({
      message: `Priority ${number}: ${said.length} "We said" (${linesText(said.map((b) => b.label))}) come before their ${said.length} "We did" (${linesText(did.map((b) => b.label))}). They were paired in order: check the pairs.`,
      lines: runLines,
    });
  }
  commitments.forEach((commitment, i) => {
    if (commitment.outcomes.length === 1) return;
    const outcomeLines = commitment.outcomes.map((o) => o.lines[0]!);
    commitment.needsReview = `"We said" on line ${said[i]!.label} has ${commitment.outcomes.length} "We did" paragraphs (${linesText(outcomeLines)}). Check they all answer it.`;
    doc.needsReview.push({
      message: `Priority ${number}: ${commitment.needsReview}`,
      lines: [said[i]!.label, ...outcomeLines],
    });
  });
  return commitments;
}

function blockLines(block: Block): LineRefs {
  return [...(isInline(block) ? [] : [block.label]), ...block.paragraphs.flatMap((p) => p.lines)];
}

/** "We did: We published ..." has its first paragraph on the label's own line. */
function isInline(block: Block): boolean {
  return block.paragraphs[0]?.lines[0] === block.label;
}

function sideName(side: Side): string {
  return side === 'said' ? 'We said' : 'We did';
}

function linesText(refs: number[]): string {
  return refs.length === 1
    ? `line ${refs[0]}`
    : `lines ${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]}`;
}
