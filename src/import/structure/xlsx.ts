/**
 * An Excel (.xlsx) action tracker, its sheets read from their XML (opened with the same limits as
 * Word files) rather than through a workbook library, so that nothing inflates or parses beyond
 * what the limits allow: shared strings, inline strings, numbers, and dates shown as a person
 * sees them in Excel (31/03/2025).
 */
import type { DocumentStructure } from '../../domain/document-structure.ts';
import { cleanCell, sheetBlocks, type Sheet } from './rows.ts';
import { Refusal, type ReadLimits } from './types.ts';
import { parseXml } from './xml.ts';
import { unzipLimited } from './zip.ts';

const kind = 'Excel workbook';
const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0];

export function readXlsxStructure(bytes: Uint8Array, name: string, limits: ReadLimits): DocumentStructure {
  if (oleMagic.every((b, i) => bytes[i] === b)) {
    throw new Refusal(
      'unreadable',
      `${name} is password protected or is an older Excel (.xls) file renamed to .xlsx. Remove the password or save it as an Excel (.xlsx) file and try again`,
    );
  }
  if (!zipMagic.every((b, i) => bytes[i] === b)) {
    throw new Refusal(
      'unreadable',
      `${name} is not an Excel (.xlsx) file. It may be an older .xls file renamed to .xlsx`,
    );
  }
  const files = unzipLimited(
    bytes,
    name,
    kind,
    (entry) =>
      /^xl\/(?:workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/.test(
        entry,
      ),
    limits,
  );
  const workbook = files.get('xl/workbook.xml');
  if (!workbook)
    throw new Refusal('unreadable', `${name} could not be opened as an Excel workbook. It may be damaged`);
  const { sheets: listed, date1904 } = readWorkbook(workbook, files.get('xl/_rels/workbook.xml.rels'), name);
  const strings = readSharedStrings(files.get('xl/sharedStrings.xml'), name);
  const dateStyles = readDateStyles(files.get('xl/styles.xml'), name);
  const sheets: Sheet[] = [];
  let rowCount = 0;
  for (const sheet of listed) {
    const xml = files.get(`xl/${sheet.target.replace(/^\/?xl\//, '')}`);
    if (!xml) continue;
    const rows = readSheet(xml, name, strings, dateStyles, date1904, limits.maxLines - rowCount);
    rowCount += rows.length;
    sheets.push({ name: sheet.name, rows });
  }
  const { lines, blocks } = sheetBlocks(sheets, sheets.length > 1);
  if (!lines.some((line) => line.text.trim() !== '')) throw new Refusal('empty', `${name} has no text in it`);
  return { format: 'xlsx', lines, blocks };
}

function readWorkbook(xml: Uint8Array, rels: Uint8Array | undefined, name: string) {
  const sheets: Array<{ name: string; id: string; target: string }> = [];
  let date1904 = false;
  parseXml(xml, name, kind, {
    open(tag) {
      if (
        tag.name === 'sheet' &&
        tag.attributes.state !== 'hidden' &&
        tag.attributes.state !== 'veryHidden'
      ) {
        sheets.push({ name: tag.attributes.name ?? '', id: tag.attributes['r:id'] ?? '', target: '' });
      }
      if (tag.name === 'workbookPr' && /^(?:1|true)$/.test(tag.attributes.date1904 ?? '')) date1904 = true;
    },
    close() {},
    text() {},
  });
  const targets = new Map<string, string>();
  if (rels) {
    parseXml(rels, name, kind, {
      open(tag) {
        if (tag.name === 'Relationship') targets.set(tag.attributes.Id ?? '', tag.attributes.Target ?? '');
      },
      close() {},
      text() {},
    });
  }
  sheets.forEach((sheet, i) => (sheet.target = targets.get(sheet.id) ?? `worksheets/sheet${i + 1}.xml`));
  return { sheets, date1904 };
}

function readSharedStrings(xml: Uint8Array | undefined, name: string): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  let current: string | undefined;
  let inText = false;
  // Phonetic guides (rPh) repeat text in another script: not part of the cell.
  let phonetic = 0;
  parseXml(xml, name, kind, {
    open(tag) {
      if (tag.name === 'si') current = '';
      else if (tag.name === 'rPh') phonetic++;
      else if (tag.name === 't' && !tag.isSelfClosing) inText = true;
    },
    close(tagName) {
      if (tagName === 'si') {
        strings.push(current ?? '');
        current = undefined;
      } else if (tagName === 'rPh') phonetic--;
      else if (tagName === 't') inText = false;
    },
    text(text) {
      if (inText && phonetic === 0 && current !== undefined) current += text;
    },
  });
  return strings;
}

const builtInDateFormats = new Set([14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** The cell style indexes (s="n") whose number format shows a date. */
function readDateStyles(xml: Uint8Array | undefined, name: string): Set<number> {
  const dates = new Set<number>();
  if (!xml) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let xf = 0;
  parseXml(xml, name, kind, {
    open(tag) {
      if (tag.name === 'numFmt') custom.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? '');
      else if (tag.name === 'cellXfs') inCellXfs = true;
      else if (tag.name === 'xf' && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        const code = custom.get(id);
        const isDate =
          code !== undefined
            ? /[dy]|mmm/i.test(code.replace(/"[^"]*"|\[[^\]]*\]/g, ''))
            : builtInDateFormats.has(id);
        if (isDate) dates.add(xf);
        xf++;
      }
    },
    close(tagName) {
      if (tagName === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return dates;
}

function readSheet(
  xml: Uint8Array,
  name: string,
  strings: string[],
  dateStyles: Set<number>,
  date1904: boolean,
  maxRows: number,
): string[][] {
  const rows: string[][] = [];
  let row: string[] | undefined;
  let cell: { column: number; type: string; style: number; value: string } | undefined;
  let inValue = false;
  let nextColumn = 0;
  parseXml(xml, name, kind, {
    open(tag) {
      if (tag.name === 'row') {
        const r = Number(tag.attributes.r);
        // Rows left out of the XML are empty rows: keep them so line numbers match the sheet's.
        const at = Number.isInteger(r) && r > rows.length ? r - 1 : rows.length;
        if (at >= maxRows) {
          throw new Refusal(
            'too-large',
            `${name} has more rows than can be read at once. Split it into smaller workbooks`,
          );
        }
        while (rows.length < at) rows.push([]);
        row = [];
        rows.push(row);
        nextColumn = 0;
      } else if (tag.name === 'c' && row) {
        const ref = /^([A-Z]{1,3})\d*$/.exec(tag.attributes.r ?? '');
        const column = ref ? columnIndex(ref[1]!) : nextColumn;
        cell = { column, type: tag.attributes.t ?? 'n', style: Number(tag.attributes.s ?? 0), value: '' };
        nextColumn = column + 1;
      } else if ((tag.name === 'v' || tag.name === 't') && cell && !tag.isSelfClosing) inValue = true;
    },
    close(tagName) {
      if (tagName === 'v' || tagName === 't') inValue = false;
      else if (tagName === 'c' && cell && row) {
        if (cell.column < 16384) {
          while (row.length < cell.column) row.push('');
          row[cell.column] = cleanCell(cellText(cell, strings, dateStyles, date1904));
        }
        cell = undefined;
      } else if (tagName === 'row') row = undefined;
    },
    text(text) {
      if (inValue && cell) cell.value += text;
    },
  });
  return rows;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function cellText(
  cell: { type: string; style: number; value: string },
  strings: string[],
  dateStyles: Set<number>,
  date1904: boolean,
): string {
  switch (cell.type) {
    case 's':
      return strings[Number(cell.value)] ?? '';
    case 'b':
      return cell.value === '1' ? 'TRUE' : 'FALSE';
    case 'str':
    case 'inlineStr':
    case 'e':
      return cell.value;
    default: {
      const n = Number(cell.value);
      if (cell.value === '' || !Number.isFinite(n)) return cell.value;
      if (dateStyles.has(cell.style) && n > 0 && n < 2958466) return ukDate(n, date1904);
      return cell.value;
    }
  }
}

/** An Excel serial day as "31/03/2025" (Excel counts 1900 as a leap year, hence the 25569 offset). */
function ukDate(serial: number, date1904: boolean): string {
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  const ms = (days - 25569) * 86400000;
  const iso = new Date(ms).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
