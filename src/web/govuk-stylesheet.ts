import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/**
 * GOV.UK Frontend's stylesheet sets every text in GDS Transport, a typeface only GOV.UK services may
 * use. The council's service keeps the rest of the stylesheet and falls back to the stack the
 * stylesheet already names after it (Arial, then the system's sans-serif), so no font file is served.
 */
export function withoutRestrictedFont(css: string): string {
  return css
    .replace(/@font-face\{[^}]*font-family:\s*"?GDS Transport"?[^}]*\}/g, '')
    .replace(/font-family:\s*"?GDS Transport"?\s*,/g, 'font-family:');
}

export interface Stylesheet {
  body: string;
  etag: string;
}

/** The stylesheet as served: read and rewritten once at start, with a strong ETag of what is sent. */
export async function govukStylesheet(file: string): Promise<Stylesheet> {
  const body = withoutRestrictedFont(await readFile(file, 'utf8'));
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}
