/*
 * How a risk is scored: likelihood times impact on the council's scale (5 × 5 unless it chose
 * otherwise), the band the score falls in, whether it is above the council's threshold for the
 * board, and its direction since the last review. Pure: the settings come from the caller.
 */

export const riskBands = ['low', 'medium', 'high', 'very-high'] as const;
export type RiskBand = (typeof riskBands)[number];

export const riskStatuses = ['open', 'closed'] as const;
export type RiskStatus = (typeof riskStatuses)[number];

export const riskDirections = ['new', 'worse', 'same', 'better'] as const;
export type RiskDirection = (typeof riskDirections)[number];

/** A council's scale: likelihood and impact each run from 1 to `scaleSize`. */
export interface RiskSettings {
  scaleSize: number;
  /** The lowest score in each band above low; scores below `mediumFrom` are low. */
  mediumFrom: number;
  highFrom: number;
  veryHighFrom: number;
  /** Risks whose residual score is at or above this go to the board (pack and plan overview). */
  threshold: number;
}

/** The usual local-authority 5 × 5 matrix: 1–4 low, 5–9 medium, 10–15 high, 16–25 very high. */
export const defaultRiskSettings: RiskSettings = {
  scaleSize: 5,
  mediumFrom: 5,
  highFrom: 10,
  veryHighFrom: 16,
  threshold: 12,
};

export const minScaleSize = 3;
export const maxScaleSize = 10;

export interface RiskRating {
  score: number;
  band: RiskBand;
}

export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact;
}

export function riskBand(score: number, settings: RiskSettings): RiskBand {
  if (score >= settings.veryHighFrom) return 'very-high';
  if (score >= settings.highFrom) return 'high';
  if (score >= settings.mediumFrom) return 'medium';
  return 'low';
}

export function rateRisk(likelihood: number, impact: number, settings: RiskSettings): RiskRating {
  const score = riskScore(likelihood, impact);
  return { score, band: riskBand(score, settings) };
}

/** Whether a likelihood or impact is a whole number on the council's scale. */
export function onScale(value: number, settings: RiskSettings): boolean {
  return Number.isInteger(value) && value >= 1 && value <= settings.scaleSize;
}

export function isAboveThreshold(residualScore: number, settings: RiskSettings): boolean {
  return residualScore >= settings.threshold;
}

/**
 * Direction of travel since the last review, from the residual score then and now. A higher
 * score is worse. A risk never reviewed before has no earlier score: it is new.
 */
export function riskDirection(previousResidualScore: number | null, residualScore: number): RiskDirection {
  if (previousResidualScore === null) return 'new';
  if (residualScore > previousResidualScore) return 'worse';
  if (residualScore < previousResidualScore) return 'better';
  return 'same';
}

/**
 * What is wrong with a council's settings, in words for the settings form; empty when they hold
 * together (bands rising, all within the largest possible score).
 */
export function settingsProblems(settings: RiskSettings): { field: keyof RiskSettings; message: string }[] {
  const problems: { field: keyof RiskSettings; message: string }[] = [];
  const { scaleSize, mediumFrom, highFrom, veryHighFrom, threshold } = settings;
  if (!Number.isInteger(scaleSize) || scaleSize < minScaleSize || scaleSize > maxScaleSize) {
    problems.push({
      field: 'scaleSize',
      message: `Scale must be a whole number from ${minScaleSize} to ${maxScaleSize}`,
    });
    return problems;
  }
  const max = scaleSize * scaleSize;
  const within = (field: keyof RiskSettings, value: number, label: string) => {
    if (!Number.isInteger(value) || value < 2 || value > max) {
      problems.push({ field, message: `${label} must be a whole number from 2 to ${max}` });
      return false;
    }
    return true;
  };
  const ok = [
    within('mediumFrom', mediumFrom, 'Medium starts at'),
    within('highFrom', highFrom, 'High starts at'),
    within('veryHighFrom', veryHighFrom, 'Very high starts at'),
  ];
  if (ok[0] && ok[1] && highFrom <= mediumFrom)
    problems.push({ field: 'highFrom', message: 'High must start above medium' });
  if (ok[1] && ok[2] && veryHighFrom <= highFrom)
    problems.push({ field: 'veryHighFrom', message: 'Very high must start above high' });
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > max)
    problems.push({ field: 'threshold', message: `Threshold must be a whole number from 1 to ${max}` });
  return problems;
}
