/**
 * Judgements an inspection states in its text: a line that ends with a grade ("Adoption
 * performance Good"), or a wrapped table cell whose grade is on the next line ("2. Children looked
 * after and achieving" / "permanence Requires improvement").
 */
import type { StructureBlock } from '../../domain/document-structure.ts';
import type { LineRefs } from '../types.ts';
import { makeRecord } from './records.ts';
import { gradeOf } from './rules.ts';
import type { WalkState } from './walk-state.ts';

/** True when the next block was taken too, false when only this one, undefined when it is no judgement. */
export function gradedParagraph(
  w: WalkState,
  text: string,
  lines: LineRefs,
  next: StructureBlock | undefined,
): boolean | undefined {
  const grades = w.mapping.grades ?? [];
  const here = gradeOf(text, grades);
  if (here) {
    makeRecord(w.b, { kind: 'judgement', fields: here, lines });
    return false;
  }
  if (next?.type !== 'paragraph' || /[.;:]$/.test(text) || text.length > 160) return undefined;
  const nextText = w.blockText(next);
  if (/^\(?\d+(\.\d+)*[.)]?\s/.test(nextText) || nextText.length > 80) return undefined;
  const both = gradeOf(`${text} ${nextText}`, grades);
  if (!both) return undefined;
  makeRecord(w.b, { kind: 'judgement', fields: both, lines: [...lines, ...w.text.kept(next.lines)] });
  return true;
}
