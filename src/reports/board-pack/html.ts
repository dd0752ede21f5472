/**
 * The board pack as one standalone, print-ready HTML document. It carries its own CSS so it can be
 * saved, e-mailed or printed to PDF by a browser without the service; pass the CSP nonce when the
 * service itself sends it.
 */
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import type { BoardPack } from './types.ts';
import { buildBoardPackView, summaryId, type BoardPackView } from './view.ts';
import { wording } from './wording.ts';
import { actionHeadings } from './action-log-view.ts';

export interface BoardPackHtmlOptions {
  /** Put on the inline <style> so a strict Content-Security-Policy allows it. */
  cspNonce?: string;
}

const templatesDir = fileURLToPath(new URL('./templates/', import.meta.url));

// Its own environment rather than the web one: the pack must render the same outside a request
// (CLI, tests, scheduled e-mails), and autoescape is the only protection the text gets.
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templatesDir), {
  autoescape: true,
  throwOnUndefined: false,
  trimBlocks: true,
  lstripBlocks: true,
});
env.addFilter('ragClass', ragClass);
// Text inside <style> is not HTML-escaped by browsers, so it is CSS-escaped character by character.
env.addFilter('cssString', (value: string) => new nunjucks.runtime.SafeString(cssString(value)));

export function renderBoardPackHtml(pack: BoardPack, options: BoardPackHtmlOptions = {}): string {
  const view = buildBoardPackView(pack);
  return env.render('board-pack.njk', {
    view,
    labels: wording,
    summaryId,
    actionHeadings: actionHeadings(),
    ragStyles: ragStyles(view),
    cspNonce: options.cspNonce,
  });
}

/** Colours are validated hex, so the class name is safe and the same colour shares one rule. */
function ragClass(colour: string): string {
  return `app-rag--${colour.replace('#', '')}`;
}

function ragStyles(view: BoardPackView): { className: string; colour: string; textColour: string }[] {
  const all = [...view.ragKey, ...view.priorities.flatMap((p) => p.measures.map((m) => m.ratingView))];
  const byClass = new Map<string, { className: string; colour: string; textColour: string }>();
  for (const rag of all) {
    if (!rag.colour || !rag.textColour) continue;
    const className = ragClass(rag.colour);
    byClass.set(className, { className, colour: rag.colour, textColour: rag.textColour });
  }
  return [...byClass.values()];
}

/** A quoted CSS string holding only letters, digits, spaces and hex escapes. */
export function cssString(value: string): string {
  let out = '"';
  for (const ch of value) {
    out += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}
