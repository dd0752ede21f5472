/**
 * Raised when measure data breaks an invariant the rules rely on (a period in the wrong shape, two
 * figures for one period, a value that is not a finite number). These are loader bugs, not states
 * to show the board, so the rules refuse them rather than guess.
 */
export class MeasureDataError extends Error {
  override readonly name = 'MeasureDataError';
}
