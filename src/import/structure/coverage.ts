/** Every non-blank line in exactly one block, blank lines in none: what the ledger relies on. */
import type { DocumentStructure, StructureListItem } from '../../domain/document-structure.ts';

function itemLines(items: StructureListItem[]): number[] {
  return items.flatMap((item) => [...item.lines, ...itemLines(item.children)]);
}

/** Problems with a structure's line accounting, empty when every line is where it should be. */
export function coverageProblems(structure: DocumentStructure): string[] {
  const problems: string[] = [];
  const owner = new Map<number, number>();
  const text = new Map(structure.lines.map((line) => [line.number, line.text]));
  for (const block of structure.blocks) {
    for (const n of block.lines) {
      if (!text.has(n)) problems.push(`block ${block.index} names line ${n}, which is not in the document`);
      else if (text.get(n)!.trim() === '') problems.push(`block ${block.index} holds blank line ${n}`);
      if (owner.has(n)) problems.push(`line ${n} is in blocks ${owner.get(n)} and ${block.index}`);
      owner.set(n, block.index);
    }
    if (block.type === 'list') {
      const inItems = itemLines(block.items).sort((a, b) => a - b);
      const own = [...block.lines].sort((a, b) => a - b);
      if (inItems.join() !== own.join())
        problems.push(`list ${block.index}: items' lines differ from its lines`);
    }
  }
  for (const line of structure.lines) {
    if (line.text.trim() !== '' && !owner.has(line.number))
      problems.push(`line ${line.number} is in no block`);
  }
  return problems;
}
