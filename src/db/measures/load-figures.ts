/*
 * Writing a load's figures: a new figure is inserted; one that differs from the figure held is
 * revised, the old figure kept in `observation_revisions` so nothing is lost.
 */
import { inArray, sql } from 'drizzle-orm';
import type { LoadObservation } from '../../domain/measures/loads.ts';
import type { Tx } from '../changes.ts';
import { observationRevisions, observations } from './schema.ts';

/*
 * Writes go in as arrays (`unnest`), a few statements per ten thousand rows rather than one
 * parameter per cell, which keeps a million-figure load within sight of COPY.
 */
const CHUNK = 10_000;

type Key = string;
const keyOf = (
  measureId: number,
  o: { breakdown?: string; period: string; area: string; areaCode: string },
): Key => `${measureId}|${o.breakdown ?? ''}|${o.period}|${o.area}|${o.areaCode}`;

interface Held {
  id: number;
  value: number | null;
  suppression: string | null;
  numerator: number | null;
  denominator: number | null;
  dataLoadId: number | null;
}

interface Figure {
  value: number | null;
  suppression: string | null;
  numerator: number | null;
  denominator: number | null;
}

const sameFigure = (a: Held, b: Figure) =>
  a.value === b.value &&
  a.suppression === b.suppression &&
  a.numerator === b.numerator &&
  a.denominator === b.denominator;

const array = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

async function heldFigures(tx: Tx, measureIds: readonly number[]): Promise<Map<Key, Held>> {
  const rows = await tx
    .select({
      id: observations.id,
      measureId: observations.measureId,
      breakdown: observations.breakdown,
      period: observations.period,
      area: observations.area,
      areaCode: observations.areaCode,
      value: observations.value,
      suppression: observations.suppression,
      numerator: observations.numerator,
      denominator: observations.denominator,
      dataLoadId: observations.dataLoadId,
    })
    .from(observations)
    .where(inArray(observations.measureId, [...measureIds]));
  return new Map(rows.map((row) => [keyOf(row.measureId, row), row]));
}

async function insertNew(
  tx: Tx,
  loadId: number,
  rows: { measureId: number; o: LoadObservation; figure: Figure }[],
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await tx.execute(sql`
      insert into ${observations} (measure_id, period, area, area_code, area_name, old_area_code, value, suppression, numerator, denominator, note, breakdown, data_load_id)
      select m, p, a, c, n, oc, v, s, nu, de, no, b, ${loadId}::int
      from unnest(${array(
        chunk.map((r) => r.measureId),
        'int',
      )}, ${array(
        chunk.map((r) => r.o.period),
        'text',
      )}, ${array(
        chunk.map((r) => r.o.area),
        'text',
      )},
                  ${array(
                    chunk.map((r) => r.o.areaCode),
                    'text',
                  )}, ${array(
                    chunk.map((r) => r.o.areaName),
                    'text',
                  )}, ${array(
                    chunk.map((r) => r.o.oldAreaCode ?? ''),
                    'text',
                  )}, ${array(
                    chunk.map((r) => r.figure.value),
                    'float8',
                  )},
                  ${array(
                    chunk.map((r) => r.figure.suppression),
                    'text',
                  )}, ${array(
                    chunk.map((r) => r.figure.numerator),
                    'float8',
                  )}, ${array(
                    chunk.map((r) => r.figure.denominator),
                    'float8',
                  )},
                  ${array(
                    chunk.map((r) => r.o.note ?? ''),
                    'text',
                  )}, ${array(
                    chunk.map((r) => r.o.breakdown ?? ''),
                    'text',
                  )}) as u(m, p, a, c, n, oc, v, s, nu, de, no, b)`);
  }
}

async function revise(tx: Tx, loadId: number, rows: { held: Held; figure: Figure }[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await tx.execute(sql`
      insert into ${observationRevisions} (observation_id, value, suppression, numerator, denominator, data_load_id, revised_by_load_id)
      select i, v, s, nu, de, l, ${loadId}::int
      from unnest(${array(
        chunk.map((r) => r.held.id),
        'int',
      )}, ${array(
        chunk.map((r) => r.held.value),
        'float8',
      )}, ${array(
        chunk.map((r) => r.held.suppression),
        'text',
      )},
                  ${array(
                    chunk.map((r) => r.held.numerator),
                    'float8',
                  )}, ${array(
                    chunk.map((r) => r.held.denominator),
                    'float8',
                  )}, ${array(
                    chunk.map((r) => r.held.dataLoadId),
                    'int',
                  )}) as u(i, v, s, nu, de, l)`);
    await tx.execute(sql`
      update ${observations} o set value = u.v, suppression = u.s, numerator = u.nu, denominator = u.de, data_load_id = ${loadId}::int, updated_at = now()
      from unnest(${array(
        chunk.map((r) => r.held.id),
        'int',
      )}, ${array(
        chunk.map((r) => r.figure.value),
        'float8',
      )}, ${array(
        chunk.map((r) => r.figure.suppression),
        'text',
      )},
                  ${array(
                    chunk.map((r) => r.figure.numerator),
                    'float8',
                  )}, ${array(
                    chunk.map((r) => r.figure.denominator),
                    'float8',
                  )}) as u(i, v, s, nu, de)
      where o.id = u.i`);
  }
}

export async function writeFigures(
  tx: Tx,
  loadId: number,
  ids: ReadonlyMap<string, number>,
  incoming: readonly LoadObservation[],
) {
  const held = await heldFigures(tx, [
    ...new Set(incoming.map((o) => ids.get(o.measureName.toLowerCase())!)),
  ]);
  const fresh: { measureId: number; o: LoadObservation; figure: Figure }[] = [];
  const changed: { held: Held; figure: Figure }[] = [];
  let unchanged = 0;
  for (const o of incoming) {
    const measureId = ids.get(o.measureName.toLowerCase())!;
    const figure: Figure = {
      value: o.value,
      suppression: o.suppression ?? null,
      numerator: o.numerator ?? null,
      denominator: o.denominator ?? null,
    };
    const current = held.get(keyOf(measureId, o));
    if (!current) fresh.push({ measureId, o, figure });
    else if (sameFigure(current, figure)) unchanged++;
    else changed.push({ held: current, figure });
  }
  await insertNew(tx, loadId, fresh);
  await revise(tx, loadId, changed);
  return { written: fresh.length, revised: changed.length, unchanged };
}
