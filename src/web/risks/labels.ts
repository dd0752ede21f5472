import type { RiskBand } from '../../domain/risks/scoring.ts';

export { riskBandNames, riskDirectionNames, riskStatusNames } from '../../domain/risks/words.ts';

/* The rating is always in words; the colour of its tag only adds to them. */
export const riskBandTagClasses: Record<RiskBand, string> = {
  low: 'govuk-tag--green',
  medium: 'govuk-tag--yellow',
  high: 'govuk-tag--orange',
  'very-high': 'govuk-tag--red',
};
