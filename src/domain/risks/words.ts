import type { RiskBand, RiskDirection, RiskStatus } from './scoring.ts';

/*
 * The register's words for its codes, in one place for the pages, the plan overview and the board
 * pack, so the board reads what the register says.
 */

export const riskBandNames: Record<RiskBand, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  'very-high': 'Very high',
};

export const riskDirectionNames: Record<RiskDirection, string> = {
  new: 'New since the last review',
  worse: 'Worse since the last review',
  same: 'No change since the last review',
  better: 'Better since the last review',
};

export const riskStatusNames: Record<RiskStatus, string> = {
  open: 'Open',
  closed: 'Closed',
};
