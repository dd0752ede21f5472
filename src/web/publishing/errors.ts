import { PublishingError } from '../../db/publishing/commands.ts';
import type { FastifyRequest } from 'fastify';
import { parseId } from '../errors/http-errors.ts';
import { FieldError, isRecord } from '../forms/parse.ts';

/** Runs a command, turning a refusal about a form field into the form's error for that field. */
export async function onField<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PublishingError && error.field) throw new FieldError(error.field, error.message);
    throw error;
  }
}

/**
 * A numeric route parameter, or Not found: for the shared record routes (createRoute, editRoute),
 * whose requests do not type their parameters. Routes registered here type theirs by RouteParams.
 */
export function idParam(request: FastifyRequest, what: string, name: string): number {
  const params: unknown = request.params;
  return parseId(isRecord(params) ? params[name] : undefined, what);
}
