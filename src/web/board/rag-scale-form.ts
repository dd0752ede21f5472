import { z } from 'zod';
import type { CouncilRagStatus } from '../../db/board/queries.ts';
import { validateRagScale } from '../../domain/rag-scale.ts';
import { parseForm, type FormResult } from '../forms/parse.ts';
import type { FormValues } from '../forms/fields.ts';
import { problem, text } from '../forms/validate.ts';

/*
 * The RAG scale form: three boxes for each status, named by its code, and two for one new local
 * status. The scale's own rules (names and ranks used once) are checked on the scale as typed.
 */

export const fieldsOf = (code: string) => ({
  label: `label-${code}`,
  meaning: `meaning-${code}`,
  definition: `definition-${code}`,
});

/** A new status's code, from its name: "Not started" is `not-started`. */
const codeOf = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The scale as typed: each status's words, then the new status when it has a name and a definition. */
function typedScale(scale: readonly CouncilRagStatus[], typed: Record<string, string>): CouncilRagStatus[] {
  const next = scale.map((s) => {
    const f = fieldsOf(s.code);
    return { ...s, label: typed[f.label]!, meaning: typed[f.meaning]!, definition: typed[f.definition]! };
  });
  const label = typed.newLabel!;
  const definition = typed.newDefinition!;
  const code = codeOf(label);
  if (code !== '' && definition !== '')
    next.push({
      code,
      label,
      meaning: '',
      definition,
      rank: null,
      stance: 'local',
      colour: '#b1b4b6',
      colourClass: 'govuk-tag--grey',
    });
  return next;
}

export function readRagScale(values: FormValues, scale: CouncilRagStatus[]): FormResult<CouncilRagStatus[]> {
  const schema = z
    .object({
      ...Object.fromEntries(
        scale.flatMap((s) => {
          const f = fieldsOf(s.code);
          return [
            [f.label, text('Name', { max: 60, required: `Enter a name for the status ${s.label}` })],
            [f.meaning, text('Short meaning', { max: 60 })],
            [f.definition, text('Definition', { max: 2000, required: `Enter a definition for ${s.label}` })],
          ];
        }),
      ),
      newLabel: text('Name of the new status', { max: 60 }),
      newDefinition: text('Definition of the new status', { max: 2000 }),
    })
    .superRefine((typed, ctx) => {
      const { newLabel, newDefinition } = typed;
      if (newLabel !== '' || newDefinition !== '') {
        if (codeOf(newLabel) === '')
          problem(ctx, 'newLabel', 'Enter a name for the new status, using letters or numbers');
        else if (newDefinition === '') problem(ctx, 'newDefinition', 'Enter a definition for the new status');
      }
      const problems = validateRagScale(typedScale(scale, typed));
      if (problems.length) problem(ctx, 'newLabel', problems[0]!);
    });
  const result = parseForm(schema, values);
  return result.ok ? { ok: true, data: typedScale(scale, result.data) } : result;
}
