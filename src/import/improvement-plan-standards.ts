/**
 * Practice standards, under a capitals heading with "STANDARDS" and a count ("7 TAMESIDE STANDARDS
 * FOR ALL"): the words before the count name the group, or the sub-headings under it do. A group
 * whose size differs from the count is flagged.
 */
import type { Reading } from './improvement-plan-reading.ts';
import { sentenceCase } from './prose.ts';
import { lineNumbers } from './text.ts';

export function readStandards(r: Reading): void {
  r.blocks.forEach((block, h) => {
    if (block.kind !== 'heading' || r.taken.has(h) || !/\bSTANDARDS?\b/i.test(block.text)) return;
    const count = /(?:^|\s)(\d{1,2})\s/.exec(block.text);
    const lead = count ? block.text.slice(0, count.index).replace(/[\s:,;–—-]+$/, '') : '';
    const expected = count ? Number(count[1]) : undefined;
    let group = lead !== '' ? sentenceCase(lead) : sentenceCase(block.text);
    let pending = lineNumbers(block.lines);
    let size = 0;
    const groups: Array<{ name: string; size: number; lines: number[] }> = [];
    r.taken.add(h);
    for (let i = h + 1; i < r.blocks.length; i++) {
      const b = r.blocks[i]!;
      const subheading = b.kind === 'paragraph' && b.lines.length === 1 && r.blocks[i + 1]?.kind === 'bullet';
      if (subheading) {
        if (size > 0) groups.push({ name: group, size, lines: [] });
        group = b.text;
        size = 0;
        pending.push(...lineNumbers(b.lines));
      } else if (b.kind === 'bullet') {
        const split = /^(.+?)(?::\s+|\s+[–—-]\s+)(.+)$/.exec(b.text);
        const lines = [...pending, ...lineNumbers(b.lines)];
        r.doc.standards.push({
          group,
          name: split ? split[1]! : b.text,
          ...(split ? { description: split[2]! } : {}),
          lines,
        });
        r.ledger.place(lines, `standard:${group}`);
        pending = [];
        size += 1;
      } else break;
      r.taken.add(i);
    }
    if (size > 0) groups.push({ name: group, size, lines: lineNumbers(block.lines) });
    for (const g of groups) {
      if (expected !== undefined && g.size !== expected) {
        r.doc.needsReview.push({
          message: `The heading "${block.text}" promises ${expected} standards but "${g.name}" lists ${g.size}`,
          lines: lineNumbers(block.lines),
        });
      }
    }
  });
}
