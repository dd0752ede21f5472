/*
 * Every write of publishing and the public site, one named command each: the only module (with
 * queries.ts) that routes, the command line and the demo import. A command writes the change and
 * its change_history row in one transaction, and refuses what the publication rules
 * (src/domain/workflows/publication.ts) do not allow with a PublishingError. The commands live
 * beside it by aggregate, in the *-commands.ts files.
 */
export type { Actor, SaveResult } from '../changes.ts';
export { systemActor } from '../changes.ts';
export { PublishingError, type PublishingErrorCode } from './publishing-error.ts';
export {
  publishQuarter,
  snapshotFingerprint,
  snapshotToPublish,
  withdrawPublication,
  type QuarterToPublish,
} from './publications-commands.ts';
export {
  approveFeedback,
  createFeedback,
  moveFeedback,
  updateFeedback,
  type ApproveResult,
  type FeedbackData,
} from './feedback-commands.ts';
export {
  addQuestion,
  addTheme,
  createConsultation,
  publicFormActor,
  setResponseThemes,
  submitResponse,
  updateConsultation,
  type ConsultationData,
  type SaveResponseResult,
} from './consultations-commands.ts';
export {
  addRecipient,
  createCommitteeReport,
  markRecipientReceived,
  updateCommitteeReport,
  type CommitteeReportData,
} from './committee-commands.ts';
export {
  createGlossaryEntry,
  deleteGlossaryEntry,
  setTargetReadingAge,
  updateGlossaryEntry,
  type GlossaryData,
} from './settings-commands.ts';
export { savePlainText, type PlainTextTarget } from './plain-language-commands.ts';
