/*
 * The one error a publishing command throws when a rule refuses the write, shared by every
 * aggregate's commands so routes catch one type (re-exported by commands.ts).
 */
export type PublishingErrorCode =
  | 'quarter-already-published'
  | 'quarter-outside-period'
  | 'nothing-to-correct'
  | 'correction-reason-needed'
  | 'easy-read-reason-needed'
  | 'preview-out-of-date'
  | 'withdraw-reason-needed'
  | 'transition-not-allowed'
  | 'no-consent'
  | 'not-approved'
  | 'consultation-closed'
  | 'duplicate-acronym'
  | 'unknown-theme'
  | 'not-found';

/** A publishing rule refused the write; `field` names the form field it is about, when there is one. */
export class PublishingError extends Error {
  constructor(
    readonly code: PublishingErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'PublishingError';
  }
}
