import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { firstInvalidUtf8, maxSourceBytes, readSource, type SourceResult } from './source.ts';

function texts(result: SourceResult): string[] {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.lines.map((line) => line.text);
}

async function refusal(bytes: Buffer, name: string) {
  const result = await readSource(bytes, name);
  assert.equal(result.ok, false);
  return result;
}

describe('readSource: text and Markdown', () => {
  it('reads UTF-8 text, with or without a byte order mark', async () => {
    const plain = await readSource(Buffer.from('Priority 1\r\nWe said: £5m\n'), 'plan.txt');
    assert.deepEqual(texts(plain), ['Priority 1', 'We said: £5m', '']);
    assert.equal(plain.ok && plain.format, 'text');
    const bom = await readSource(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Title')]),
      'plan.md',
    );
    assert.deepEqual(texts(bom), ['Title']);
    assert.equal(bom.ok && bom.format, 'markdown');
  });

  it('decodes UTF-16 with a byte order mark, either byte order', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Children’s services\n£5m', 'utf16le')]);
    assert.deepEqual(texts(await readSource(le, 'le.txt')), ['Children’s services', '£5m']);
    const be = Buffer.concat([
      Buffer.from([0xfe, 0xff]),
      Buffer.from('Children’s services\n£5m', 'utf16le').swap16(),
    ]);
    assert.deepEqual(texts(await readSource(be, 'be.TXT')), ['Children’s services', '£5m']);
  });

  it('refuses a file of a kind it does not read', async () => {
    const result = await refusal(Buffer.from('MZ'), 'report.exe');
    assert.equal(result.reason, 'unsupported-type');
    assert.equal(
      result.message,
      'report.exe is not a text, Markdown, Word (.docx), PDF, Excel (.xlsx) or CSV file',
    );
    assert.equal((await refusal(Buffer.from('x'), 'README')).reason, 'unsupported-type');
    assert.equal(
      (await refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'old.doc')).message,
      'old.doc is an older Word file. Save it as a Word (.docx) file and try again',
    );
  });

  it('refuses an empty or whitespace-only file', async () => {
    assert.deepEqual(await refusal(Buffer.alloc(0), 'plan.txt'), {
      ok: false,
      reason: 'empty',
      message: 'plan.txt is empty',
    });
    const blank = await refusal(Buffer.from(' \r\n\t\n\u200b'), 'plan.txt');
    assert.deepEqual(blank, { ok: false, reason: 'empty', message: 'plan.txt has no text in it' });
    assert.equal((await refusal(Buffer.from([0xef, 0xbb, 0xbf]), 'plan.md')).reason, 'empty');
  });

  it('refuses a file over 5 MB', async () => {
    const result = await refusal(Buffer.alloc(maxSourceBytes + 1, 0x61), 'big.txt');
    assert.deepEqual(result, {
      ok: false,
      reason: 'too-large',
      message: 'big.txt must be smaller than 5 MB',
    });
    assert.ok((await readSource(Buffer.alloc(maxSourceBytes, 0x61), 'just-fits.txt')).ok);
  });

  it('reads text that is not UTF-8 as Windows-1252, and says so', async () => {
    // "Café – £5" saved as Windows-1252: é is E9, the dash 96 and the pound sign A3.
    const result = await readSource(
      Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0xa3, 0x35]),
      'plan.txt',
    );
    assert.deepEqual(texts(result), ['Café – £5']);
    assert.equal(result.ok && result.encoding, 'windows-1252');
    assert.equal((await readSource(Buffer.from('Café'), 'plan.txt')).ok && 'utf-8', 'utf-8');
  });

  it('finds the first invalid UTF-8 byte, overlong forms and surrogates included', () => {
    assert.equal(firstInvalidUtf8(Buffer.from('ok £ ✓ 😀')), -1);
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf])), 1); // overlong "/"
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80])), 2); // surrogate
    assert.equal(firstInvalidUtf8(Buffer.from([0xe2, 0x82])), 0); // cut short
    assert.equal(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80])), 0); // beyond U+10FFFF
  });

  it('refuses binary content and odd UTF-16', async () => {
    const nul = await refusal(Buffer.from('abc\0def'), 'plan.txt');
    assert.equal(nul.reason, 'binary');
    assert.equal(nul.message, 'plan.txt contains data that is not text. Check you selected the right file');
    const controls = await refusal(
      Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0x01 : 0x61))),
      'x.txt',
    );
    assert.equal(controls.reason, 'binary');
    const zip = await refusal(Buffer.from('PK\u0003\u0004rest'), 'plan.txt');
    assert.equal(
      zip.message,
      'plan.txt is a compressed file, not text. If it is a Word document, save it with the .docx extension',
    );
    const odd = await refusal(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]), 'odd.txt');
    assert.deepEqual(odd, {
      ok: false,
      reason: 'encoding',
      message: 'odd.txt is not valid UTF-16: it has an odd number of bytes',
    });
    const utf32 = await refusal(Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0]), 'wide.txt');
    assert.equal(utf32.reason, 'encoding');
  });

  it('keeps a stray control character that pasted text sometimes has', async () => {
    assert.deepEqual(texts(await readSource(Buffer.from('Line one\u0007\nLine two'), 'plan.txt')), [
      'Line one\u0007',
      'Line two',
    ]);
  });
});

describe('readSource: Word', () => {
  it('reads paragraphs, bold runs, nested bullets and table rows as text lines', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'b',
            levels: [0, 1].map((level) => ({ level, format: 'bullet' as const, text: '•' })),
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('Children’s Improvement Programme')] }),
            new Paragraph({}),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    'Report Completed By',
                    'Alison Montgomery',
                    'CIB Meeting Date',
                    '10/09/2024',
                  ].map((text) => new TableCell({ children: [new Paragraph(text)] })),
                }),
              ],
            }),
            new Paragraph({ children: [new TextRun({ text: 'What needs to improve: x', bold: true })] }),
            new Paragraph({ text: 'Family Hubs progress report', numbering: { reference: 'b', level: 0 } }),
            new Paragraph({
              text: 'Your peer support offer is strong',
              numbering: { reference: 'b', level: 1 },
            }),
            new Paragraph({
              children: [new TextRun('line one'), new TextRun({ text: 'line two', break: 1 })],
            }),
          ],
        },
      ],
    });
    const result = await readSource(await Packer.toBuffer(doc), 'Report.DOCX');
    assert.deepEqual(texts(result), [
      'Children’s Improvement Programme',
      '',
      'Report Completed By\tAlison Montgomery\tCIB Meeting Date\t10/09/2024',
      '**What needs to improve: x**',
      '- Family Hubs progress report',
      '  - Your peer support offer is strong',
      'line one',
      'line two',
    ]);
    assert.equal(result.ok && result.format, 'docx');
  });

  it('refuses a .docx that is not a zip, a damaged one and an empty one', async () => {
    const notZip = await refusal(Buffer.from('just text'), 'plan.docx');
    assert.equal(notZip.reason, 'unreadable');
    assert.equal(
      notZip.message,
      'plan.docx is not a Word (.docx) file. It may be an older .doc file renamed to .docx',
    );
    const damaged = await refusal(Buffer.from('PK\u0003\u0004 this is not really a zip'), 'plan.docx');
    assert.deepEqual(damaged, {
      ok: false,
      reason: 'unreadable',
      message: 'plan.docx could not be opened as a Word document. It may be damaged or password protected',
    });
    const empty = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({})] }] }));
    assert.deepEqual(await refusal(empty, 'blank.docx'), {
      ok: false,
      reason: 'empty',
      message: 'blank.docx has no text in it',
    });
  });
});
