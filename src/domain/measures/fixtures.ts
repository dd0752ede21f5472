/*
 * Deterministic example data for the tests, built from the figures in the seed documents (the
 * July 2021 scrutiny presentation and the September 2024 highlight report). Months the seeds do
 * not give are filled with plausible figures; each builder says which figures are the seed's.
 */
import type { Measure, Observation, Period } from './types.ts';

export function monthly(values: Record<Period, number | null>): Observation[] {
  return Object.entries(values).map(([period, value]) => ({ period, value }));
}

export function buildMeasure(overrides: Partial<Measure> = {}): Measure {
  return {
    name: 'Test measure',
    unit: 'count',
    polarity: 'higher-is-better',
    frequency: 'monthly',
    ...overrides,
  };
}

/** Seed: 2,159 in July 2020, a peak of 2,474 in December 2020, 2,324 in April 2021. */
export const openCases = buildMeasure({ name: 'Open cases', polarity: 'context' });
export const openCasesData = monthly({
  '2020-07': 2159,
  '2020-08': 2210,
  '2020-09': 2298,
  '2020-10': 2371,
  '2020-11': 2430,
  '2020-12': 2474,
  '2021-01': 2451,
  '2021-02': 2402,
  '2021-03': 2360,
  '2021-04': 2324,
});

/**
 * Seed: the rolling 12-month count of contacts fell to 9,343 in May 2020 and rose to 12,493 by the
 * end of April 2021. Monthly figures June 2019 to April 2021 chosen to give exactly those totals.
 */
export const contacts = buildMeasure({ name: 'Contacts', polarity: 'context', rolling12Months: true });
export const contactsData: Observation[] = (() => {
  const values: Record<Period, number> = {};
  for (const m of ['06', '07', '08', '09', '10', '11', '12']) values[`2019-${m}`] = 850;
  for (const m of ['01', '02', '03']) values[`2020-${m}`] = 850;
  values['2020-04'] = 400; // the first lockdown
  values['2020-05'] = 443;
  for (const m of ['06', '07', '08', '09', '10', '11', '12']) values[`2020-${m}`] = 1100;
  for (const m of ['01', '02', '03']) values[`2021-${m}`] = 1100;
  values['2021-04'] = 1050;
  return monthly(values);
})();

/** Seed: 83% of cared for children seen within timescales in July 2024, target 90%, 87% in June. */
export const cfcSeen = buildMeasure({
  name: 'Cared for children seen within timescales',
  unit: 'percentage',
  polarity: 'higher-is-better',
  target: 90,
});
export const cfcSeenData = monthly({ '2024-06': 87, '2024-07': 83 });

/**
 * DfE children looked after per 10,000 at 31 March (data/dfe_cla_number_rate_per_10k_2020_2022.csv):
 * Tameside 2022 with England 70 and the North West 97. A context measure: compared, not judged.
 */
export const claRate = buildMeasure({
  name: 'Children looked after per 10,000',
  unit: 'rate-per-10000',
  polarity: 'context',
  frequency: 'annual',
  yearEnding: 3,
});
export const claRateData: Observation[] = [
  { period: '2020', value: 139, numerator: 704, denominator: 50664 },
  { period: '2021', value: 134, numerator: 682, denominator: 50956 },
  { period: '2022', value: 130, numerator: 666, denominator: 51193 },
  { period: '2021', value: 97, comparator: 'region' },
  { period: '2022', value: 97, comparator: 'region' },
  { period: '2021', value: 67, comparator: 'england' },
  { period: '2022', value: 70, comparator: 'england' },
];
