/**
 * A PDF's text layer (pdf.js) to lines and structure. Text items are grouped into lines by their
 * baseline; a page set in two columns is read left column first; a wide gap between items on a
 * line is a table column (a TAB, as Word's tables come out); a line set larger than the body text
 * is a heading, the largest size level 1; a gap between lines taller than a line is a blank line,
 * so paragraphs part as they do in text. A PDF with no text at all is a scan and is refused.
 */
import type { DocumentStructure, StructureBlock } from '../../domain/document-structure.ts';
import type { SourceLine } from '../../domain/imports.ts';
import { readValue } from '../text.ts';
import { textBlocks } from './text-blocks.ts';
import { Refusal, type ReadLimits } from './types.ts';

interface Item {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface PdfLine {
  items: Item[];
  y: number;
  size: number;
  x0: number;
  x1: number;
}

interface Written {
  text: string;
  size: number;
}

export async function readPdfStructure(
  bytes: Uint8Array,
  name: string,
  limits: ReadLimits,
): Promise<DocumentStructure> {
  if (!/%PDF-/.test(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'))) {
    throw new Refusal('unreadable', `${name} is not a PDF file. Check you selected the right file`);
  }
  // Loaded when a PDF first arrives: pdf.js is large.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    if ((error as { name?: string }).name === 'PasswordException') {
      throw new Refusal(
        'unreadable',
        `${name} is password protected. Save a copy without a password and try again`,
      );
    }
    throw new Refusal(
      'unreadable',
      `${name} could not be opened as a PDF. It may be damaged: save it again and retry`,
    );
  }
  try {
    if (document.numPages > limits.maxPages) {
      throw new Refusal(
        'too-large',
        `${name} has ${document.numPages.toLocaleString('en-GB')} pages, more than the ${limits.maxPages.toLocaleString('en-GB')} that can be read at once. Split it into smaller documents`,
      );
    }
    const written: Written[] = [];
    let characters = 0;
    for (let p = 1; p <= document.numPages; p++) {
      const page = await document.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        // pdf.js puts a space item across a gap; the gap itself tells a word space from a column.
        if (!('str' in raw) || raw.str.trim() === '') continue;
        const [a, b, c, d, e, f] = raw.transform as number[];
        const size = Math.hypot(c!, d!) || Math.hypot(a!, b!) || raw.height;
        items.push({ text: raw.str, x: e!, y: f!, width: raw.width, size });
        characters += raw.str.trim().length;
      }
      page.cleanup();
      if (p > 1 && written.length > 0) written.push({ text: '', size: 0 });
      written.push(...pageLines(items));
      if (written.length > limits.maxLines) {
        throw new Refusal(
          'too-large',
          `${name} has more than ${limits.maxLines.toLocaleString('en-GB')} lines. Split it into smaller documents`,
        );
      }
    }
    if (characters === 0) {
      throw new Refusal(
        'no-text',
        `${name} has no text in it: it may be a scanned image. Save it from Word as a PDF, or upload the Word file`,
      );
    }
    return structureOf(written);
  } finally {
    await document.destroy();
  }
}

/** A page's items as lines of text in reading order, with blank lines where paragraphs part. */
function pageLines(items: Item[]): Written[] {
  const lines = groupLines(items);
  const columns = splitColumns(lines);
  const out: Written[] = [];
  for (const column of columns) {
    let previous: PdfLine | undefined;
    for (const line of column) {
      if (previous && previous.y - line.y > Math.max(previous.size, line.size) * 2.1)
        out.push({ text: '', size: 0 });
      out.push({ text: lineText(line), size: line.size });
      previous = line;
    }
  }
  return out;
}

/** Items on the same baseline (within a third of their size) are one line, read left to right. */
function groupLines(items: Item[]): PdfLine[] {
  const sorted = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const lines: PdfLine[] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - item.y) <= Math.max(line.size, item.size) * 0.35) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
      line.x0 = Math.min(line.x0, item.x);
      line.x1 = Math.max(line.x1, item.x + item.width);
    } else {
      lines.push({ items: [item], y: item.y, size: item.size, x0: item.x, x1: item.x + item.width });
    }
  }
  for (const line of lines) line.items.sort((p, q) => p.x - q.x);
  return lines;
}

/**
 * Two columns of prose: a vertical gutter near the middle of the page that no item crosses, with
 * text on both sides that reads as prose (long runs of words, no table gaps inside a side). A
 * table has a gutter too, but its cells are short, or its rows split into more than two columns.
 */
function splitColumns(lines: PdfLine[]): PdfLine[][] {
  if (lines.length < 4) return [lines];
  const left = Math.min(...lines.map((l) => l.x0));
  const right = Math.max(...lines.map((l) => l.x1));
  const width = right - left;
  if (width <= 0) return [lines];
  for (const fraction of [0.5, 0.45, 0.55, 0.4, 0.6]) {
    const gutter = left + width * fraction;
    if (lines.some((l) => l.items.some((i) => i.x < gutter && i.x + i.width > gutter))) continue;
    const sides = (['left', 'right'] as const).map((side) =>
      lines.flatMap((l) => {
        const items = l.items.filter((i) => (side === 'left' ? i.x < gutter : i.x >= gutter));
        if (items.length === 0) return [];
        const part: PdfLine = {
          items,
          y: l.y,
          size: Math.max(...items.map((i) => i.size)),
          x0: items[0]!.x,
          x1: Math.max(...items.map((i) => i.x + i.width)),
        };
        return [part];
      }),
    );
    const prose = (side: PdfLine[]) => {
      if (side.length < 4) return false;
      const texts = side.map(lineText);
      const long = texts.filter((t) => t.length >= 15 && !t.includes('\t')).length;
      return long >= side.length * 0.7;
    };
    if (prose(sides[0]!) && prose(sides[1]!)) return sides;
  }
  return [lines];
}

/** Items joined: a space where words part, a TAB where the gap is as wide as a table's columns. */
function lineText(line: PdfLine): string {
  let text = '';
  let end: number | undefined;
  for (const item of line.items) {
    if (end !== undefined) {
      const gap = item.x - end;
      if (gap > item.size * 0.6) text = `${text.trimEnd()}\t`;
      else if (gap > item.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
    }
    text += item.text;
    end = item.x + item.width;
  }
  return text.replace(/[\r\n\f]+/g, ' ').trimEnd();
}

/** Headings by size: every size set clearly larger than the body text is a heading level. */
function structureOf(written: Written[]): DocumentStructure {
  const lines: SourceLine[] = written.map((w, i) => ({ number: i + 1, text: w.text }));
  const weight = new Map<number, number>();
  for (const w of written) {
    if (w.text.trim() === '') continue;
    const size = Math.round(w.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + w.text.length);
  }
  const body = [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const headingSizes = [...weight.keys()].filter((size) => size >= body * 1.15).sort((a, b) => b - a);
  const levelOf = (size: number) => {
    const at = headingSizes.indexOf(Math.round(size * 2) / 2);
    return at === -1 ? undefined : Math.min(at + 1, 6);
  };

  const blocks: StructureBlock[] = [];
  let plain: SourceLine[] = [];
  const flush = () => {
    if (plain.length > 0) blocks.push(...textBlocks(plain));
    plain = [];
  };
  for (let i = 0; i < written.length; i++) {
    const w = written[i]!;
    const level = w.text.trim() === '' ? undefined : levelOf(w.size);
    if (level === undefined || w.text.length > 200) {
      plain.push(lines[i]!);
      continue;
    }
    flush();
    // A heading set over two lines at the same size is one heading.
    const refs = [lines[i]!.number];
    let text = readValue(w.text);
    while (
      i + 1 < written.length &&
      written[i + 1]!.text.trim() !== '' &&
      levelOf(written[i + 1]!.size) === level
    ) {
      i++;
      refs.push(lines[i]!.number);
      text = `${text} ${readValue(written[i]!.text)}`;
    }
    const numbered = /^((?:\d{1,2}\.)*\d{1,2}\.?)\s+(\S.*)$/.exec(text);
    blocks.push({
      type: 'heading',
      index: 0,
      level,
      text: numbered ? numbered[2]! : text,
      ...(numbered ? { numbering: numbered[1]! } : {}),
      lines: refs,
    });
  }
  flush();
  return { format: 'pdf', lines, blocks: blocks.map((block, index) => ({ ...block, index })) };
}
