/**
 * Every URL in the service, built in one place so that routes, redirects, links and tests agree.
 * Each route's pattern is written once, beside the link built from it.
 */
type Id = number | string;
type Query = Record<string, string | number | undefined>;

const q = (query: Query) => {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined && v !== '');
  return entries.length === 0
    ? ''
    : '?' + new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
};

type ParamNames<P extends string> = P extends `${string}:${infer N}/${infer R}`
  ? [N, ...ParamNames<`/${R}`>]
  : P extends `${string}:${infer N}`
    ? [N]
    : [];
type IdsFor<T extends string[]> = T extends [string, ...infer R extends string[]] ? [Id, ...IdsFor<R>] : [];

/** The parameters Fastify gives a route registered at a pattern: `{ planId: string }`. */
export type PatternParams<P extends string> = { [K in ParamNames<P>[number]]: string };

/** The parameters Fastify gives a route registered at `route.pattern`. */
export type RouteParams<R extends { pattern: string }> = PatternParams<R['pattern']>;

/**
 * One route, written once: `paths.plan.pattern` is what the route registers ('/plans/:planId'),
 * `paths.plan(7)` the link ('/plans/7'), with the ids in the order the pattern names them and an
 * optional query string last.
 */
export function route<const P extends string>(pattern: P) {
  const count = (pattern.match(/:\w+/g) ?? []).length;
  const link = (...args: [...IdsFor<ParamNames<P>>, query?: Query]): string => {
    const ids = args.slice(0, count) as Id[];
    let next = 0;
    // encodeURI, not encodeURIComponent: a placeholder given as an id (':planId') stays a placeholder.
    const path = pattern.replace(/:\w+/g, () => encodeURI(String(ids[next++])));
    const query = args[count] as Query | undefined;
    return path + (query ? q(query) : '');
  };
  return Object.assign(link, { pattern });
}

export const paths = {
  home: route('/'),
  healthz: route('/healthz'),
  /** `paths.signIn({ returnTo })` brings the person back to where they were going. */
  signIn: route('/sign-in'),
  signOut: route('/sign-out'),
  /** Starts sign-in at the council's identity provider: `paths.signInOidc({ council: slug, returnTo })`. */
  signInOidc: route('/sign-in/oidc'),
  /** Where the identity provider sends the person back (the redirect URI registered with it). */
  signInOidcCallback: route('/sign-in/oidc/callback'),
  account: route('/account'),
  /** A person's own signed-in sessions, to end one or all the others. */
  accountSessions: route('/account/sessions'),
  endSession: route('/account/sessions/:sessionId/end'),
  endOtherSessions: route('/account/sessions/end-others'),
  changePassword: route('/account/password'),
  /** Ask for a link to set a new password; the link is `passwordResetLink(token)`. */
  passwordReset: route('/account/reset'),
  passwordResetLink: route('/account/reset/:token'),
  /** A person's own API tokens: create, list, revoke. */
  apiTokens: route('/account/tokens'),
  revokeApiToken: route('/account/tokens/:tokenId/revoke'),
  accessibility: route('/accessibility'),
  users: route('/users'),
  newUser: route('/users/new'),
  user: route('/users/:userId'),
  brandingSettings: route('/settings/branding'),
  /** How the council's people sign in: its identity provider and whether passwords stay. */
  signInSettings: route('/settings/sign-in'),
  brandingLogo: route('/settings/branding/logo'),
  /** The council's logo as an image; `?v=` names the version so a changed logo is fetched afresh. */
  councilLogo: route('/councils/:organisationId/logo'),

  plans: route('/plans'),
  newPlan: route('/plans/new'),
  plan: route('/plans/:planId'),
  editPlan: route('/plans/:planId/edit'),
  planCommitments: route('/plans/:planId/commitments'),
  /** The plan read by National Framework outcome; `?outcome=safe` reads one. */
  planByOutcome: route('/plans/:planId/by-outcome'),
  newPriority: route('/plans/:planId/priorities/new'),
  newStandard: route('/plans/:planId/standards/new'),
  /** The plan's archived priorities, improvement areas, commitments and outcomes, to restore. */
  archivedRecords: route('/plans/:planId/archived'),
  /** The plan's risk register. */
  planRisks: route('/plans/:planId/risks'),
  newRisk: route('/plans/:planId/risks/new'),
  risk: route('/risks/:riskId'),
  /** A reform programme's expectations checklist: required, then recommended, with counts met. */
  planExpectations: route('/plans/:planId/expectations'),
  newExpectation: route('/plans/:planId/expectations/new'),
  expectation: route('/expectations/:expectationId'),
  editExpectation: route('/expectations/:expectationId/edit'),
  editRisk: route('/risks/:riskId/edit'),
  /** The plan's projects and investable propositions, and its investment. */
  planProjects: route('/plans/:planId/projects'),
  newProject: route('/plans/:planId/projects/new'),
  project: route('/projects/:projectId'),
  editProject: route('/projects/:projectId/edit'),
  newMilestone: route('/projects/:projectId/milestones/new'),
  editMilestone: route('/milestones/:milestoneId/edit'),
  newProjectBudgetLine: route('/projects/:projectId/budget/new'),
  newPlanBudgetLine: route('/plans/:planId/budget/new'),
  editBudgetLine: route('/budget-lines/:lineId/edit'),
  /** The council's risk scale: its size, the bands and the threshold for the board. */
  riskSettings: route('/settings/risks'),
  /** The inspection record: inspections and visits, their judgements, findings and what answers them. */
  inspections: route('/inspections'),
  newInspection: route('/inspections/new'),
  inspection: route('/inspections/:inspectionId'),
  editInspection: route('/inspections/:inspectionId/edit'),
  newJudgement: route('/inspections/:inspectionId/judgements/new'),
  editJudgement: route('/inspection-judgements/:judgementId/edit'),
  /** A finding or recommendation; its form also links the improvement areas and commitments that answer it. */
  newFinding: route('/inspections/:inspectionId/findings/new'),
  editFinding: route('/inspection-findings/:findingId/edit'),
  /** Case audits: the plan's quarters, each quarter's programme, audits and open findings. */
  planCaseAudits: route('/plans/:planId/case-audits'),
  caseAuditQuarter: route('/plans/:planId/case-audits/:quarter'),
  caseAuditProgramme: route('/plans/:planId/case-audits/:quarter/programme'),
  newCaseAudit: route('/plans/:planId/case-audits/:quarter/audits/new'),
  caseAudit: route('/case-audits/:auditId'),
  editCaseAudit: route('/case-audits/:auditId/edit'),
  newCaseAuditFinding: route('/case-audits/:auditId/findings/new'),
  editCaseAuditFinding: route('/case-audit-findings/:findingId/edit'),
  closeCaseAuditFinding: route('/case-audit-findings/:findingId/close'),
  /** The council's grade words, the ceiling for inadequate audits and the rise asked for each quarter. */
  caseAuditSettings: route('/settings/case-audits'),

  priority: route('/priorities/:priorityId'),
  editPriority: route('/priorities/:priorityId/edit'),
  newArea: route('/priorities/:priorityId/areas/new'),
  /** `paths.newCommitment(priorityId, { area })` starts the form in one of the priority's areas. */
  newCommitment: route('/priorities/:priorityId/commitments/new'),

  area: route('/areas/:areaId'),
  editArea: route('/areas/:areaId/edit'),

  commitment: route('/commitments/:commitmentId'),
  editCommitment: route('/commitments/:commitmentId/edit'),
  newOutcome: route('/commitments/:commitmentId/outcomes/new'),
  /** Clears the commitment's needs-review flag with a note saying how it was settled. */
  resolveReview: route('/commitments/:commitmentId/resolve-review'),
  comments: route('/comments/:recordType/:recordId'),

  editOutcome: route('/outcomes/:outcomeId/edit'),
  editStandard: route('/standards/:standardId/edit'),

  imports: route('/imports'),
  newImport: route('/imports/new'),
  importPreview: route('/imports/:importId'),
  importRecordsCsv: route('/imports/:importId/records.csv'),
  importRecordsXlsx: route('/imports/:importId/records.xlsx'),
  confirmImport: route('/imports/:importId/confirm'),
  discardImport: route('/imports/:importId/discard'),
  undoImport: route('/imports/:importId/undo'),
  resolveLine: route('/imports/:importId/lines/:line'),
  /** POST: "Change how this document is read" re-maps a pending import's stored structure. */
  remapImport: route('/imports/:importId/reading'),
  importTemplates: route('/imports/templates'),
  renameImportTemplate: route('/imports/templates/:templateId/rename'),
  /** POST: removes (archives) a template; GET asks first. */
  removeImportTemplate: route('/imports/templates/:templateId/remove'),

  history: route('/history/:recordType/:recordId'),
  /** GET asks to confirm and says what goes with the record; POST archives it. */
  archiveRecord: route('/archive/:recordType/:recordId'),
  restoreRecord: route('/restore/:recordType/:recordId'),

  scorecard: route('/scorecard'),
  scorecardXlsx: route('/scorecard.xlsx'),
  scorecardCss: route('/scorecard/scorecard.css'),
  newMeasure: route('/measures/new'),
  /** DfE's dashboard indicators by National Framework outcome (`?outcome=safe`), each adopted in one step. */
  measureCatalogue: route('/measures/catalogue'),
  adoptIndicator: route('/measures/catalogue/:indicatorId/adopt'),
  measure: route('/measures/:measureId'),
  editMeasure: route('/measures/:measureId/edit'),
  measureAnnotations: route('/measures/:measureId/annotations'),
  /** One plan's own target for a measure it shares with other plans (set, then changed at a version). */
  measurePlanTarget: route('/measures/:measureId/plans/:planId/target'),
  dataLoads: route('/scorecard/loads'),
  comparatorSettings: route('/scorecard/comparators'),
  statisticalNeighbours: route('/scorecard/statistical-neighbours'),
  dataLoad: route('/scorecard/loads/:loadId'),
  confirmDataLoad: route('/scorecard/loads/:loadId/confirm'),
  discardDataLoad: route('/scorecard/loads/:loadId/discard'),

  boards: route('/boards'),
  newBoard: route('/boards/new'),
  board: route('/boards/:boardId'),
  newBoardMember: route('/boards/:boardId/members/new'),
  newMeeting: route('/boards/:boardId/meetings/new'),
  meeting: route('/meetings/:meetingId'),
  openCycle: route('/meetings/:meetingId/open-cycle'),
  /** Which plans the meeting's pack covers beside the board's own (a reform programme, say). */
  meetingPlans: route('/meetings/:meetingId/plans'),
  boardPack: route('/meetings/:meetingId/pack.:format'),
  issuePapers: route('/meetings/:meetingId/issue'),
  /** A meeting of record: its agenda (with the actions carried forward), attendance, minutes, actions. */
  meetingAgenda: route('/meetings/:meetingId/agenda'),
  newAgendaItem: route('/meetings/:meetingId/agenda/new'),
  editAgendaItem: route('/agenda-items/:itemId/edit'),
  editItemMinutes: route('/agenda-items/:itemId/minutes'),
  meetingAttendance: route('/meetings/:meetingId/attendance'),
  newAttendee: route('/meetings/:meetingId/attendance/new'),
  editAttendee: route('/attendees/:attendeeId/edit'),
  meetingMinutes: route('/meetings/:meetingId/minutes'),
  approveMinutes: route('/meetings/:meetingId/minutes/approve'),
  meetingActions: route('/meetings/:meetingId/actions'),
  newAction: route('/meetings/:meetingId/actions/new'),
  action: route('/actions/:actionId'),
  editAction: route('/actions/:actionId/edit'),
  closeAction: route('/actions/:actionId/close'),
  newActionUpdate: route('/actions/:actionId/updates/new'),
  highlightReport: route('/highlight-reports/:reportId'),
  editHighlightReport: route('/highlight-reports/:reportId/edit'),
  moveHighlightReport: route('/highlight-reports/:reportId/:action'),
  highlightReportComments: route('/highlight-reports/:reportId/comments'),
  highlightReportHistory: route('/highlight-reports/:reportId/history'),
  priorityRagHistory: route('/priorities/:priorityId/rag-history'),
  planRagHistory: route('/plans/:planId/rag-history'),
  ragScale: route('/rag-scale'),

  /** `paths.search({ q, page })`: the council's plan, board, risks and measures, searched. */
  search: route('/search'),

  /** The public site: no sign-in, read-only apart from consultation responses. */
  public: {
    home: route('/public'),
    childFriendly: route('/public/child-friendly'),
    measures: route('/public/measures'),
    /** What is invested in what, as the latest publication states it. */
    investment: route('/public/investment'),
    /** The latest publication by National Framework outcome, and one outcome's part of it. */
    outcomes: route('/public/outcomes'),
    outcome: route('/public/outcomes/:outcome'),
    archive: route('/public/publications'),
    publication: route('/public/publications/:publicationId'),
    publicationChildFriendly: route('/public/publications/:publicationId/child-friendly'),
    publicationMeasures: route('/public/publications/:publicationId/measures'),
    youSaidWeDid: route('/public/you-said-we-did'),
    consultations: route('/public/consultations'),
    consultation: route('/public/consultations/:consultationId'),
    consultationThanks: route('/public/consultations/:consultationId/thank-you'),
    data: route('/public/data'),
    planJson: route('/public/data/plan.json'),
    progressCsv: route('/public/data/progress.csv'),
    measuresCsv: route('/public/data/measures.csv'),
    feed: route('/public/feed.atom'),
  },

  /** The programme office's publishing pages. */
  publishing: {
    home: route('/publishing'),
    publish: route('/publishing/publish'),
    publishPreview: route('/publishing/publish/preview'),
    withdrawPublication: route('/publishing/publications/:publicationId/withdraw'),
    plainLanguage: route('/publishing/plain-language'),
    editPlain: route('/publishing/plain-language/:recordType/:recordId'),
    glossary: route('/publishing/glossary'),
    newGlossaryEntry: route('/publishing/glossary/new'),
    editGlossaryEntry: route('/publishing/glossary/:entryId/edit'),
    deleteGlossaryEntry: route('/publishing/glossary/:entryId/delete'),
    settings: route('/publishing/settings'),
    feedback: route('/publishing/feedback'),
    newFeedback: route('/publishing/feedback/new'),
    feedbackItem: route('/publishing/feedback/:feedbackId'),
    editFeedback: route('/publishing/feedback/:feedbackId/edit'),
    feedbackStatus: route('/publishing/feedback/:feedbackId/status'),
    approveFeedback: route('/publishing/feedback/:feedbackId/approve'),
    consultations: route('/publishing/consultations'),
    newConsultation: route('/publishing/consultations/new'),
    consultation: route('/publishing/consultations/:consultationId'),
    editConsultation: route('/publishing/consultations/:consultationId/edit'),
    newQuestion: route('/publishing/consultations/:consultationId/questions/new'),
    newTheme: route('/publishing/consultations/:consultationId/themes/new'),
    consultationResponse: route('/publishing/consultations/:consultationId/responses/:responseId'),
    consultationSummary: route('/publishing/consultations/:consultationId/summary'),
    committeeReports: route('/publishing/committee-reports'),
    newCommitteeReport: route('/publishing/committee-reports/new'),
    committeeReport: route('/publishing/committee-reports/:reportId'),
    editCommitteeReport: route('/publishing/committee-reports/:reportId/edit'),
    committeeReportDownload: route('/publishing/committee-reports/:reportId/report.:format'),
    issueCommitteeReport: route('/publishing/committee-reports/:reportId/issue'),
    newRecipient: route('/publishing/committee-reports/:reportId/recipients/new'),
    recipientReceived: route('/publishing/committee-reports/:reportId/recipients/:recipientId/received'),
  },

  api: {
    openapi: route('/api/v1/openapi.json'),
    /** What the home page shows the token's person, by their role. */
    home: route('/api/v1/home'),
    plans: route('/api/v1/plans'),
    measures: route('/api/v1/measures'),
    measureObservations: route('/api/v1/measures/:measureId/observations'),
    /** Each plan's own target for a measure shared by plans. */
    measureTargets: route('/api/v1/measures/:measureId/targets'),
    /** A reform programme's expectations with what meets each. */
    planExpectations: route('/api/v1/plans/:planId/expectations'),
    statisticalNeighbours: route('/api/v1/statistical-neighbours'),
    /** `paths.api.highlightReports({ meeting: '2024-09-10' })` for one meeting's reports. */
    highlightReports: route('/api/v1/highlight-reports'),
    /** The meeting's board pack as issued (the latest version). */
    meetingPack: route('/api/v1/meetings/:meetingId/pack'),
    /** The actions raised at a meeting. */
    meetingActions: route('/api/v1/meetings/:meetingId/actions'),
    /** `paths.api.actions({ status: 'open' })` for the council's open actions. */
    actions: route('/api/v1/actions'),
    /** `paths.api.risks({ plan: 3 })` for one plan's risks. */
    risks: route('/api/v1/risks'),
    inspections: route('/api/v1/inspections'),
    /** `paths.api.projects({ plan: 3 })` for one plan's projects with their budgets. */
    projects: route('/api/v1/projects'),
    /** `paths.api.caseAuditSummary({ quarter: '2024-25-q2', plan: 3 })`. */
    caseAuditSummary: route('/api/v1/case-audits/summary'),
    /** `paths.api.search({ q })`: the same search as the page, as JSON. */
    search: route('/api/v1/search'),
  },
} as const;
