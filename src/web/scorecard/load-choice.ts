/*
 * Which of a DfE file's indicators the person chose to load. The preview's checkboxes are a GET
 * form ("Update the preview", no JavaScript), so the choice travels in the address; the load button
 * then posts the same choice. Without a choice every indicator loads, as on the command line.
 */
import type { LoadIndicator } from '../../domain/measures/loads.ts';
import type { ReadOptions } from '../../import/observations/read.ts';

type Fields = Record<string, unknown> | undefined;

const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );

export interface Choice {
  /** Whether the person has chosen (the form was sent), even if they chose none. */
  made: boolean;
  indicators: string[];
}

export function choiceOf(fields: Fields): Choice {
  const made = fields?.chosen === '1';
  return { made, indicators: made ? list(fields?.indicators) : [] };
}

/** The choice as the preview's address carries it ('' when none was made). */
export function choiceQuery(choice: Choice): string {
  if (!choice.made) return '';
  const params = new URLSearchParams([['chosen', '1'], ...choice.indicators.map((i) => ['indicators', i])]);
  return `?${params.toString()}`;
}

export const optionsOf = (choice: Choice): ReadOptions =>
  choice.made ? { indicators: choice.indicators } : {};

const UNIT_WORDS: Record<string, string> = {
  count: 'a count',
  percentage: 'a percentage',
  'rate-per-10000': 'a rate per 10,000',
  days: 'days',
  months: 'months',
};
const POLARITY_WORDS: Record<string, string> = {
  'higher-is-better': 'higher is better',
  'lower-is-better': 'lower is better',
  context: 'context (compared, not judged)',
};

/** The indicators as GOV.UK checkboxes, each saying what it makes and where its unit came from. */
export function indicatorItems(indicators: readonly LoadIndicator[]) {
  return indicators.map((i) => {
    const unit = `${UNIT_WORDS[i.unit] ?? i.unit} (${i.unitFrom === 'assumed' ? 'assumed: the column name does not say, check it after loading' : `from the ${i.unitFrom}`})`;
    const polarity = `${POLARITY_WORDS[i.polarity] ?? i.polarity} (${i.polarityFrom === 'assumed' ? 'assumed' : 'from the name'})`;
    const makes =
      i.measures.length === 1 ? `Makes “${i.measures[0]}”` : `Makes ${i.measures.length} measures`;
    return {
      value: i.column,
      text: i.column,
      checked: i.chosen,
      hint: { text: `${makes}. Unit: ${unit}. Polarity: ${polarity}.` },
    };
  });
}
