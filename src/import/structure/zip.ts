/**
 * Opens a .docx or .xlsx (a zip) with limits that hold while it inflates, not after: entries
 * counted as they are found, and each chunk of output counted as it comes, so a small file that
 * would inflate to gigabytes (a "zip bomb") is refused after a few megabytes of work. Only the
 * entries a reader asks for are inflated; the rest are passed over.
 */
import { Unzip, UnzipInflate, UnzipPassThrough, type UnzipFile } from 'fflate';
import { megabytes } from './text.ts';
import { Refusal, type ReadLimits } from './types.ts';

/** Compressed bytes handed to the inflater at a time: the most one step can inflate is ~1,000 times this. */
const step = 4 * 1024;
/** An entry may inflate this much before its ratio is judged: small XML parts compress very well. */
const ratioGrace = 1024 * 1024;

export function unzipLimited(
  bytes: Uint8Array,
  name: string,
  kind: string,
  wanted: (entry: string) => boolean,
  limits: ReadLimits,
): Map<string, Uint8Array> {
  const found = new Map<string, Uint8Array[]>();
  let entries = 0;
  let expanded = 0;
  let pushed = 0;
  let refusal: Refusal | undefined;
  const open: UnzipFile[] = [];

  const tooLarge = (size: number, sofar: number) =>
    size + sofar > limits.maxExpandedBytes
      ? new Refusal(
          'unsafe',
          `${name} expands to more than ${megabytes(limits.maxExpandedBytes)} when opened, too much to read safely. Check it is the right file, or split it into smaller documents`,
        )
      : undefined;
  const tooCompressed = (size: number, compressed: number) =>
    size > ratioGrace && size / compressed > limits.maxRatio
      ? new Refusal(
          'unsafe',
          `${name} is compressed far more than a real ${kind} is, so it was not opened (it may be a "zip bomb"). Check where it came from, open it in Office and save it again`,
        )
      : undefined;

  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  unzip.onfile = (file) => {
    if (refusal) return;
    entries++;
    if (entries > limits.maxEntries) {
      refusal = new Refusal(
        'unsafe',
        `${name} holds more than ${limits.maxEntries.toLocaleString('en-GB')} parts, far more than a ${kind} does, so it was not opened. Save it again and try again`,
      );
      return;
    }
    if (!wanted(file.name)) return;
    // What the zip says of itself is checked first (cheap), then what inflating really gives.
    if (file.originalSize !== undefined && file.size !== undefined) {
      refusal = tooLarge(file.originalSize, expanded) ?? tooCompressed(file.originalSize, file.size);
      if (refusal) return;
    }
    const chunks: Uint8Array[] = [];
    found.set(file.name, chunks);
    const startedAt = pushed;
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (refusal) return;
      if (error) {
        refusal = damaged(name, kind);
        return;
      }
      size += chunk.length;
      expanded += chunk.length;
      // The compressed bytes read so far for this entry: the step being inflated counts in full.
      refusal = tooLarge(0, expanded) ?? tooCompressed(size, Math.max(pushed - startedAt, 1));
      if (refusal) {
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) open.splice(open.indexOf(file), 1);
    };
    open.push(file);
    file.start();
  };

  try {
    for (let at = 0; at < bytes.length && !refusal; at += step) {
      pushed = Math.min(bytes.length, at + step);
      unzip.push(bytes.subarray(at, pushed), pushed === bytes.length);
    }
  } catch {
    if (!refusal) refusal = damaged(name, kind);
  }
  if (refusal) throw refusal;
  const result = new Map<string, Uint8Array>();
  for (const [entry, chunks] of found) result.set(entry, concat(chunks));
  return result;
}

function damaged(name: string, kind: string): Refusal {
  return new Refusal(
    'unreadable',
    `${name} could not be opened as a ${kind}. It may be damaged or password protected`,
  );
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  return Buffer.concat(chunks);
}
