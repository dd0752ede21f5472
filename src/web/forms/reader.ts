import { parseUkDateInput } from '../../domain/format.ts';
import { toFormErrors, type FormResult } from './parse.ts';
import type { FormValues } from './fields.ts';

/**
 * Reads a form's text values field by field, collecting every problem in GOV.UK wording so the
 * page can show them all at once, in field order.
 */
export class FormReader {
  private readonly problems: { field: string; message: string }[] = [];

  constructor(private readonly values: FormValues) {}

  /** Trimmed text; `required` is the message for an empty field, e.g. "Enter a title". */
  text(name: string, options: { label: string; max: number; required?: string }): string {
    const value = (this.values[name] ?? '').trim();
    if (value === '' && options.required) this.problem(name, options.required);
    else if (value.length > options.max) {
      this.problem(
        name,
        `${options.label} must be ${options.max.toLocaleString('en-GB')} characters or fewer`,
      );
    }
    return value;
  }

  /** An ISO date from the three boxes, null when all are empty and the date is optional. */
  date(name: string, options: { label: string; required?: string }): string | null {
    const day = this.values[`${name}-day`] ?? '';
    const month = this.values[`${name}-month`] ?? '';
    const year = this.values[`${name}-year`] ?? '';
    if (!options.required && `${day}${month}${year}`.trim() === '') return null;
    const result = parseUkDateInput(
      { day, month, year },
      { label: options.label, emptyMessage: options.required },
    );
    if (result.ok) return result.value;
    // The summary links to the first box that has the problem, as the design system asks.
    this.problem(name, result.error, `${name}-${result.fields[0] ?? 'day'}`);
    return null;
  }

  choice<T extends string>(name: string, allowed: readonly T[], message: string): T {
    const value = this.values[name] ?? '';
    if (!(allowed as readonly string[]).includes(value)) this.problem(name, message);
    return value as T;
  }

  /** A whole number within bounds; `messages` give the empty and invalid wording. */
  whole(name: string, options: { min: number; max: number; required: string; invalid: string }): number {
    const value = (this.values[name] ?? '').trim();
    if (value === '') this.problem(name, options.required);
    else if (!/^\d+$/.test(value) || Number(value) < options.min || Number(value) > options.max)
      this.problem(name, options.invalid);
    return Number(value);
  }

  problem(field: string, message: string, href?: string): void {
    if (this.problems.some((p) => p.field === field)) return;
    this.problems.push({ field, message });
    if (href) this.hrefs.set(field, href);
  }

  private readonly hrefs = new Map<string, string>();

  result<T>(data: T): FormResult<T> {
    if (this.problems.length === 0) return { ok: true, data };
    const errors = toFormErrors(this.problems);
    errors.list = errors.list.map((item, i) => ({
      ...item,
      href: '#' + (this.hrefs.get(this.problems[i]!.field) ?? this.problems[i]!.field),
    }));
    return { ok: false, errors };
  }
}
