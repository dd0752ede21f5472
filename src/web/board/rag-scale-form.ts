import type { CouncilRagStatus } from '../../db/board/queries.ts';
import { validateRagScale } from '../../domain/rag-scale.ts';
import { FormReader } from '../forms/reader.ts';
import type { FormErrors } from '../forms/parse.ts';
import type { FormValues } from '../forms/fields.ts';

export const fieldsOf = (code: string) => ({
  label: `label-${code}`,
  meaning: `meaning-${code}`,
  definition: `definition-${code}`,
});

export function readRagScale(
  values: FormValues,
  scale: CouncilRagStatus[],
): { ok: true; data: CouncilRagStatus[] } | { ok: false; errors: FormErrors } {
  const form = new FormReader(values);
  const next = scale.map((s) => {
    const f = fieldsOf(s.code);
    return {
      ...s,
      label: form.text(f.label, {
        label: 'Name',
        max: 60,
        required: `Enter a name for the status ${s.label}`,
      }),
      meaning: form.text(f.meaning, { label: 'Short meaning', max: 60 }),
      definition: form.text(f.definition, {
        label: 'Definition',
        max: 2000,
        required: `Enter a definition for ${s.label}`,
      }),
    };
  });
  const newLabel = form.text('newLabel', { label: 'Name of the new status', max: 60 });
  const newDefinition = form.text('newDefinition', { label: 'Definition of the new status', max: 2000 });
  if (newLabel !== '' || newDefinition !== '') {
    const code = newLabel
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    if (newLabel === '' || code === '')
      form.problem('newLabel', 'Enter a name for the new status, using letters or numbers');
    else if (newDefinition === '') form.problem('newDefinition', 'Enter a definition for the new status');
    else
      next.push({
        code,
        label: newLabel,
        meaning: '',
        definition: newDefinition,
        rank: null,
        stance: 'local',
        colour: '#b1b4b6',
        colourClass: 'govuk-tag--grey',
      });
  }
  const problems = validateRagScale(next);
  if (problems.length) form.problem('newLabel', problems[0]!);
  return form.result(next);
}
