/*
 * What a file's figures would create, grouped (measures with their breakdowns and periods, and whose
 * figures they are), so a file of fifty columns and a thousand rows can be checked on one page.
 */
import type { LoadObservation, NewMeasure } from './loads.ts';
import { observationAreaNames, type ObservationArea } from './vocabulary.ts';

export interface LoadMeasureGroup {
  name: string;
  /** Not on the scorecard yet: created by the load. */
  isNew: boolean;
  figures: number;
  /** Its breakdowns, in the file's order; the total (the measure's own figure) is not listed. */
  breakdowns: string[];
  /** Whether the file gives the measure's own figure (a total), not only breakdowns. */
  hasTotal: boolean;
  periods: string[];
}

export interface LoadAreaGroup {
  area: ObservationArea;
  name: string;
  /** How many places (councils, regions) of this kind. */
  places: number;
  figures: number;
}

export interface LoadGroups {
  measures: LoadMeasureGroup[];
  periods: string[];
  areas: LoadAreaGroup[];
}

const AREA_ORDER: ObservationArea[] = [
  'council',
  'statistical-neighbour',
  'statistical-neighbours',
  'region',
  'england',
  'local-authority',
];
const AREA_NAMES: Partial<Record<ObservationArea, string>> = {
  'statistical-neighbour': 'Statistical neighbours',
  'local-authority': 'Other councils (for rank and DfE’s neighbour model)',
};

export function groupsOf(
  observations: readonly LoadObservation[],
  created: readonly NewMeasure[],
): LoadGroups {
  const isNew = new Set(created.map((m) => m.name.toLowerCase()));
  const measures = new Map<
    string,
    LoadMeasureGroup & { breakdownSet: Set<string>; periodSet: Set<string> }
  >();
  const areas = new Map<ObservationArea, { places: Set<string>; figures: number }>();
  const periods = new Set<string>();
  for (const o of observations) {
    const key = o.measureName.toLowerCase();
    let m = measures.get(key);
    if (!m) {
      m = {
        name: o.measureName,
        isNew: isNew.has(key),
        figures: 0,
        breakdowns: [],
        hasTotal: false,
        periods: [],
        breakdownSet: new Set(),
        periodSet: new Set(),
      };
      measures.set(key, m);
    }
    m.figures++;
    const breakdown = o.breakdown ?? '';
    if (breakdown === '') m.hasTotal = true;
    else if (!m.breakdownSet.has(breakdown)) {
      m.breakdownSet.add(breakdown);
      m.breakdowns.push(breakdown);
    }
    m.periodSet.add(o.period);
    periods.add(o.period);
    const area = areas.get(o.area) ?? { places: new Set<string>(), figures: 0 };
    area.places.add(o.areaCode || o.areaName);
    area.figures++;
    areas.set(o.area, area);
  }
  return {
    measures: [...measures.values()].map(({ breakdownSet: _b, periodSet, ...m }) => ({
      ...m,
      periods: [...periodSet].sort(),
    })),
    periods: [...periods].sort(),
    areas: AREA_ORDER.filter((a) => areas.has(a)).map((a) => ({
      area: a,
      name: AREA_NAMES[a] ?? observationAreaNames[a],
      places: areas.get(a)!.places.size,
      figures: areas.get(a)!.figures,
    })),
  };
}
