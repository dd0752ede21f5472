/*
 * Every read of publishing and the public site: the only module (with commands.ts) that routes,
 * the command line and the demo import. The files beside it are its internal parts.
 */
export {
  cabinetReportRows,
  getCommitteeReport,
  listCommitteeReports,
  listRecipients,
  type CommitteeReportRow,
  type RecipientRow,
} from './committee.ts';
export {
  getConsultation,
  getOpenConsultation,
  listConsultations,
  listOpenConsultations,
  listQuestions,
  listResponses,
  listThemes,
  summaryByTheme,
  type ConsultationRow,
  type QuestionRow,
  type ResponseRow,
  type ThemeRow,
  type ThemeSummary,
} from './consultations.ts';
export {
  feedbackCheckContext,
  getFeedback,
  listFeedback,
  listPublishedFeedback,
  type FeedbackRow,
} from './feedback.ts';
export { plainLanguageRows } from './plain-language.ts';
export {
  currentPublications,
  getPublication,
  lastPublicationOfPlan,
  latestPublication,
  listPublications,
  listPublishedQuarters,
  quarterVersions,
  plansTitled,
  publicSite,
  type Publication,
  type PublicationListRow,
  type PublicationRow,
  type PublicSite,
} from './publications.ts';
export { publicSiteState } from './site-state.ts';
export {
  getGlossaryEntry,
  getSettings,
  listGlossary,
  toGlossary,
  type GlossaryRow,
  type PublishingSettings,
} from './settings.ts';
