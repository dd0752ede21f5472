/**
 * Turns an uploaded file into source lines, or refuses it with a message a person can act on.
 * Text and Markdown are decoded strictly (a wrong guess at the encoding would change the words
 * people wrote); Word files go through mammoth and come out in the same line conventions as the
 * text copies: one line per paragraph, "- " bullets indented two spaces a level, table rows as
 * TAB-separated cells.
 */
import { isUtf8 } from 'node:buffer';
import { basename, extname } from 'node:path';
import { toSourceLines } from './text.ts';
import type { SourceLine } from './types.ts';

export type SourceFormat = 'text' | 'markdown' | 'docx';
export type RefusalReason = 'empty' | 'binary' | 'too-large' | 'encoding' | 'unsupported-type' | 'unreadable';

export type SourceResult =
  | { ok: true; lines: SourceLine[]; format: SourceFormat }
  | { ok: false; reason: RefusalReason; message: string };

export const maxSourceBytes = 5 * 1024 * 1024;

const formatByExtension: Record<string, SourceFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.docx': 'docx',
};

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export async function readSource(bytes: Buffer, fileName: string): Promise<SourceResult> {
  // Messages name the file as the person knows it, not the path it was uploaded or read from.
  const name = basename(fileName).trim() === '' ? 'The selected file' : basename(fileName);
  const extension = extname(fileName).toLowerCase();
  const format = formatByExtension[extension];
  if (!format) {
    if (extension === '.doc') {
      return refuse(
        'unsupported-type',
        `${name} is an older Word file. Save it as a Word (.docx) file and try again`,
      );
    }
    return refuse('unsupported-type', `${name} is not a text, Markdown or Word (.docx) file`);
  }
  if (bytes.length === 0) return refuse('empty', `${name} is empty`);
  if (bytes.length > maxSourceBytes) return refuse('too-large', `${name} must be smaller than 5 MB`);

  if (format === 'docx') {
    if (!bytes.subarray(0, 4).equals(zipMagic)) {
      return refuse(
        'unreadable',
        `${name} is not a Word (.docx) file. It may be an older .doc file renamed to .docx`,
      );
    }
    const text = await docxToText(bytes);
    if (text === undefined) {
      return refuse(
        'unreadable',
        `${name} could not be opened as a Word document. It may be damaged or password protected`,
      );
    }
    return linesOrEmpty(text, name, format);
  }

  const decoded = decodeText(bytes, name);
  if (!decoded.ok) return decoded;
  return linesOrEmpty(decoded.text, name, format);
}

function refuse(reason: RefusalReason, message: string): SourceResult {
  return { ok: false, reason, message };
}

function linesOrEmpty(text: string, name: string, format: SourceFormat): SourceResult {
  // Zero-width characters and BOMs are invisible: a file of only those has nothing to import.
  if (/^[\s\u200b-\u200d\u2060\ufeff]*$/u.test(text)) return refuse('empty', `${name} has no text in it`);
  if (text.length > maxSourceBytes) return refuse('too-large', `${name} has more than 5 MB of text`);
  return { ok: true, lines: toSourceLines(text), format };
}

// ---------------------------------------------------------------------------------------------
// Text and Markdown

type Decoded = { ok: true; text: string } | { ok: false; reason: RefusalReason; message: string };

function decodeText(bytes: Buffer, name: string): Decoded {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return {
      ok: false,
      reason: 'encoding',
      message: `${name} is saved as UTF-32. Save it as UTF-8 and try again`,
    };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'le', name);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'be', name);
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;

  if (body.subarray(0, 4).equals(zipMagic)) {
    return binary(
      `${name} is a compressed file, not text. If it is a Word document, save it with the .docx extension`,
    );
  }
  // NUL never appears in text; without a byte order mark it means a binary file or UTF-16 we cannot
  // safely guess the byte order of.
  if (body.includes(0))
    return binary(`${name} contains data that is not text. Check you selected the right file`);
  if (!isUtf8(body)) {
    const offset = firstInvalidUtf8(body);
    const hex = (body[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      reason: 'encoding',
      message: `${name} is not saved as UTF-8: the byte at offset ${offset.toLocaleString('en-GB')} (hex ${hex}) is not valid UTF-8. Save the file as UTF-8 and try again`,
    };
  }
  return checkControls(body.toString('utf8'), name);
}

function decodeUtf16(body: Buffer, order: 'le' | 'be', name: string): Decoded {
  if (body.length % 2 !== 0) {
    return {
      ok: false,
      reason: 'encoding',
      message: `${name} is not valid UTF-16: it has an odd number of bytes`,
    };
  }
  const le = order === 'le' ? body : Buffer.from(body).swap16();
  try {
    return checkControls(new TextDecoder('utf-16le', { fatal: true }).decode(le), name);
  } catch {
    return {
      ok: false,
      reason: 'encoding',
      message: `${name} is not valid UTF-16. Save the file as UTF-8 and try again`,
    };
  }
}

function checkControls(text: string, name: string): Decoded {
  if (text.includes('\0'))
    return binary(`${name} contains data that is not text. Check you selected the right file`);
  // A stray control character happens in pasted text; many of them means a binary file.
  const controls = text.match(/[\x01-\x08\x0e-\x1f\x7f]/g)?.length ?? 0;
  if (controls > 8 && controls > text.length / 100) {
    return binary(`${name} contains data that is not text. Check you selected the right file`);
  }
  return { ok: true, text };
}

function binary(message: string): Decoded {
  return { ok: false, reason: 'binary', message };
}

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Word

async function docxToText(bytes: Buffer): Promise<string | undefined> {
  // Loaded when a Word file first arrives, so that they do not slow every start.
  const [{ default: mammoth }, { parseHTML }] = await Promise.all([import('mammoth'), import('linkedom')]);
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      {
        // Blank paragraphs stay so that a Word copy of a text document keeps its line numbers.
        ignoreEmptyParagraphs: false,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    const { document } = parseHTML(`<!doctype html><html><body>${result.value}</body></html>`);
    return blockLines(document.body, 0).join('\n');
  } catch {
    return undefined;
  }
}

type DomNode = {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
};
type DomElement = DomNode & { getAttribute(name: string): string | null };

function children(node: DomNode): DomNode[] {
  return Array.from(node.childNodes);
}

function isElement(node: DomNode): node is DomElement {
  return node.nodeType === 1;
}

function blockLines(node: DomNode, depth: number): string[] {
  const lines: string[] = [];
  for (const child of children(node)) {
    if (!isElement(child)) {
      const text = child.textContent?.trim();
      if (text) lines.push(text);
      continue;
    }
    const tag = child.nodeName.toLowerCase();
    if (tag === 'ul' || tag === 'ol') lines.push(...listLines(child, depth));
    else if (tag === 'table') lines.push(...tableLines(child));
    else if (/^h[1-6]$/.test(tag)) lines.push(`${'#'.repeat(Number(tag[1]))} ${inlineText(child)}`);
    else lines.push(...inlineText(child).split('\n'));
  }
  return lines;
}

function listLines(list: DomElement, depth: number): string[] {
  const ordered = list.nodeName.toLowerCase() === 'ol';
  const lines: string[] = [];
  let n = 0;
  for (const item of children(list)) {
    if (!isElement(item) || item.nodeName.toLowerCase() !== 'li') continue;
    n += 1;
    const own = children(item).filter(
      (c) => !isElement(c) || !['ul', 'ol'].includes(c.nodeName.toLowerCase()),
    );
    const text = own.map((c) =>
      isElement(c) && c.nodeName.toLowerCase() === 'p' ? inlineText(c) : inlineOf(c),
    );
    const marker = ordered ? `${n}.` : '-';
    lines.push(`${'  '.repeat(depth)}${marker} ${text.join(' ').replace(/\s+/g, ' ').trim()}`);
    for (const nested of children(item)) {
      if (isElement(nested) && ['ul', 'ol'].includes(nested.nodeName.toLowerCase())) {
        lines.push(...listLines(nested, depth + 1));
      }
    }
  }
  return lines;
}

function tableLines(table: DomElement): string[] {
  const rows: string[] = [];
  const collect = (node: DomNode): void => {
    for (const child of children(node)) {
      if (!isElement(child)) continue;
      const tag = child.nodeName.toLowerCase();
      if (tag === 'tr') {
        const cells = children(child).filter(
          (c) => isElement(c) && ['td', 'th'].includes(c.nodeName.toLowerCase()),
        );
        // A TAB inside a cell would read as a cell boundary, and a line break as a new row.
        rows.push(cells.map((cell) => blockLines(cell, 0).join(' ').replace(/\s+/g, ' ').trim()).join('\t'));
      } else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') collect(child);
    }
  };
  collect(table);
  return rows;
}

/** Text of a paragraph: bold and italic kept as Markdown emphasis, line breaks as "\n". */
function inlineText(node: DomNode): string {
  return children(node).map(inlineOf).join('');
}

function inlineOf(node: DomNode): string {
  if (!isElement(node)) return node.textContent ?? '';
  const tag = node.nodeName.toLowerCase();
  if (tag === 'br') return '\n';
  if (tag === 'img') return '';
  // mammoth's "back to the reference" arrow after each footnote.
  if (tag === 'a' && /^#(?:footnote|endnote|comment)-ref/.test(node.getAttribute('href') ?? '')) return '';
  const inner = inlineText(node);
  if (tag === 'strong' || tag === 'b') return emphasise(inner, '**');
  if (tag === 'em' || tag === 'i') return emphasise(inner, '*');
  return inner;
}

function emphasise(text: string, marker: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] === '' ? text : `${m[1]}${marker}${m[2]}${marker}${m[3]}`;
}
