/*
 * A council's import templates: a confirmed way of reading one layout of document, named by a person
 * and suggested first when a document of the same layout comes. Pure: the names, and how close two
 * layouts are (by the mapping model's layout signature).
 */
import { layoutSimilarity, type LayoutSignature } from './import-mapping.ts';

export const templateNameMax = 120;

/** The name offered when a person saves a template: "<kind> (<file name>)". */
export function defaultTemplateName(kindName: string, fileName: string): string {
  const base = fileName.split(/[\\/]/).at(-1) ?? fileName;
  const name = `${kindName.charAt(0).toUpperCase()}${kindName.slice(1)} (${base})`;
  return name.length > templateNameMax ? `${name.slice(0, templateNameMax - 2)}…)` : name;
}

/** A stored layout signature read back, or undefined when it is not one (an older template). */
export function asLayoutSignature(value: unknown): LayoutSignature | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Partial<LayoutSignature>;
  const parts = [v.headingLevels, v.tableHeaders, v.labels, v.lists];
  return parts.every(Array.isArray) ? (v as LayoutSignature) : undefined;
}

/** Below this, a template is not suggested: a wrong template reads worse than a fresh suggestion. */
export const templateMatchThreshold = 0.6;

/** The template whose layout is closest to the document's, if it is close enough; newest wins a tie. */
export function bestTemplate<T extends { id: number; layoutSignature: unknown }>(
  templates: readonly T[],
  signature: LayoutSignature,
): { template: T; similarity: number } | null {
  let best: { template: T; similarity: number } | null = null;
  for (const template of templates) {
    const saved = asLayoutSignature(template.layoutSignature);
    if (!saved) continue;
    const similarity = layoutSimilarity(saved, signature);
    if (similarity < templateMatchThreshold) continue;
    if (
      !best ||
      similarity > best.similarity ||
      (similarity === best.similarity && template.id > best.template.id)
    )
      best = { template, similarity };
  }
  return best;
}
