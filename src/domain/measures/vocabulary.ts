/*
 * The scorecard's vocabulary, shared by the schema (column enums), the loaders that read files of
 * figures and the pages that name them.
 */
import { frequencies, polarities, units } from './types.ts';

export const measureUnits = units;
export const measurePolarities = polarities;
export const measureFrequencies = frequencies;

/**
 * Whose figure an observation is. 'statistical-neighbour' is one neighbouring council's own figure
 * (its code in `areaCode`); the neighbours' average is worked out from those when it is shown, so a
 * revised neighbour figure revises the average too. 'local-authority' is any other council's figure
 * from a DfE file that lists them all: the neighbours a model names are found among them, and the
 * council's rank among all councils is read from them.
 */
export const observationAreas = [
  'council',
  'statistical-neighbours',
  'statistical-neighbour',
  'region',
  'england',
  'local-authority',
] as const;
export type ObservationArea = (typeof observationAreas)[number];

/** How the pages name each area. */
export const observationAreaNames: Record<ObservationArea, string> = {
  council: 'Council',
  'statistical-neighbours': 'Statistical neighbours average',
  'statistical-neighbour': 'Statistical neighbour',
  region: 'Region',
  england: 'England',
  'local-authority': 'Council',
};
