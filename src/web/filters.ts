import { frameworkOutcomeLabel, isFrameworkOutcome } from '../domain/national-framework.ts';
import type nunjucks from 'nunjucks';
import { formatFinancialYear, formatMoney } from '../domain/projects/money.ts';
import { formatDate, formatDateTime, formatMonth, formatNumber } from '../domain/format.ts';

/** What a template gives a text filter, as text: a missing value is empty. */
const textOf = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** GOV.UK formatting for templates; the rules themselves live, tested, in src/domain/format.ts. */
export function registerFilters(env: nunjucks.Environment): void {
  // "Outcome: Children … safe …", or blank for a record with no National Framework tag.
  env.addFilter('frameworkOutcome', (value: unknown) =>
    isFrameworkOutcome(value) ? frameworkOutcomeLabel(value) : '',
  );
  env.addFilter('govukDate', formatDate);
  env.addFilter('money', (value: unknown) => (typeof value === 'number' ? formatMoney(value) : ''));
  env.addFilter('financialYear', (value: unknown) =>
    formatFinancialYear(typeof value === 'string' ? value : ''),
  );
  env.addFilter('govukDateTime', formatDateTime);
  env.addFilter('govukMonth', formatMonth);
  env.addFilter('govukNumber', (value: unknown) => (typeof value === 'number' ? formatNumber(value) : ''));
  env.addFilter(
    'plural',
    (count: number, one: string, many: string) => `${formatNumber(count)} ${count === 1 ? one : many}`,
  );
  /** Text kept as typed, shown as paragraphs split on blank lines. */
  env.addFilter('paragraphs', (value: unknown) =>
    textOf(value)
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
  );
  env.addFilter('lines', (value: unknown) =>
    textOf(value)
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean),
  );
}
