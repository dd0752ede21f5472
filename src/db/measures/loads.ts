/*
 * Loading files of figures: preview (read and checked, nothing written), then load all or nothing.
 * The same content loads once per council (a second load changes nothing); a figure that differs
 * from the one held is revised and the old figure kept in `observation_revisions`.
 */
// The parts live beside this file; importers keep this one path.
export { applyLoad, revisionsOf } from './load-apply.ts';
export {
  discardLoad,
  findLoad,
  findLoadedByHash,
  listLoads,
  loadContext,
  readLoad,
  savePendingLoad,
  setComparators,
} from './load-preview.ts';
export {
  contentHashOf,
  LoadRefusedError,
  reportOf,
  type DataLoad,
  type LoadReport,
  type LoadResult,
} from './load-types.ts';
