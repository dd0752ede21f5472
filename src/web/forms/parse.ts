import { z } from 'zod';
import { isDateField } from './validate.ts';

export interface FormErrors {
  /** For the error summary, in field order. */
  list: { text: string; href: string }[];
  /** For the messages by each field: `errors.byField.title.text`. */
  byField: Record<string, { text: string }>;
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FormErrors };

/**
 * Checks a form body against its schema (built with the field builders in validate.ts). Each
 * schema's messages are written in GOV.UK wording in the schema itself, so the message a person
 * sees is the one a test can find. A date field reads its three boxes (`dueOn-day` and so on). A form
 * in parts (`first.and(rest)`) lists each part's problems, its cross-field rules' included, before
 * the next part's.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  const values = isRecord(body) ? body : {};
  const input: Record<string, unknown> = { ...values };
  for (const [name, field] of Object.entries(fieldsOf(schema))) {
    // A field the browser did not send reads as empty, so its own message is the one shown.
    if (!isDateField(field)) {
      input[name] ??= '';
      continue;
    }
    const box = (part: string) => {
      const value = values[`${name}-${part}`];
      return typeof value === 'string' ? value : '';
    };
    input[name] = { day: box('day'), month: box('month'), year: box('year') };
  }
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    errors: toFormErrors(
      result.error.issues.map((issue) => {
        const [field = '', part] = issue.path.map(String);
        return { field, message: issue.message, href: part ? `${field}-${part}` : field };
      }),
    ),
  };
}

/** A form's fields: an object's, or every part's of a form written in parts (`first.and(rest)`). */
function fieldsOf(schema: z.core.$ZodType): Record<string, unknown> {
  if (schema instanceof z.core.$ZodIntersection) {
    const { left, right } = schema._zod.def;
    return { ...fieldsOf(left), ...fieldsOf(right) };
  }
  return schema instanceof z.core.$ZodObject ? schema._zod.def.shape : {};
}

/** Problems to what the page shows: the first problem of each field, linked to the field (or its box). */
export function toFormErrors(problems: { field: string; message: string; href?: string }[]): FormErrors {
  const byField: Record<string, { text: string }> = {};
  const list: FormErrors['list'] = [];
  for (const { field, message, href } of problems) {
    if (byField[field]) continue;
    byField[field] = { text: message };
    list.push({ text: message, href: `#${href ?? field}` });
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
