/*
 * The scorecard's domain rules: pure functions over a measure and its observations, no I/O.
 * Start with `summariseMeasure`; the rest is here for pages and reports that need one piece.
 */
export * from './types.ts';
export { MeasureDataError } from './errors.ts';
export { isPeriod, periodOrdinal, periodFromOrdinal, periodsPerYear, shiftPeriod } from './period.ts';
export { seriesOf, Series, type Point, type NumericPoint } from './series.ts';
export { targetFor } from './targets.ts';
export { ratio, percentage, ratePer10000, percentChange } from './ratios.ts';
export {
  rag,
  rateAgainstTarget,
  DEFAULT_TOLERANCE,
  type Rating,
  type RagResult,
  type NoRatingReason,
} from './rag.ts';
export {
  trend,
  movement,
  directionOf,
  judge,
  type Direction,
  type Judgement,
  type Movement,
  type Trend,
} from './trend.ts';
export {
  rollingTotals,
  rollingChangeOverYear,
  peaksAndTroughs,
  type RollingTotal,
  type RollingChange,
  type Extreme,
  type PeaksAndTroughs,
} from './rolling.ts';
export {
  compareWithComparators,
  statisticalNeighbourAverage,
  benchmarkOrder,
  benchmarkNames,
  type ComparatorResult,
  type ComparatorJudgement,
  type NeighbourAverage,
} from './comparators.ts';
export {
  summariseAuditGrades,
  auditGradeObservation,
  type AuditGrades,
  type AuditGrade,
  type AuditGradeSummary,
} from './audit-grades.ts';
export {
  formatDifference,
  formatFigure,
  formatPercentChange,
  formatPeriod,
  formatPeriodEnd,
  formatPeriodRange,
  formatValue,
  roundForDisplay,
  roundPercentChange,
} from './format.ts';
export {
  buildNarrative,
  narrative,
  narrativeNumbers,
  NO_FIGURES,
  type Narrative,
  type NarrativeOptions,
  type StatedNumber,
  type StatedKind,
} from './narrative.ts';
export { numbersIn, unsupportedNumbers, type VerifyOptions } from './verify.ts';
export { observationsUpTo, summariseMeasure, type MeasureSummary, type RollingSummary } from './summary.ts';
export { allowedMonths, needsFigures, staleness, type FigureAge, type Staleness } from './staleness.ts';
export {
  basisText,
  closenessOf,
  DEFAULT_NEIGHBOUR_AVERAGE,
  median,
  mean,
  neighbourAverage,
  neighbourAverageNames,
  neighbourAverages,
  standingAmong,
  standingText,
  ALL_COUNCILS_AT_LEAST,
  type ModelNeighbour,
  type NeighbourAverageKind,
  type NeighbourBasis,
  type Standing,
} from './neighbours.ts';
