import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { councilBranding, organisations } from './schema.ts';

/* Reads of how a council's pages look. */

/** What the layouts need: the council's name, its header colour and whether it has a logo. */
export interface Branding {
  organisationId: number;
  council: string;
  /** `#rrggbb`, or blank for the service's own header colour. */
  brandColour: string;
  /** Changes whenever the branding does, so a new logo is never hidden by a cached old one. */
  version: number;
  hasLogo: boolean;
}

/**
 * One council's look, in one query; with no council given, the first council set up (whose look a
 * visitor sees before anything is published).
 */
export async function brandingOf(db: Db, organisationId: number | null): Promise<Branding | null> {
  const [row] = await db
    .select({
      organisationId: organisations.id,
      council: organisations.name,
      brandColour: councilBranding.brandColour,
      version: councilBranding.version,
      logoType: councilBranding.logoType,
    })
    .from(organisations)
    .leftJoin(councilBranding, eq(councilBranding.organisationId, organisations.id))
    .where(
      organisationId === null
        ? sql`${organisations.id} = (select min(${organisations.id}) from ${organisations})`
        : eq(organisations.id, organisationId),
    );
  if (!row) return null;
  return {
    organisationId: row.organisationId,
    council: row.council,
    brandColour: row.brandColour ?? '',
    version: row.version ?? 0,
    hasLogo: Boolean(row.logoType),
  };
}

/** The council's logo as uploaded, with the type it was checked to be. */
export async function getLogo(
  db: Db,
  organisationId: number,
): Promise<{ bytes: Buffer; type: string } | null> {
  const [row] = await db
    .select({ logo: councilBranding.logo, type: councilBranding.logoType })
    .from(councilBranding)
    .where(eq(councilBranding.organisationId, organisationId));
  return row?.logo && row.type ? { bytes: row.logo, type: row.type } : null;
}
