/**
 * Every URL in the service, built in one place so that routes, redirects, links and tests agree.
 * Route patterns use the same functions with `:param` placeholders.
 */
type Id = number | string;

const q = (query: Record<string, string | number | undefined>) => {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined && v !== '');
  return entries.length === 0
    ? ''
    : '?' + new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
};

export const paths = {
  home: () => '/',
  healthz: () => '/healthz',
  signIn: (returnTo?: string) => '/sign-in' + q({ returnTo }),
  signOut: () => '/sign-out',
  account: () => '/account',
  accessibility: () => '/accessibility',
  users: () => '/users',
  newUser: () => '/users/new',
  user: (userId: Id) => `/users/${userId}`,

  plans: () => '/plans',
  newPlan: () => '/plans/new',
  plan: (planId: Id) => `/plans/${planId}`,
  editPlan: (planId: Id) => `/plans/${planId}/edit`,
  planCommitments: (planId: Id, query: Record<string, string | number | undefined> = {}) =>
    `/plans/${planId}/commitments` + q(query),
  newPriority: (planId: Id) => `/plans/${planId}/priorities/new`,
  newStandard: (planId: Id) => `/plans/${planId}/standards/new`,

  priority: (priorityId: Id, query: Record<string, string | number | undefined> = {}) =>
    `/priorities/${priorityId}` + q(query),
  editPriority: (priorityId: Id) => `/priorities/${priorityId}/edit`,
  newArea: (priorityId: Id) => `/priorities/${priorityId}/areas/new`,
  newCommitment: (priorityId: Id, areaId?: Id) =>
    `/priorities/${priorityId}/commitments/new` + q({ area: areaId }),

  area: (areaId: Id) => `/areas/${areaId}`,
  editArea: (areaId: Id) => `/areas/${areaId}/edit`,

  commitment: (commitmentId: Id) => `/commitments/${commitmentId}`,
  editCommitment: (commitmentId: Id) => `/commitments/${commitmentId}/edit`,
  newOutcome: (commitmentId: Id) => `/commitments/${commitmentId}/outcomes/new`,
  comments: (recordType: string, recordId: Id) => `/comments/${recordType}/${recordId}`,

  editOutcome: (outcomeId: Id) => `/outcomes/${outcomeId}/edit`,
  editStandard: (standardId: Id) => `/standards/${standardId}/edit`,

  imports: () => '/imports',
  newImport: () => '/imports/new',
  importPreview: (importId: Id) => `/imports/${importId}`,
  confirmImport: (importId: Id) => `/imports/${importId}/confirm`,
  discardImport: (importId: Id) => `/imports/${importId}/discard`,
  undoImport: (importId: Id) => `/imports/${importId}/undo`,
  resolveLine: (importId: Id, line: number) => `/imports/${importId}/lines/${line}`,

  history: (recordType: string, recordId: Id) => `/history/${recordType}/${recordId}`,

  scorecard: (query: Record<string, string | number | undefined> = {}) => '/scorecard' + q(query),
  scorecardXlsx: (query: Record<string, string | number | undefined> = {}) => '/scorecard.xlsx' + q(query),
  scorecardCss: () => '/scorecard/scorecard.css',
  newMeasure: () => '/measures/new',
  measure: (measureId: Id) => `/measures/${measureId}`,
  editMeasure: (measureId: Id) => `/measures/${measureId}/edit`,
  measureAnnotations: (measureId: Id) => `/measures/${measureId}/annotations`,
  dataLoads: () => '/scorecard/loads',
  comparatorSettings: () => '/scorecard/comparators',
  dataLoad: (loadId: Id) => `/scorecard/loads/${loadId}`,
  confirmDataLoad: (loadId: Id) => `/scorecard/loads/${loadId}/confirm`,
  discardDataLoad: (loadId: Id) => `/scorecard/loads/${loadId}/discard`,

  boards: () => '/boards',
  newBoard: () => '/boards/new',
  board: (boardId: Id) => `/boards/${boardId}`,
  newBoardMember: (boardId: Id) => `/boards/${boardId}/members/new`,
  newMeeting: (boardId: Id) => `/boards/${boardId}/meetings/new`,
  meeting: (meetingId: Id) => `/meetings/${meetingId}`,
  openCycle: (meetingId: Id) => `/meetings/${meetingId}/open-cycle`,
  boardPack: (meetingId: Id, format: string) => `/meetings/${meetingId}/pack.${format}`,
  highlightReport: (reportId: Id) => `/highlight-reports/${reportId}`,
  editHighlightReport: (reportId: Id) => `/highlight-reports/${reportId}/edit`,
  moveHighlightReport: (reportId: Id, action: string) => `/highlight-reports/${reportId}/${action}`,
  highlightReportComments: (reportId: Id) => `/highlight-reports/${reportId}/comments`,
  highlightReportHistory: (reportId: Id) => `/highlight-reports/${reportId}/history`,
  priorityRagHistory: (priorityId: Id) => `/priorities/${priorityId}/rag-history`,
  planRagHistory: (planId: Id) => `/plans/${planId}/rag-history`,
  ragScale: () => '/rag-scale',

  /** The public site: no sign-in, read-only apart from consultation responses. */
  public: {
    home: () => '/public',
    childFriendly: () => '/public/child-friendly',
    measures: () => '/public/measures',
    archive: () => '/public/publications',
    publication: (publicationId: Id) => `/public/publications/${publicationId}`,
    publicationChildFriendly: (publicationId: Id) => `/public/publications/${publicationId}/child-friendly`,
    publicationMeasures: (publicationId: Id) => `/public/publications/${publicationId}/measures`,
    youSaidWeDid: () => '/public/you-said-we-did',
    consultations: () => '/public/consultations',
    consultation: (consultationId: Id) => `/public/consultations/${consultationId}`,
    consultationThanks: (consultationId: Id) => `/public/consultations/${consultationId}/thank-you`,
    data: () => '/public/data',
    planJson: () => '/public/data/plan.json',
    progressCsv: () => '/public/data/progress.csv',
    measuresCsv: () => '/public/data/measures.csv',
    feed: () => '/public/feed.atom',
  },

  /** The programme office's publishing pages. */
  publishing: {
    home: () => '/publishing',
    publish: () => '/publishing/publish',
    plainLanguage: (query: Record<string, string | number | undefined> = {}) =>
      '/publishing/plain-language' + q(query),
    editPlain: (recordType: 'priority' | 'commitment' | 'outcome', recordId: Id) =>
      `/publishing/plain-language/${recordType}/${recordId}`,
    glossary: () => '/publishing/glossary',
    newGlossaryEntry: () => '/publishing/glossary/new',
    editGlossaryEntry: (entryId: Id) => `/publishing/glossary/${entryId}/edit`,
    deleteGlossaryEntry: (entryId: Id) => `/publishing/glossary/${entryId}/delete`,
    settings: () => '/publishing/settings',
    feedback: (query: Record<string, string | number | undefined> = {}) => '/publishing/feedback' + q(query),
    newFeedback: () => '/publishing/feedback/new',
    feedbackItem: (feedbackId: Id) => `/publishing/feedback/${feedbackId}`,
    editFeedback: (feedbackId: Id) => `/publishing/feedback/${feedbackId}/edit`,
    feedbackStatus: (feedbackId: Id) => `/publishing/feedback/${feedbackId}/status`,
    consultations: () => '/publishing/consultations',
    newConsultation: () => '/publishing/consultations/new',
    consultation: (consultationId: Id) => `/publishing/consultations/${consultationId}`,
    editConsultation: (consultationId: Id) => `/publishing/consultations/${consultationId}/edit`,
    newQuestion: (consultationId: Id) => `/publishing/consultations/${consultationId}/questions/new`,
    newTheme: (consultationId: Id) => `/publishing/consultations/${consultationId}/themes/new`,
    consultationResponse: (consultationId: Id, responseId: Id) =>
      `/publishing/consultations/${consultationId}/responses/${responseId}`,
    consultationSummary: (consultationId: Id) => `/publishing/consultations/${consultationId}/summary`,
    committeeReports: () => '/publishing/committee-reports',
    newCommitteeReport: () => '/publishing/committee-reports/new',
    committeeReport: (reportId: Id) => `/publishing/committee-reports/${reportId}`,
    editCommitteeReport: (reportId: Id) => `/publishing/committee-reports/${reportId}/edit`,
    committeeReportDownload: (reportId: Id, format: 'docx' | 'pdf') =>
      `/publishing/committee-reports/${reportId}/report.${format}`,
    newRecipient: (reportId: Id) => `/publishing/committee-reports/${reportId}/recipients/new`,
    recipientReceived: (reportId: Id, recipientId: Id) =>
      `/publishing/committee-reports/${reportId}/recipients/${recipientId}/received`,
  },

  api: {
    openapi: () => '/api/v1/openapi.json',
    plans: () => '/api/v1/plans',
    measures: () => '/api/v1/measures',
    measureObservations: (measureId: Id) => `/api/v1/measures/${measureId}/observations`,
    highlightReports: (meeting?: string) => '/api/v1/highlight-reports' + q({ meeting }),
  },
} as const;
