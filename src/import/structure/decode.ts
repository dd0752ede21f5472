/**
 * Text bytes to a string, with the encoding that was used, so the person can be told. A byte order
 * mark decides; without one, the pattern of NUL bytes gives away UTF-16 (English text is mostly
 * ASCII, so every other byte is zero); then valid UTF-8; and anything else is read as Windows-1252,
 * which every byte sequence is and which is what Word and Excel on Windows save "plain text" as.
 */
import { isUtf8 } from 'node:buffer';
import type { TextEncoding } from '../../domain/document-structure.ts';

export type Decoded =
  | { ok: true; text: string; encoding: TextEncoding }
  | { ok: false; reason: 'encoding' | 'binary'; message: string };

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

export function decodeText(bytes: Uint8Array, name: string): Decoded {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return {
      ok: false,
      reason: 'encoding',
      message: `${name} is saved as UTF-32. Save it as UTF-8 and try again`,
    };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return utf16(bytes.subarray(2), 'utf-16le', name);
  if (startsWith(bytes, [0xfe, 0xff])) return utf16(bytes.subarray(2), 'utf-16be', name);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return utf8(bytes.subarray(3), name);
  if (startsWith(bytes, zipMagic)) {
    return binary(
      `${name} is a compressed file, not text. If it is a Word document, save it with the .docx extension`,
    );
  }
  const order = utf16Order(bytes);
  if (order) return utf16(bytes, order, name);
  if (bytes.includes(0))
    return binary(`${name} contains data that is not text. Check you selected the right file`);
  if (isUtf8(bytes)) return utf8(bytes, name);
  return checked(windows1252(bytes), 'windows-1252', name);
}

/** UTF-16 without a byte order mark: most even (big-endian) or odd (little-endian) bytes are NUL. */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = sample / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function utf8(body: Uint8Array, name: string): Decoded {
  if (!isUtf8(body)) {
    // A byte order mark said UTF-8 but the bytes are not: Windows-1252 is the likely truth.
    return checked(windows1252(body), 'windows-1252', name);
  }
  return checked(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), 'utf-8', name);
}

function utf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be', name: string): Decoded {
  if (body.length % 2 !== 0) {
    return {
      ok: false,
      reason: 'encoding',
      message: `${name} is not valid UTF-16: it has an odd number of bytes`,
    };
  }
  try {
    const le = encoding === 'utf-16le' ? body : Buffer.from(body).swap16();
    return checked(new TextDecoder('utf-16le', { fatal: true }).decode(le), encoding, name);
  } catch {
    return {
      ok: false,
      reason: 'encoding',
      message: `${name} is not valid UTF-16. Save the file as UTF-8 and try again`,
    };
  }
}

function checked(text: string, encoding: TextEncoding, name: string): Decoded {
  if (text.includes('\0'))
    return binary(`${name} contains data that is not text. Check you selected the right file`);
  // A stray control character happens in pasted text; many of them means a binary file.
  const controls = text.match(/[\x01-\x08\x0e-\x1f\x7f]/g)?.length ?? 0;
  if (controls > 8 && controls > text.length / 100) {
    return binary(`${name} contains data that is not text. Check you selected the right file`);
  }
  return { ok: true, text, encoding };
}

function binary(message: string): Decoded {
  return { ok: false, reason: 'binary', message };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

// Node 20's TextDecoder reads "windows-1252" as Latin-1, which differs in 0x80 to 0x9F: the curly
// quotes, dashes and euro sign that Word puts in every document.
const high = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

export function windows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (ch) => String.fromCharCode(high[ch.charCodeAt(0) - 0x80]!));
}
