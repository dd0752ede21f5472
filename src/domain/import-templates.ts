/*
 * A council's import templates: a confirmed way of reading one layout of document, named by a person
 * and suggested first when a document of the same layout comes. Pure: the names, and how close two
 * layouts are.
 */

export const templateNameMax = 120;

/** The name offered when a person saves a template: "<kind> (<file name>)". */
export function defaultTemplateName(kindName: string, fileName: string): string {
  const base = fileName.split(/[\\/]/).at(-1) ?? fileName;
  const name = `${kindName.charAt(0).toUpperCase()}${kindName.slice(1)} (${base})`;
  return name.length > templateNameMax ? `${name.slice(0, templateNameMax - 2)}…)` : name;
}

/**
 * The features a layout signature is compared by. A signature is what the mapping model makes of a
 * document's structure (src/domain/import-mapping.ts); whatever its shape, its leaves are the features.
 */
export function signatureFeatures(signature: unknown): Set<string> {
  const features = new Set<string>();
  const walk = (value: unknown, at: string) => {
    if (Array.isArray(value)) for (const item of value) walk(item, at);
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) walk(inner, at ? `${at}.${key}` : key);
    else if (value !== null && value !== undefined && value !== '') features.add(`${at}=${String(value)}`);
  };
  walk(signature, '');
  return features;
}

/** 0 to 1: how alike two layouts are (the share of their features they have in common). */
export function layoutSimilarity(a: unknown, b: unknown): number {
  const x = signatureFeatures(a);
  const y = signatureFeatures(b);
  if (x.size === 0 && y.size === 0) return 0;
  let shared = 0;
  for (const feature of x) if (y.has(feature)) shared += 1;
  return shared / (x.size + y.size - shared);
}

/** Below this, a template is not suggested: a wrong template reads worse than a fresh suggestion. */
export const templateMatchThreshold = 0.6;

/** The template whose layout is closest to the document's, if it is close enough; newest wins a tie. */
export function bestTemplate<T extends { id: number; layoutSignature: unknown }>(
  templates: readonly T[],
  signature: unknown,
): { template: T; similarity: number } | null {
  let best: { template: T; similarity: number } | null = null;
  for (const template of templates) {
    const similarity = layoutSimilarity(template.layoutSignature, signature);
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
