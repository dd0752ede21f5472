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

/** A numeric route parameter (`:id` unless named), or Not found. Read without a cast, for the shared record routes. */
export function idParam(request: FastifyRequest, what: string, name = 'id'): number {
  const params: unknown = request.params;
  return parseId(isRecord(params) ? params[name] : undefined, what);
}
