import type { z } from 'zod';

export interface FormErrors {
  /** For the error summary, in field order. */
  list: { text: string; href: string }[];
  /** For the messages by each field: `errors.byField.title.text`. */
  byField: Record<string, { text: string }>;
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FormErrors };

/**
 * Checks a form body against its schema. Each schema's messages are written in GOV.UK wording in
 * the schema itself, so the message a person sees is the one a test can find.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const result = schema.safeParse(isRecord(body) ? body : {});
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    errors: toFormErrors(
      result.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message })),
    ),
  };
}

export function toFormErrors(problems: { field: string; message: string }[]): FormErrors {
  const byField: Record<string, { text: string }> = {};
  const list: FormErrors['list'] = [];
  for (const { field, message } of problems) {
    if (byField[field]) continue;
    byField[field] = { text: message };
    list.push({ text: message, href: `#${field}` });
  }
  return { list, byField };
}

/** Bodies can be anything a client sends; only a plain object of fields is a form. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A single text field: repeated fields or files are not text, and are refused. */
export function field(body: unknown, name: string): string {
  const value = isRecord(body) ? body[name] : undefined;
  return typeof value === 'string' ? value : '';
}

/** Thrown by a save when the database refuses a value (for example a number already used). */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
