/*
 * Public text as a reader meets it: every acronym spelled out the first time it appears on the
 * page (GOV.UK style), and a reading age for each piece so the child-friendly page can flag any
 * pitched above the council's target. On the easy read, the words of children's services are
 * explained where they first appear (easy-read-words.ts).
 */
import { expandAcronyms, type Glossary } from '../glossary.ts';
import { readingAgeYears } from '../readability.ts';
import { explainWords, type EasyReadWord, type TextPart } from './easy-read-words.ts';

export interface ShownText {
  text: string;
  /** The text in parts, a word to explain in a part of its own (one part when nothing is). */
  parts: TextPart[];
  /** The words first explained in this text, in order. */
  words: EasyReadWord[];
  /** Rounded to a whole year; null for empty text. */
  readingAge: number | null;
  aboveTarget: boolean;
}

/** One per page: it remembers which acronyms and words the page has already explained. */
export class PageText {
  private readonly explained = new Set<string>();
  private readonly explainedWords = new Set<string>();

  constructor(
    private readonly glossary: Glossary,
    readonly targetReadingAge: number,
    private readonly words: readonly EasyReadWord[] = [],
  ) {}

  show(text: string): ShownText {
    const result = expandAcronyms(text, this.glossary, this.explained);
    for (const acronym of result.expanded) this.explained.add(acronym);
    const parts = this.words.length
      ? explainWords(result.text, this.explainedWords, this.words)
      : [{ text: result.text }];
    const age = readingAgeYears(result.text);
    return {
      text: result.text,
      parts,
      words: parts.flatMap((part) => ('word' in part ? [part.word] : [])),
      readingAge: age,
      aboveTarget: age !== null && age > this.targetReadingAge,
    };
  }

  /** Expanded, without scoring: headings and labels. */
  expand(text: string): string {
    const result = expandAcronyms(text, this.glossary, this.explained);
    for (const acronym of result.expanded) this.explained.add(acronym);
    return result.text;
  }
}
