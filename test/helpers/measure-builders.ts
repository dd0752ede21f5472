/* Builders for scorecard tests: a council's measure with figures, linked to a priority. Fixed dates. */
import { systemActor } from '../../src/db/changes.ts';
import type { Db } from '../../src/db/client.ts';
import {
  addObservations,
  createMeasure,
  setMeasurePriorities,
  type MeasureInput,
} from '../../src/db/measures/commands.ts';

const actor = systemActor('Test');

export async function buildMeasure(
  db: Db,
  organisationId: number,
  overrides: Partial<MeasureInput> = {},
  figures: { period: string; value: number | null; suppression?: string; area?: string }[] = [],
  priorityIds: number[] = [],
) {
  const measure = await createMeasure(
    db,
    organisationId,
    {
      name: 'Cared for children seen within timescales',
      unit: 'percentage',
      polarity: 'higher-is-better',
      frequency: 'monthly',
      target: 90,
      ...overrides,
    },
    actor,
  );
  await addObservations(db, measure.id, figures);
  if (priorityIds.length > 0) await setMeasurePriorities(db, organisationId, measure.id, priorityIds, actor);
  return measure;
}

/** Posts a file as a browser would: multipart, with the CSRF token as a field. */
export function multipart(csrfToken: string, fieldName: string, fileName: string, bytes: Buffer) {
  const boundary = '----wesaid-scorecard-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfToken}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${fieldName}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}
