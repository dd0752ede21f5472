/**
 * The lines that shape a "We said, We did" report, its priority headings and its "We said" /
 * "We did" labels, and the parts read from under them.
 */
import { parseBullet, parseNumberedHeading, readValue, splitLabel } from './text.ts';

export const saidLabels = ['We said', 'What we said'];
export const didLabels = ['We did', 'What we did', 'What we have done'];
export const bothLabels = [...saidLabels, ...didLabels];
const priorityWords = ['Priority', 'Ambition', 'Theme'];

export type Side = 'said' | 'did';

export interface Paragraph {
  text: string;
  lines: number[];
}

/** A "We said" or "We did" label and the paragraphs under it. */
export interface Block {
  side: Side;
  label: number;
  paragraphs: Paragraph[];
}

/** One priority heading and what follows it; a priority can be headed more than once. */
export interface Occurrence {
  number: number;
  heading: number;
  title?: Paragraph;
  blocks: Block[];
}

export function headingOf(text: string): { number: number; rest: string } | undefined {
  const heading = parseNumberedHeading(text, priorityWords);
  // "Priority 1 was met" is a sentence; a heading is the number alone or a separator then a title.
  if (!heading || (heading.rest !== '' && heading.separator === '')) return undefined;
  return heading;
}

export function sideOf(text: string): Side | undefined {
  if (parseBullet(text)) return undefined;
  if (splitLabel(text, saidLabels)) return 'said';
  if (splitLabel(text, didLabels)) return 'did';
  return undefined;
}

/** Text compared for sameness: a page header repeating the title, a priority titled twice. */
export function key(text: string): string {
  return readValue(text).toLowerCase().replace(/[.:]$/, '');
}
