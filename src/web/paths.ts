/**
 * Every URL in the service, built in one place so that routes, redirects, links and tests agree.
 * Route patterns use the same functions with `:param` placeholders.
 */
type Id = number | string;

const q = (query: Record<string, string | number | undefined>) => {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined && v !== '');
  return entries.length === 0 ? '' : '?' + new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
};

export const paths = {
  home: () => '/',
  healthz: () => '/healthz',
  signIn: (returnTo?: string) => '/sign-in' + q({ returnTo }),
  signOut: () => '/sign-out',
  account: () => '/account',
  accessibility: () => '/accessibility',

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
  newCommitment: (priorityId: Id, areaId?: Id) => `/priorities/${priorityId}/commitments/new` + q({ area: areaId }),

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

  api: {
    openapi: () => '/api/v1/openapi.json',
    plans: () => '/api/v1/plans',
  },
} as const;
