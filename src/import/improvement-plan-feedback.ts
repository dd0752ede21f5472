/**
 * Feedback in an improvement plan: "You said..." answered by "We did...", and staff quotations.
 * A quotation next to a name and role is a member of staff speaking; when a quotation has a name
 * on each side, the earlier pairing wins, as the page is read top to bottom.
 */
import type { Reading } from './improvement-plan-reading.ts';
import { role } from './improvement-plan-reading.ts';
import type { ProseBlock } from './prose.ts';
import { unquote } from './prose.ts';
import { lineNumbers } from './text.ts';
import type { FeedbackSource, ImportedFeedback } from './types.ts';

/**
 * "You said..." with one or more quotations, answered by "We did..." and a paragraph. Who said it
 * is known only from the text around it: see `youSaidSource`.
 */
export function readYouSaid(r: Reading): ImportedFeedback[] {
  const found: ImportedFeedback[] = [];
  for (let i = 0; i < r.blocks.length; i++) {
    if (role(r.blocks[i]) !== 'said' || r.taken.has(i)) continue;
    const said: string[] = [];
    const lines = lineNumbers(r.blocks[i]!.lines);
    r.inFeedback.add(i);
    // One or more quotations, or a single unquoted paragraph.
    let j = i + 1;
    const paragraph = r.blocks[j]?.kind === 'paragraph';
    for (; r.blocks[j]?.kind === (paragraph ? 'paragraph' : 'quote') && (!paragraph || j === i + 1); j++) {
      said.push(unquote(r.blocks[j]!.text));
      lines.push(...lineNumbers(r.blocks[j]!.lines));
      r.inFeedback.add(j);
    }
    let response: string | undefined;
    if (role(r.blocks[j]) === 'did') {
      lines.push(...lineNumbers(r.blocks[j]!.lines));
      r.inFeedback.add(j);
      const answer = r.blocks[j + 1];
      if (answer && answer.kind === 'paragraph') {
        response = answer.text;
        lines.push(...lineNumbers(answer.lines));
        r.inFeedback.add(j + 1);
      }
    }
    const feedback: ImportedFeedback = {
      source: 'unknown',
      said: said.join('\n'),
      ...(response !== undefined ? { response } : {}),
      lines,
    };
    r.ledger.place(lines, 'feedback');
    r.doc.feedback.push(feedback);
    found.push(feedback);
  }
  return found;
}

/** Who gave "You said" feedback, from the text around it ("Our staff and partners are ..."). */
export function youSaidSource(text: string): FeedbackSource {
  if (/\b(?:staff|practitioners|workforce|colleagues|social workers)\b/i.test(text)) return 'staff';
  if (/\bpartners?\b/i.test(text)) return 'partner';
  if (/\b(?:children|young people)\b/i.test(text)) return 'child-or-young-person';
  if (/\b(?:parents|carers|families)\b/i.test(text)) return 'parent-or-carer';
  return 'unknown';
}

export function readStaffQuotes(r: Reading): void {
  const free = (i: number, kind: ProseBlock['kind']): boolean =>
    r.blocks[i]?.kind === kind && !r.taken.has(i) && !r.inFeedback.has(i);
  for (let i = 0; i + 1 < r.blocks.length; i++) {
    const pair =
      free(i, 'quote') && free(i + 1, 'name')
        ? [i, i + 1]
        : free(i, 'name') && free(i + 1, 'quote')
          ? [i + 1, i]
          : undefined;
    if (!pair) continue;
    const [q, n] = pair as [number, number];
    const quote = r.blocks[q]!;
    const name = r.blocks[n]!;
    const lines = [...lineNumbers(quote.lines), ...lineNumbers(name.lines)].sort((a, b) => a - b);
    r.doc.feedback.push({
      source: 'staff',
      said: unquote(quote.text),
      attribution: name.parts.join(', '),
      lines,
    });
    r.ledger.place(lines, 'feedback');
    r.taken.add(q).add(n);
  }
}
