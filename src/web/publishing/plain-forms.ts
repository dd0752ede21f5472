/*
 * The form for a plain-language version of the plan's public text (plain-pages.ts), as a field list
 * for the shared form template (src/web/forms/record-form.njk).
 */
import { z } from 'zod';
import { parseForm } from '../forms/parse.ts';
import { text } from '../forms/validate.ts';
import type { RecordForm } from '../forms/fields.ts';

export const plainForm = (
  label: string,
): RecordForm<{ original: string }, { plain: string }, { plain: string }> => ({
  fields: ({ original }) => [
    {
      kind: 'textarea',
      name: 'plain',
      label,
      hint: `Short sentences and everyday words, for children and young people. Leave blank to show the original. The original: “${original.length > 400 ? original.slice(0, 397) + '…' : original}”`,
      rows: 5,
    },
  ],
  read: (values) => parseForm(z.object({ plain: text(label, { max: 5000 }) }), values),
  toValues: (r) => ({ plain: r.plain }),
});
