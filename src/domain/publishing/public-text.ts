/*
 * Public text as a reader meets it: every acronym spelled out the first time it appears on the
 * page (GOV.UK style), and a reading age for each piece so the child-friendly page can flag any
 * pitched above the council's target.
 */
import { expandAcronyms, type Glossary } from '../glossary.ts';
import { readability } from '../readability.ts';

export interface ShownText {
  text: string;
  /** Rounded to a whole year; null for empty text. */
  readingAge: number | null;
  aboveTarget: boolean;
}

/** One per page: it remembers which acronyms the page has already explained. */
export class PageText {
  private readonly explained = new Set<string>();

  constructor(
    private readonly glossary: Glossary,
    readonly targetReadingAge: number,
  ) {}

  show(text: string): ShownText {
    const result = expandAcronyms(text, this.glossary, this.explained);
    for (const acronym of result.expanded) this.explained.add(acronym);
    const { readingAge } = readability(result.text);
    const age = readingAge === null ? null : Math.max(5, Math.round(readingAge));
    return { text: result.text, readingAge: age, aboveTarget: age !== null && age > this.targetReadingAge };
  }

  /** Expanded, without scoring: headings and labels. */
  expand(text: string): string {
    return this.show(text).text;
  }
}
