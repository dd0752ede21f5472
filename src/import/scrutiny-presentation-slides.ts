/**
 * A scrutiny presentation's text as slides: blocks of lines between blank lines, grouped under the
 * short title lines that start each slide. Slides whose title repeats an earlier one ("Activity
 * During Covid 2") continue it.
 *
 * Feedback comments, quotes and areas are often short lines that look like slide titles, so inside
 * those parts only a title of a known kind (or the closing slide) starts a new slide.
 */
import { cleanText, endsSentence, item, slugify, wordCount } from './prose.ts';
import { isBlank, parseBullet } from './text.ts';
import type { ListItem, SourceLine } from './types.ts';

export interface Block {
  lines: SourceLine[];
  bullets: boolean;
}

export type SlideKind =
  'title' | 'feedback' | 'national' | 'inspection' | 'areas' | 'journey' | 'closing' | 'other';

export interface Slide {
  kind: SlideKind;
  title: string;
  /** Title lines, the repeats of a title carried over several slides included. */
  heading: SourceLine[];
  /** Title-like lines straight under the title ("System wide from Early Help to Leaving Care"). */
  subtitle: SourceLine[];
  body: Block[];
}

/** The last slide's whole text when it closes the talk. */
export const closingTitle = /^(?:thank you|thanks|any questions|questions)[!?.]*$/i;

/** Blank lines separate blocks; inside a group, bullets and plain lines make separate blocks. */
export function readBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const line of lines) {
    if (isBlank(line)) {
      current = undefined;
      continue;
    }
    const bullet = parseBullet(line.text) !== undefined;
    // A lower-case line straight after a bullet is that bullet wrapping.
    if (current && !bullet && current.bullets && /^\s*[a-z]/.test(line.text)) {
      current.lines.push(line);
      continue;
    }
    if (!current || current.bullets !== bullet) {
      current = { lines: [], bullets: bullet };
      blocks.push(current);
    }
    current.lines.push(line);
  }
  return blocks;
}

/** A block's lines read as one paragraph. */
export function blockText(block: Block): string {
  return cleanText(block.lines.map((l) => l.text).join(' '));
}

const smallWords = new Set('a an and the of for to in on at by with from or & - –'.split(' '));

/** A slide title: one short line, no closing full stop, mostly capitalised words. */
export function isTitleLike(block: Block): boolean {
  if (block.bullets || block.lines.length !== 1) return false;
  const text = cleanText(block.lines[0]!.text);
  if (wordCount(text) > 12 || /[.!?:;,]$/.test(text)) return false;
  const words = text.split(' ').filter((w) => !smallWords.has(w.toLowerCase()));
  if (words.length === 0) return false;
  const capitalised = words.filter((w) => /^["“‘(]?[A-Z0-9]/.test(w)).length;
  return capitalised / words.length >= 0.6;
}

function kindOfTitle(text: string, isLast: boolean): SlideKind | undefined {
  if (isLast && closingTitle.test(text)) return 'closing';
  if (
    /\bfeedback\b|\bcomments?\b|\btestimonials?\b|\bwhat (?:children|young people|families|parents|carers) (?:say|said|told us)\b/i.test(
      text,
    )
  ) {
    return 'feedback';
  }
  if (/\bnational\b/i.test(text)) return 'national';
  if (/\bareas? (?:for|of) (?:improvement|development)\b|\bpriority actions?\b/i.test(text)) return 'areas';
  if (/\b(?:ofsted|inspection|focused visit|monitoring visit|jtai|ilacs)\b/i.test(text)) return 'inspection';
  if (/\bjourney\b/i.test(text)) return 'journey';
  return undefined;
}

// Parts whose own lines look like titles: only a title of a known kind ends them.
const zones = new Set<SlideKind>(['feedback', 'national', 'areas']);

/** The slides of a presentation, a slide continued under a repeated title merged into the first. */
export function readSlides(lines: SourceLine[]): Slide[] {
  return mergeContinuations(groupSlides(readBlocks(lines)));
}

function groupSlides(blocks: Block[]): Slide[] {
  const slides: Slide[] = [];
  blocks.forEach((block, i) => {
    const isLast = i === blocks.length - 1;
    const text = block.bullets ? '' : blockText(block);
    const short = !block.bullets && block.lines.length === 1 && wordCount(text) <= 10;
    const known = short && (isLast || !endsSentence(text)) ? kindOfTitle(text, isLast) : undefined;
    const current = slides[slides.length - 1];
    const inZone = current !== undefined && zones.has(current.kind);
    const startsSlide = known !== undefined || (!inZone && isTitleLike(block));
    if (!current || (startsSlide && current.body.length > 0) || (known && known !== current.kind)) {
      if (startsSlide) {
        slides.push({
          kind: known ?? (slides.length === 0 ? 'title' : 'other'),
          title: text,
          heading: [...block.lines],
          subtitle: [],
          body: [],
        });
      } else {
        slides.push({ kind: 'title', title: '', heading: [], subtitle: [], body: [block] });
      }
      return;
    }
    if (startsSlide && current.body.length === 0) {
      (sameTopic(text, current.title) ? current.heading : current.subtitle).push(...block.lines);
    } else current.body.push(block);
  });
  return slides;
}

/** "Our Activity During Covid" and "Activity During Covid 2" are one slide running over two. */
function sameTopic(a: string, b: string): boolean {
  const topic = (t: string): string =>
    slugify(t)
      .replace(/^(?:our|the)-/, '')
      .replace(/-(?:\d+|cont|continued)$/, '');
  return topic(a) !== '' && topic(a) === topic(b);
}

function mergeContinuations(slides: Slide[]): Slide[] {
  const merged: Slide[] = [];
  for (const slide of slides) {
    const earlier =
      slide.kind === 'title'
        ? undefined
        : merged.find((s) => s.kind !== 'title' && sameTopic(s.title, slide.title));
    if (earlier) {
      earlier.heading.push(...slide.heading);
      earlier.subtitle.push(...slide.subtitle);
      earlier.body.push(...slide.body);
    } else merged.push(slide);
  }
  return merged;
}

/** The items of every bullet block of a slide, in order. */
export function bulletItems(blocks: Block[]): ListItem[] {
  return blocks.filter((b) => b.bullets).flatMap((b) => readBulletBlock(b));
}

/** One item a bullet; a line without a marker wraps the item before it. */
export function readBulletBlock(block: Block): ListItem[] {
  const items: ListItem[] = [];
  for (const line of block.lines) {
    const bullet = parseBullet(line.text);
    const last = items[items.length - 1];
    if (!bullet && last) {
      last.text = `${last.text} ${cleanText(line.text)}`;
      last.lines.push(line.number);
    } else items.push(item(cleanText(bullet ? bullet.text : line.text), [line.number]));
  }
  return items;
}
