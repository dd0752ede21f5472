import { PublishingError } from '../../db/publishing/commands.ts';
import { FieldError } from '../forms/parse.ts';

/** Runs a command, turning a refusal about a form field into the form's error for that field. */
export async function onField<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PublishingError && error.field) throw new FieldError(error.field, error.message);
    throw error;
  }
}
