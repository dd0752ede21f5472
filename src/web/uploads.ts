import type { MultipartFile } from '@fastify/multipart';

/*
 * The upload guard the import and data-load pages share: the file field of a multipart form, or the
 * message to show against that field when no file (or an empty one) was chosen.
 */
export type Upload = { ok: true; fileName: string; bytes: Buffer } | { ok: false; message: string };

const isFile = (value: unknown): value is MultipartFile =>
  typeof value === 'object' && value !== null && 'toBuffer' in value && 'filename' in value;

export async function readUpload(
  body: unknown,
  field: string,
  messages: {
    /** No file chosen. */
    missing: string;
    /** A file with nothing in it; left to the reader when not given. */
    empty?: string;
    /** A file larger than the form allows; left to the reader when not given. */
    tooLarge?: { maxBytes: number; message: string };
  },
): Promise<Upload> {
  const file = (body as Record<string, unknown> | undefined)?.[field];
  if (!isFile(file) || !file.filename) return { ok: false, message: messages.missing };
  const bytes = await file.toBuffer();
  if (bytes.length === 0 && messages.empty !== undefined) return { ok: false, message: messages.empty };
  if (messages.tooLarge && bytes.length > messages.tooLarge.maxBytes)
    return { ok: false, message: messages.tooLarge.message };
  return { ok: true, fileName: file.filename, bytes };
}
