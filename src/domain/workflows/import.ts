/*
 * The preview-then-confirm workflow that document imports and data loads share: a file is read and
 * held as pending (the preview), then confirmed (imported) or discarded; a document import in force
 * can be undone as a whole. One table of states and actions that the commands enforce, the routes
 * check and the pages' buttons are drawn from.
 */

export const importStates = ['pending', 'imported', 'discarded', 'undone'] as const;
export type ImportState = (typeof importStates)[number];

export const importActions = ['confirm', 'discard', 'undo', 'resolve-line', 'remap'] as const;
export type ImportAction = (typeof importActions)[number];

/** The two flows that use the workflow: a document into the plan, a file of figures into the scorecard. */
export const importFlows = ['document-import', 'data-load'] as const;
export type ImportFlow = (typeof importFlows)[number];

/** What each action leads to from each state; an action missing from a state is not allowed there. */
const transitions: Record<ImportState, Partial<Record<ImportAction, ImportState>>> = {
  /* Before confirming, a person may change how the document is read (its mapping), as often as they like. */
  pending: { confirm: 'imported', discard: 'discarded', remap: 'pending' },
  /* An unplaced line of an imported document is placed by hand (or dismissed) once its records exist. */
  imported: { undo: 'undone', 'resolve-line': 'imported' },
  discarded: {},
  undone: {},
};

/** The actions each flow offers at all: figures once loaded stay (a later file revises them). */
const flowActions: Record<ImportFlow, readonly ImportAction[]> = {
  'document-import': ['confirm', 'discard', 'undo', 'resolve-line', 'remap'],
  'data-load': ['confirm', 'discard'],
};

/** The actions allowed in a state, in the order the page shows their buttons. */
export function allowedActions(flow: ImportFlow, state: ImportState): ImportAction[] {
  return flowActions[flow].filter((action) => transitions[state][action] !== undefined);
}

export function isAllowed(flow: ImportFlow, state: ImportState, action: ImportAction): boolean {
  return allowedActions(flow, state).includes(action);
}

/** The state an action leads to, or null when it is not allowed. */
export function stateAfter(flow: ImportFlow, state: ImportState, action: ImportAction): ImportState | null {
  return isAllowed(flow, state, action) ? (transitions[state][action] ?? null) : null;
}

const refusals: Record<ImportFlow, Record<ImportAction, string>> = {
  'document-import': {
    confirm: 'This import is no longer waiting to be confirmed',
    discard: 'Only an import waiting to be confirmed can be discarded',
    undo: 'Only an import that is in force can be undone',
    'resolve-line': 'Lines can be placed or dismissed once the document is imported',
    remap: 'How a document is read can be changed only before it is imported',
  },
  'data-load': {
    confirm: 'This file is no longer waiting to be loaded',
    discard: 'Only a file waiting to be loaded can be discarded',
    undo: 'A load of figures cannot be undone: load a corrected file instead',
    'resolve-line': 'A load of figures has no lines to place',
    remap: 'A load of figures is read by its columns, not by a mapping',
  },
};

/** An action the workflow does not allow in the record's state. */
export class ImportActionRefusedError extends Error {
  readonly code = 'import-action-refused';
  constructor(
    readonly flow: ImportFlow,
    readonly state: ImportState,
    readonly action: ImportAction,
  ) {
    super(refusals[flow][action]);
    this.name = 'ImportActionRefusedError';
  }
}

/** The state an action leads to; throws ImportActionRefusedError when it is not allowed. */
export function transition(flow: ImportFlow, state: ImportState, action: ImportAction): ImportState {
  const next = stateAfter(flow, state, action);
  if (next === null) throw new ImportActionRefusedError(flow, state, action);
  return next;
}

/*
 * Data loads store "imported" as 'loaded' (the word the scorecard uses, and the value the
 * database's unique index on loaded content names), and have no undo.
 */
export const dataLoadStatuses = ['pending', 'loaded', 'discarded'] as const;
export type DataLoadStatus = (typeof dataLoadStatuses)[number];

export function dataLoadState(status: DataLoadStatus): ImportState {
  return status === 'loaded' ? 'imported' : status;
}

/** Document imports store the state itself; a discarded pending import is removed, not kept. */
export const documentImportStatuses = ['pending', 'imported', 'undone'] as const;
export type DocumentImportStatus = (typeof documentImportStatuses)[number];

/** How the pages name each stored status. */
export const documentImportStatusNames: Record<DocumentImportStatus, string> = {
  pending: 'Waiting for you to check',
  imported: 'Imported',
  undone: 'Undone',
};
export const dataLoadStatusNames: Record<DataLoadStatus, string> = {
  pending: 'Waiting for you to check',
  loaded: 'Loaded',
  discarded: 'Discarded',
};
