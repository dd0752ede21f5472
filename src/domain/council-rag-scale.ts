import { defaultRagScale, ragTitle, type RagStatus } from './rag-scale.ts';

/*
 * A council's RAG scale as stored: the statuses of src/domain/rag-scale.ts, each with the colour
 * charts and board packs print it in.
 */

export interface CouncilRagStatus extends RagStatus {
  /** Hex, for charts and board packs. */
  colour: string;
}

/** GOV.UK colours for the default codes; local statuses the council adds are grey until chosen. */
const defaultColours: Record<string, string> = {
  red: '#d4351c',
  amber: '#ffbf47',
  green: '#00703c',
  blue: '#1d70b8',
};

/** The default scale, coloured: what a council has until it edits its own. */
export function defaultCouncilRagScale(): CouncilRagStatus[] {
  return defaultRagScale().map((s) => ({ ...s, colour: defaultColours[s.code] ?? '#b1b4b6' }));
}

/** The scale as the board pack renderers and charts take it. */
export function packScale(scale: readonly CouncilRagStatus[]) {
  return scale.map((s) => ({ code: s.code, label: ragTitle(s), definition: s.definition, colour: s.colour }));
}
