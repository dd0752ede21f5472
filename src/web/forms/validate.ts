import { z } from 'zod';
import { parseUkDateInput } from '../../domain/format.ts';

/*
 * The one way a form is checked: a zod object whose fields are built here. Each builder reads the
 * text a person typed and gives the GOV.UK message when it is wrong; every problem is collected
 * (a field's problem does not hide the next one), and cross-field rules go in `.superRefine` with
 * `problem(ctx, field, message)`. Such a rule's problems come after every field's; when one must be
 * listed before the fields that follow it, the form is written in parts, `first.superRefine(rule)
 * .and(rest)`, each part's problems listed before the next part's. `parseForm` (parse.ts) turns the
 * problems into an error summary.
 */

/** What a browser sends for a text field; anything else (a repeated field, a file) reads as empty. */
const typed = (raw: unknown): string => (typeof raw === 'string' ? raw.trim() : '');

type Ctx = z.RefinementCtx;

/** Adds a problem to a field; `part` names a date's box ('day', 'month', 'year') for the link. */
export function problem(ctx: Ctx, field: string, message: string, part?: 'day' | 'month' | 'year'): void {
  ctx.addIssue({ code: 'custom', message, path: part ? [field, part] : [field], continue: true });
}

const fail = (ctx: Ctx, message: string, path: string[] = []) =>
  ctx.addIssue({ code: 'custom', message, path, continue: true });

/** Refuses a field's own value from inside its builder or a `.transform` chained onto it. */
export function refuse(ctx: Ctx, message: string): void {
  fail(ctx, message);
}

/** Trimmed text: `required` is the message for an empty field ("Enter a title"). */
export function text(label: string, options: { max: number; required?: string }) {
  return z.unknown().transform((raw, ctx) => {
    const value = typed(raw);
    if (value === '' && options.required) fail(ctx, options.required);
    else if (value.length > options.max) {
      fail(ctx, `${label} must be ${options.max.toLocaleString('en-GB')} characters or fewer`);
    }
    return value;
  });
}

/** One of a fixed list of values (radios, selects). */
export function choice<const T extends string>(allowed: readonly T[], message: string) {
  return z.unknown().transform((raw, ctx): T => {
    const value = typeof raw === 'string' ? raw : '';
    if (!(allowed as readonly string[]).includes(value)) fail(ctx, message);
    return value as T;
  });
}

/** A whole number within bounds. */
export function whole(options: { min: number; max: number; required: string; invalid: string }) {
  return z.unknown().transform((raw, ctx) => {
    const value = typed(raw);
    if (value === '') fail(ctx, options.required);
    else if (!/^\d+$/.test(value) || Number(value) < options.min || Number(value) > options.max) {
      fail(ctx, options.invalid);
    }
    return Number(value);
  });
}

/** An optional select among known records: '' is none (null), anything else must be one of `ids`. */
/** A select among known records that must be chosen: the id as a number. */
export function knownId(ids: readonly number[], message: string) {
  return z.unknown().transform((raw, ctx): number => {
    const value = typeof raw === 'string' ? raw : '';
    if (!ids.some((id) => String(id) === value)) fail(ctx, message);
    return Number(value);
  });
}

export function optionalKnownId(ids: readonly number[], message: string) {
  return z.unknown().transform((raw, ctx): number | null => {
    const value = typeof raw === 'string' ? raw : '';
    if (value === '') return null;
    if (!ids.some((id) => String(id) === value)) fail(ctx, message);
    return Number(value);
  });
}

/**
 * Checkboxes among known records, as ids, each once. One box ticked arrives as text, several as a
 * list, none not at all; anything that is not one of `ids` is refused.
 */
export function knownIds(ids: readonly number[], message: string) {
  return z.unknown().transform((raw, ctx): number[] => {
    const given: unknown[] = Array.isArray(raw) ? raw : typeof raw === 'string' && raw !== '' ? [raw] : [];
    const chosen = [...new Set(given.filter((v) => typeof v === 'string').map(Number))];
    if (chosen.some((id) => !ids.includes(id))) fail(ctx, message);
    return chosen.filter((id) => ids.includes(id));
  });
}

const dateFields = new WeakSet<z.ZodType>();

/** Whether a field is a date in three boxes (`name-day`, `name-month`, `name-year`). */
export const isDateField = (schema: unknown): boolean =>
  typeof schema === 'object' && schema !== null && dateFields.has(schema as z.ZodType);

const parts = z.object({ day: z.string(), month: z.string(), year: z.string() });

/**
 * A date typed in three boxes, as an ISO date; null when all three are empty and it is optional.
 * The summary links to the first box with the problem, as the design system asks.
 */
type DateSchema<T> = z.ZodType<T, z.input<typeof parts>>;

export function date(label: string, options: { required: string }): DateSchema<string>;
export function date(label: string, options?: { required?: undefined }): DateSchema<string | null>;
export function date(label: string, options: { required?: string } = {}): DateSchema<string | null> {
  const schema = parts.transform((input, ctx): string | null => {
    if (!options.required && `${input.day}${input.month}${input.year}`.trim() === '') return null;
    const result = parseUkDateInput(input, { label, emptyMessage: options.required });
    if (result.ok) return result.value;
    fail(ctx, result.error, [result.fields[0] ?? 'day']);
    // A required date that is wrong never reaches the caller: the form is refused.
    return options.required ? '' : null;
  });
  dateFields.add(schema);
  return schema;
}
