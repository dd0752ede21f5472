/**
 * Families' and young people's comments on a scrutiny presentation's feedback slides, read as
 * feedback with any signature ("Thanks Mr & Mrs T") as its attribution.
 */
import type { LineLedger } from './ledger.ts';
import { addSection } from './ledger.ts';
import { cleanText, wordCount } from './prose.ts';
import type { Slide } from './scrutiny-presentation-slides.ts';
import { lineNumbers, parseBullet } from './text.ts';
import type { FeedbackSource, ImportedDocument, ImportedFeedback } from './types.ts';

const signOff = /^(?:thanks|thanx|thank you|many thanks|cheers|regards|love|x+)[\s!.x]*$/i;

/** "Thanks Mr & Mrs T", "Natalie & Craig B": a signature rather than a comment. */
function isSignature(text: string): boolean {
  const value = cleanText(text);
  if (wordCount(value) > 6 || /[.?]$/.test(value)) return false;
  const name = value.replace(/^(?:thanks|thanx|thank you|many thanks|from|love|regards)[,!]?\s+/i, '');
  const words = name.split(' ');
  const nameLike = words.every(
    (w) => /^(?:&|and|Mr|Mrs|Ms|Miss|Mx|Dr)$/.test(w) || /^[A-Z][\w'’.-]*$/.test(w),
  );
  const marked = /&|\band\b|\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\b/.test(name) || /\s[A-Z]\.?$/.test(name);
  return nameLike && marked;
}

export function readFeedback(slide: Slide, doc: ImportedDocument, ledger: LineLedger): void {
  addSection(doc, ledger, {
    key: 'feedback',
    heading: slide.title,
    text: '',
    items: [],
    lines: lineNumbers(slide.heading),
  });
  let previous: ImportedFeedback | undefined;
  // Each bullet is a comment of its own; a plain paragraph is one comment, however many lines.
  const comments = slide.body.flatMap((block) =>
    block.bullets ? block.lines.map((line) => [line]) : [block.lines],
  );
  for (const lines of comments) {
    let cut = lines.length;
    while (cut > 0 && (isSignature(lines[cut - 1]!.text) || signOff.test(cleanText(lines[cut - 1]!.text))))
      cut--;
    const signature = lines.slice(cut);
    if (cut === 0 && previous && previous.attribution === undefined) {
      previous.attribution = signature.map((l) => cleanText(l.text)).join('\n');
      previous.lines.push(...lineNumbers(signature));
      previous.source = sourceOf(previous.said, previous.attribution);
      ledger.place(lineNumbers(signature), 'feedback');
      continue;
    }
    const comment = cut === 0 ? lines : lines.slice(0, cut);
    const said = comment.map((l) => cleanText(parseBullet(l.text)?.text ?? l.text)).join('\n');
    const attribution =
      cut === 0 || signature.length === 0 ? undefined : signature.map((l) => cleanText(l.text)).join('\n');
    const feedback: ImportedFeedback = {
      source: sourceOf(said, attribution),
      said,
      ...(attribution !== undefined ? { attribution } : {}),
      lines: lineNumbers(lines),
    };
    ledger.place(feedback.lines, 'feedback');
    doc.feedback.push(feedback);
    previous = feedback;
  }
}

/**
 * Who wrote a comment, only when the words say so: a young person mentions their personal adviser
 * or leaving care; a parent or carer mentions their children or signs as a couple.
 */
function sourceOf(said: string, attribution: string | undefined): FeedbackSource {
  if (/\bmy (?:pa|personal advi[sc]er|leaving care worker|foster carers?)\b|\bcare leaver\b/i.test(said)) {
    return 'child-or-young-person';
  }
  if (
    /\b(?:the|our|my) (?:kids|children|boys|girls|son|daughter|little)\b|\bmy (?:little )?(?:big )?boy\b/i.test(
      said,
    ) ||
    (attribution !== undefined && /&|\band\b|\bMr\b|\bMrs\b/.test(attribution))
  ) {
    return 'parent-or-carer';
  }
  return 'unknown';
}
