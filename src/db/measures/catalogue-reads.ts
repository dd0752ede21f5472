/*
 * Reading the council's catalogue of DfE dashboard indicators, with the measure adopted from each.
 * Internal: re-exported by queries.ts.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { CatalogueEntry } from '../../domain/measures/loads.ts';
import type { FrameworkOutcome } from '../../domain/national-framework.ts';
import type { DbOrTx } from '../changes.ts';
import { catalogueIndicators, measures } from './schema.ts';

export type CatalogueIndicatorRow = typeof catalogueIndicators.$inferSelect;

export interface CatalogueListRow extends CatalogueIndicatorRow {
  /** The measure adopted from it; null while none has been. */
  measureId: number | null;
  measureName: string | null;
}

/** The catalogue in the dashboard's order, optionally one outcome or enabler's indicators. */
export async function listCatalogue(
  db: DbOrTx,
  organisationId: number,
  outcome?: FrameworkOutcome,
): Promise<CatalogueListRow[]> {
  return db
    .select({
      ...catalogueColumns,
      measureId: measures.id,
      measureName: measures.name,
    })
    .from(catalogueIndicators)
    .leftJoin(
      measures,
      and(
        eq(measures.organisationId, catalogueIndicators.organisationId),
        eq(measures.catalogueCode, catalogueIndicators.code),
      ),
    )
    .where(
      and(
        eq(catalogueIndicators.organisationId, organisationId),
        outcome ? eq(catalogueIndicators.outcome, outcome) : undefined,
      ),
    )
    .orderBy(asc(catalogueIndicators.sortOrder), asc(catalogueIndicators.id));
}

const catalogueColumns = {
  id: catalogueIndicators.id,
  organisationId: catalogueIndicators.organisationId,
  code: catalogueIndicators.code,
  source: catalogueIndicators.source,
  sortOrder: catalogueIndicators.sortOrder,
  outcome: catalogueIndicators.outcome,
  theme: catalogueIndicators.theme,
  name: catalogueIndicators.name,
  datasetName: catalogueIndicators.datasetName,
  valueColumn: catalogueIndicators.valueColumn,
  filters: catalogueIndicators.filters,
  unit: catalogueIndicators.unit,
  polarity: catalogueIndicators.polarity,
  dataLoadId: catalogueIndicators.dataLoadId,
  createdAt: catalogueIndicators.createdAt,
  updatedAt: catalogueIndicators.updatedAt,
};

/** One indicator of the council's catalogue; another council's id is not found. */
export async function getCatalogueIndicator(
  db: DbOrTx,
  organisationId: number,
  indicatorId: number,
): Promise<CatalogueIndicatorRow | null> {
  const [row] = await db
    .select()
    .from(catalogueIndicators)
    .where(
      and(eq(catalogueIndicators.id, indicatorId), eq(catalogueIndicators.organisationId, organisationId)),
    );
  return row ?? null;
}

/**
 * What a DfE file reader is given (LoadContext.catalogue): each indicator's column and filters with
 * the measure adopted from it, so that `findCatalogueIndicator` names the measure a column fills.
 */
export async function catalogueEntries(db: DbOrTx, organisationId: number): Promise<CatalogueEntry[]> {
  const rows = await listCatalogue(db, organisationId);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    valueColumn: r.valueColumn,
    filters: r.filters,
    outcome: r.outcome,
    measureName: r.measureName,
  }));
}

/** How many indicators the council's catalogue holds (nothing loaded yet: 0). */
export async function catalogueSize(db: DbOrTx, organisationId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(catalogueIndicators)
    .where(eq(catalogueIndicators.organisationId, organisationId));
  return row?.n ?? 0;
}
