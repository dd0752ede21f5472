import type { FormResult } from './parse.ts';
/**
 * A form is described as a list of fields; one template (`forms/record-form.njk`) renders any of
 * them with the GOV.UK macro that fits, so every form has the same error handling and layout.
 */
export type FieldSpec =
  | { kind: 'input'; name: string; label: string; hint?: string; classes?: string; inputmode?: string }
  | { kind: 'textarea'; name: string; label: string; hint?: string; rows?: number }
  | { kind: 'date'; name: string; label: string; hint?: string }
  | { kind: 'select'; name: string; label: string; hint?: string; items: { value: string; text: string }[] }
  | { kind: 'radios'; name: string; label: string; hint?: string; items: { value: string; text: string }[] }
  /** Several of a list: the ticked values travel in the form values joined by commas. */
  | {
      kind: 'checkboxes';
      name: string;
      label: string;
      hint?: string;
      items: { value: string; text: string }[];
    };

/** Form values are always text, as typed; dates are three boxes: `dueOn-day`, `dueOn-month`, `dueOn-year`. */
export type FormValues = Record<string, string>;

export function dateToFormValues(name: string, iso: string | null | undefined): FormValues {
  const [year = '', month = '', day = ''] = (iso ?? '').split('-');
  return {
    [`${name}-day`]: day ? String(Number(day)) : '',
    [`${name}-month`]: month ? String(Number(month)) : '',
    [`${name}-year`]: year,
  };
}

/** The strings of a submitted body, for redisplay; anything that is not a string is dropped. */
export function formValuesFrom(body: unknown, fields: FieldSpec[]): FormValues {
  const source = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const names = fields.flatMap((f) =>
    f.kind === 'date' ? ['day', 'month', 'year'].map((p) => `${f.name}-${p}`) : [f.name],
  );
  const several = new Set(fields.filter((f) => f.kind === 'checkboxes').map((f) => f.name));
  const read = (n: string): string => {
    const value = source[n];
    if (typeof value === 'string') return value;
    if (several.has(n) && Array.isArray(value))
      return value.filter((v): v is string => typeof v === 'string').join(',');
    return '';
  };
  return Object.fromEntries(names.map((n) => [n, read(n)]));
}

/**
 * A record's form: its fields (for the page), how a submitted form is read (with parseForm and the
 * builders in validate.ts), and how a stored record fills the form for editing.
 */
export interface RecordForm<Ctx, Data, Stored> {
  fields(ctx: Ctx): FieldSpec[];
  read(values: FormValues, ctx: Ctx): FormResult<Data>;
  toValues(record: Stored): FormValues;
}
