/*
 * Searching the plan: what can be found, what a search term may be, and how a snippet the
 * database highlighted becomes safe HTML. Pure, so the page, the API and the tests share one answer.
 */

/** What a result can be. Each has a source in src/db/search/sources.ts and a label and link in web/search. */
export const searchResultTypes = [
  'plan',
  'priority',
  'improvement-area',
  'commitment',
  'outcome',
  'highlight-report',
  'risk',
  'measure',
  'minutes',
  'action',
] as const;
export type SearchResultType = (typeof searchResultTypes)[number];

export const maxSearchLength = 200;
/** Only the page shown is highlighted (ts_headline parses its text), so a page is kept short. */
export const searchPageSize = 20;

export type SearchTerm =
  { kind: 'empty' } | { kind: 'too-long'; message: string } | { kind: 'ok'; text: string };

/** A term as typed: blank asks for the box only; a very long one is refused rather than cut short. */
export function readSearchTerm(raw: unknown): SearchTerm {
  const text = (typeof raw === 'string' ? raw : '').replace(/\s+/g, ' ').trim();
  if (text === '') return { kind: 'empty' };
  if (text.length > maxSearchLength)
    return { kind: 'too-long', message: `Search term must be ${maxSearchLength} characters or fewer` };
  return { kind: 'ok', text };
}

/** A page number from the query string; anything but a whole number from 1 is the first page. */
export function readPageNumber(raw: unknown): number {
  const text = typeof raw === 'string' ? raw : '';
  return /^[1-9][0-9]{0,5}$/.test(text) ? Number(text) : 1;
}

/*
 * ts_headline marks matches with these two characters (the database strips them from the text
 * first), so the HTML is made here: everything escaped, then the marks turned into <mark>.
 */
export const highlightStart = '\u0002';
export const highlightStop = '\u0003';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/** The snippet as HTML: stored text escaped, each highlighted run in <mark>, always balanced. */
export function snippetHtml(headline: string): string {
  let html = '';
  let open = false;
  let run = '';
  for (const char of headline) {
    if (char !== highlightStart && char !== highlightStop) {
      run += char;
      continue;
    }
    html += escapeHtml(run);
    run = '';
    if (char === highlightStart && !open) html += '<mark>';
    if (char === highlightStop && open) html += '</mark>';
    open = char === highlightStart;
  }
  html += escapeHtml(run);
  return open ? `${html}</mark>` : html;
}

/** The snippet as plain text, for the API. */
export const snippetText = (headline: string) =>
  headline.replaceAll(highlightStart, '').replaceAll(highlightStop, '');
