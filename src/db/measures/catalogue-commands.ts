/*
 * Keeping DfE's dashboard indicators for a council and adopting one as a measure. Internal:
 * re-exported by commands.ts.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { CatalogueIndicator } from '../../domain/measures/indicator-catalogue.ts';
import { insertRecord, recordChange, updateRecord, type Actor, type Tx } from '../changes.ts';
import type { Db } from '../client.ts';
import { getCatalogueIndicator } from './catalogue-reads.ts';
import type { MeasureRow } from './series.ts';
import { catalogueIndicators, measures } from './schema.ts';

/**
 * The list as loaded, inside the load's transaction: each indicator added or brought up to date by
 * its code. An indicator DfE no longer lists is kept, as a measure may have been adopted from it.
 */
export async function writeCatalogue(
  tx: Tx,
  organisationId: number,
  dataLoadId: number,
  indicators: readonly CatalogueIndicator[],
  actor: Actor,
): Promise<void> {
  for (const i of indicators) {
    const values = {
      source: i.source,
      sortOrder: i.sortOrder,
      outcome: i.outcome,
      theme: i.theme,
      name: i.name,
      datasetName: i.datasetName,
      valueColumn: i.valueColumn,
      filters: i.filters,
      unit: i.unit,
      polarity: i.polarity,
      dataLoadId,
    };
    await tx
      .insert(catalogueIndicators)
      .values({ organisationId, code: i.code, ...values })
      .onConflictDoUpdate({
        target: [catalogueIndicators.organisationId, catalogueIndicators.code],
        set: { ...values, updatedAt: sql`now()` },
      });
  }
  await recordChange(tx, {
    organisationId,
    recordType: 'indicator-catalogue',
    recordId: dataLoadId,
    action: 'import',
    actor,
    before: null,
    after: { indicators: indicators.length, source: indicators[0]?.source ?? 'dfe-dashboard' },
  });
}

export type AdoptResult =
  { outcome: 'created' | 'linked' | 'already'; measure: MeasureRow } | { outcome: 'not-found' };

/** How the measure describes where it came from. */
function definitionOf(i: typeof catalogueIndicators.$inferSelect): string {
  const filters = Object.entries(i.filters)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return `DfE children’s social care dashboard${i.theme ? `, ${i.theme}` : ''}: ${i.datasetName} ${i.valueColumn}${filters ? ` (${filters})` : ''}`;
}

/**
 * Adopts an indicator as a measure in one step: its name, unit, polarity and outcome from the
 * catalogue, with the indicator's code recorded so DfE files carrying it fill it. A measure of the
 * same name the council already has is linked instead of a second being made; an indicator already
 * adopted gives its measure.
 */
export async function adoptIndicator(
  db: Db,
  organisationId: number,
  indicatorId: number,
  actor: Actor,
): Promise<AdoptResult> {
  const indicator = await getCatalogueIndicator(db, organisationId, indicatorId);
  if (!indicator) return { outcome: 'not-found' };
  const [adopted] = await db
    .select()
    .from(measures)
    .where(and(eq(measures.organisationId, organisationId), eq(measures.catalogueCode, indicator.code)));
  if (adopted) return { outcome: 'already', measure: adopted };
  const [named] = await db
    .select()
    .from(measures)
    .where(
      and(
        eq(measures.organisationId, organisationId),
        sql`lower(${measures.name}) = lower(${indicator.name})`,
      ),
    );
  if (named) {
    const saved = await updateRecord(
      db,
      measures,
      'measure',
      organisationId,
      named.id,
      named.version,
      { catalogueCode: indicator.code, frameworkOutcome: named.frameworkOutcome ?? indicator.outcome },
      actor,
    );
    if (saved.ok) return { outcome: 'linked', measure: saved.record };
    return adoptIndicator(db, organisationId, indicatorId, actor);
  }
  const measure = await insertRecord(
    db,
    measures,
    'measure',
    organisationId,
    {
      organisationId,
      name: indicator.name,
      definition: definitionOf(indicator),
      unit: indicator.unit,
      polarity: indicator.polarity,
      frequency: 'annual',
      sourceSystem: 'DfE',
      frameworkOutcome: indicator.outcome,
      catalogueCode: indicator.code,
    },
    actor,
  );
  return { outcome: 'created', measure };
}
