import type { FastifyReply } from 'fastify';
import {
  allowedActions,
  ImportActionRefusedError,
  importActions,
  type ImportAction,
  type ImportFlow,
  type ImportState,
} from '../domain/workflows/import.ts';

/*
 * The route side of the preview-then-confirm workflow that document imports and data loads share
 * (src/domain/workflows/import.ts): the buttons a preview page shows, and one way to run an action
 * that the workflow may refuse.
 */

/** What a preview page needs to draw its buttons: the actions allowed in the record's state. */
export function workflowButtons(
  flow: ImportFlow,
  state: ImportState,
): { actions: ImportAction[]; can: Record<ImportAction, boolean> } {
  const actions = allowedActions(flow, state);
  const can = Object.fromEntries(importActions.map((a) => [a, actions.includes(a)])) as Record<
    ImportAction,
    boolean
  >;
  return { actions, can };
}

const refusedTitles: Record<ImportAction, string> = {
  confirm: 'This can no longer be confirmed',
  discard: 'This can no longer be discarded',
  undo: 'This import cannot be undone',
  'resolve-line': 'This line cannot be changed now',
  remap: 'How this document is read cannot be changed now',
};

function refuse(reply: FastifyReply, error: ImportActionRefusedError): Promise<FastifyReply> {
  return reply.code(409).page('errors/error.njk', {
    title: refusedTitles[error.action],
    status: 409,
    detail: error.message,
  });
}

/**
 * Runs an action on a previewed file: refused with a 409 page when the workflow does not allow it
 * in the record's state (checked here for the page, and again by the command inside its transaction).
 */
export async function runImportAction(
  reply: FastifyReply,
  step: { flow: ImportFlow; state: ImportState; action: ImportAction },
  run: () => Promise<FastifyReply>,
): Promise<FastifyReply> {
  if (!allowedActions(step.flow, step.state).includes(step.action))
    return refuse(reply, new ImportActionRefusedError(step.flow, step.state, step.action));
  try {
    return await run();
  } catch (error) {
    if (error instanceof ImportActionRefusedError) return refuse(reply, error);
    throw error;
  }
}
