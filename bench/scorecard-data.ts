/*
 * The scorecard benchmark's data: 153 councils, each with the same 50 monthly measures and ten
 * years of figures, generated deterministically. Each council's figures are one long-layout CSV, as
 * a council would load them.
 */
export const COUNCILS = 153;
export const MEASURES = 50;
export const MONTHS = 120;
export const FIRST_YEAR = 2015;

export const measureName = (m: number) => `Generated measure ${String(m + 1).padStart(2, '0')}`;

export function period(monthIndex: number): string {
  return `${FIRST_YEAR + Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
}

/** A smooth, council-specific series with a little noise, as whole numbers or one decimal. */
export function figure(council: number, measure: number, month: number): number {
  const base = 50 + ((council * 7 + measure * 13) % 40);
  const wave = 8 * Math.sin((month + council) / 6) + ((council * 31 + measure * 17 + month * 11) % 7) - 3;
  return Math.round((base + wave) * 10) / 10;
}

export function councilCsv(council: number): string {
  const lines = ['measure,period,value'];
  for (let m = 0; m < MEASURES; m++) {
    for (let month = 0; month < MONTHS; month++)
      lines.push(`${measureName(m)},${period(month)},${figure(council, m, month)}`);
  }
  return lines.join('\n') + '\n';
}
