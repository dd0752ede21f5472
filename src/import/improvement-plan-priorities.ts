/**
 * An improvement plan's numbered priorities, each with "What will be the impact for children?" and
 * "What will we do?". A priority's impact and actions belong to the priority heading after them
 * when the first such block comes before the first heading (this export), otherwise to the heading
 * before them.
 */
import type { Reading } from './improvement-plan-reading.ts';
import { priorityHeading, role } from './improvement-plan-reading.ts';
import { emptyPriority, listLines } from './ledger.ts';
import { item } from './prose.ts';
import { lineNumbers } from './text.ts';
import type { ImportedPriority } from './types.ts';

/** The label's content: the bullets after it, or failing that one paragraph. */
function contentAfter(r: Reading, label: number): number[] {
  const taken: number[] = [];
  for (let i = label + 1; r.blocks[i]?.kind === 'bullet'; i++) taken.push(i);
  if (taken.length === 0 && r.blocks[label + 1]?.kind === 'paragraph') taken.push(label + 1);
  return taken;
}

export function readPriorities(r: Reading): void {
  const headings = r.blocks.flatMap((b, i) => (role(b) === 'priority' ? [i] : []));
  const groups = r.blocks.flatMap((b, i) => (role(b) === 'impact' || role(b) === 'do' ? [i] : []));
  if (headings.length === 0) return;
  const after = groups.length > 0 && groups[0]! < headings[0]!;
  const priorities = new Map<number, ImportedPriority>();
  for (const h of headings) {
    const found = priorityHeading(r.blocks[h]!.text)!;
    const priority = emptyPriority(found.number, found.title, lineNumbers(r.blocks[h]!.lines));
    priorities.set(h, priority);
    r.doc.priorities.push(priority);
    r.taken.add(h);
  }
  for (const g of groups) {
    const owner = after ? headings.find((h) => h > g) : [...headings].reverse().find((h) => h < g);
    const content = contentAfter(r, g);
    if (owner === undefined) {
      // Kept out of the text around it and left unplaced, so a person decides where it belongs.
      for (const i of [g, ...content]) r.taken.add(i);
      r.doc.needsReview.push({
        message: `"${r.blocks[g]!.text}" is not next to a priority heading, so it was not read into a priority`,
        lines: [g, ...content].flatMap((i) => lineNumbers(r.blocks[i]!.lines)),
      });
      continue;
    }
    const priority = priorities.get(owner)!;
    priority.lines.push(...lineNumbers(r.blocks[g]!.lines));
    r.taken.add(g);
    for (const c of content) {
      const block = r.blocks[c]!;
      r.taken.add(c);
      if (role(r.blocks[g]) === 'impact') {
        priority.impactForChildren.push(block.text);
        priority.lines.push(...lineNumbers(block.lines));
      } else {
        priority.whatWeWillDo.push(item(block.text, lineNumbers(block.lines), block.children));
      }
    }
  }
  for (const priority of r.doc.priorities) {
    priority.lines.sort((a, b) => a - b);
    r.ledger.place(priority.lines, `priority:${priority.number}`);
    r.ledger.place(listLines(priority.whatWeWillDo), `priority:${priority.number}`);
  }
}
