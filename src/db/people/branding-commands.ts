import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { recordChange, type Actor, type Tx } from '../changes.ts';
import { checkBrandColour } from '../../domain/branding/contrast.ts';
import { councilBranding, organisations } from './schema.ts';

/* Writes to how a council's pages look, each with its history row. */

/** A brand colour that is not a hex colour, or too pale behind the header's white text. */
export class BrandColourError extends Error {
  readonly code = 'brand-colour';
}

export const logoTypes = ['image/png', 'image/svg+xml'] as const;
export type LogoType = (typeof logoTypes)[number];

const recordType = 'council-branding';

async function currentBranding(tx: Tx, organisationId: number) {
  const [org] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .for('update');
  const [row] = await tx
    .select({ brandColour: councilBranding.brandColour, logoType: councilBranding.logoType })
    .from(councilBranding)
    .where(eq(councilBranding.organisationId, organisationId));
  return { council: org?.name ?? '', brandColour: row?.brandColour ?? '', logoType: row?.logoType ?? '' };
}

async function upsert(tx: Tx, organisationId: number, values: Partial<typeof councilBranding.$inferInsert>) {
  await tx
    .insert(councilBranding)
    .values({ organisationId, ...values })
    .onConflictDoUpdate({
      target: councilBranding.organisationId,
      set: { ...values, version: sql`${councilBranding.version} + 1`, updatedAt: sql`now()` },
    });
}

/** The council's name and brand colour (blank for the service's own); the colour is checked again here. */
export async function saveBranding(
  db: Db,
  organisationId: number,
  input: { council: string; brandColour: string },
  actor: Actor,
): Promise<void> {
  let brandColour = '';
  if (input.brandColour.trim() !== '') {
    const check = checkBrandColour(input.brandColour);
    if (!check.ok) throw new BrandColourError(`The brand colour ${input.brandColour} cannot be used`);
    brandColour = check.colour;
  }
  await db.transaction(async (tx) => {
    const before = await currentBranding(tx, organisationId);
    await tx.update(organisations).set({ name: input.council }).where(eq(organisations.id, organisationId));
    await upsert(tx, organisationId, { brandColour });
    await recordChange(tx, {
      organisationId,
      recordType,
      recordId: organisationId,
      action: 'update',
      actor,
      before,
      after: { ...before, council: input.council, brandColour },
    });
  });
}

/** A new logo (already checked to be a PNG or an SVG of bounded size), or none. */
export async function saveLogo(
  db: Db,
  organisationId: number,
  logo: { bytes: Buffer; type: LogoType } | null,
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await currentBranding(tx, organisationId);
    await upsert(tx, organisationId, { logo: logo?.bytes ?? null, logoType: logo?.type ?? '' });
    await recordChange(tx, {
      organisationId,
      recordType,
      recordId: organisationId,
      action: 'update',
      actor,
      before,
      // The history names the kind of logo and its size; the image itself stays in its row.
      after: { ...before, logoType: logo?.type ?? '', logoBytes: logo?.bytes.length ?? 0 },
    });
  });
}
