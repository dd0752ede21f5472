import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemActor } from '../domain/changes.ts';
import type { Db } from '../db/client.ts';
import {
  addObservations,
  applyLoad,
  createMeasure,
  linkMeasureToPriority,
  setComparators,
  updateMeasure,
} from '../db/measures/commands.ts';
import { findMeasureByName, latestPriorityNumbered } from '../db/measures/queries.ts';
import { readObservationFile } from '../import/observations/read.ts';

/*
 * The scorecard's demo: definitions and targets for the measures the seed documents state, the
 * figures the 2024 highlight report quotes, and the DfE children looked after extract with
 * Tameside's comparators. Runs after the seed documents are imported (they bring the scrutiny
 * panel's figures: contacts, open cases, child protection, cared for children, care leavers).
 */

const dataFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');
export const demoDfeFile = path.join(dataFolder, 'dfe_cla_number_rate_per_10k_2020_2022.csv');

const actor = systemActor('Demo data');

/** The measures the 2024 highlight report brings; the earlier plans' publications leave them out. */
export const demoMeasureNames2024 = [
  'Cared for children seen within timescales',
  'Cared for children seen within the last 12 weeks',
];

// Councils that appear in the extract beside Tameside, standing in for its statistical neighbours.
const NEIGHBOURS = [
  'E08000001',
  'E08000002',
  'E08000004',
  'E08000005',
  'E08000006',
  'E08000007',
  'E08000010',
  'E08000013',
  'E08000016',
  'E08000024',
];

/** What the imported scrutiny measures mean, so their page explains them. */
const DEFINITIONS: Record<string, { definition: string; sourceSystem: string; rolling12Months?: boolean }> = {
  contacts: {
    definition:
      'Contacts received by children’s social care in the 12 months to the month shown (the figure is already a rolling 12-month count).',
    sourceSystem: 'Liquidlogic (LCS)',
    rolling12Months: false,
  },
  'open cases': {
    definition: 'Children open to children’s social care at the end of the month.',
    sourceSystem: 'Liquidlogic (LCS)',
  },
  'children subject to child protection': {
    definition: 'Children subject to a child protection plan at the end of the month.',
    sourceSystem: 'Liquidlogic (LCS)',
  },
  'cared for children': {
    definition: 'Children looked after by the council at the end of the month.',
    sourceSystem: 'Liquidlogic (LCS)',
  },
  'care leavers': {
    definition: 'Young people the council supports as care leavers at the end of the month.',
    sourceSystem: 'Liquidlogic (LCS)',
  },
};

async function link(db: Db, organisationId: number, measureId: number, priorityId: number | null) {
  if (priorityId === null) return;
  await linkMeasureToPriority(db, organisationId, measureId, priorityId, actor);
}

export async function loadDemoMeasures(db: Db, organisationId: number): Promise<void> {
  await setComparators(
    db,
    organisationId,
    {
      laCode: 'E08000008',
      oldLaCode: '357',
      laName: 'Tameside',
      regionName: 'North West',
      neighbourCodes: NEIGHBOURS,
    },
    actor,
  );

  for (const [name, extra] of Object.entries(DEFINITIONS)) {
    const row = await findMeasureByName(db, organisationId, name);
    if (row) await updateMeasure(db, organisationId, row.id, row.version, extra, actor);
  }

  // Seed 001: "83% of CFC ... seen within timescales ... below the target of 90% and ... from 87% last month".
  const statement =
    'July performance scorecard identifies that 83% of CFC in the CFC service have been seen within timescales, and 95% within the last 12 weeks according to CHAT data (27.08.24). This is below the target of 90% and is a reduction from 87% last month.';
  const seen = await createMeasure(
    db,
    organisationId,
    {
      name: 'Cared for children seen within timescales',
      definition: 'Cared for children in the CFC service whose statutory visit happened within timescales.',
      numeratorDescription: 'Cared for children seen within timescales',
      denominatorDescription: 'Cared for children in the CFC service',
      unit: 'percentage',
      polarity: 'higher-is-better',
      frequency: 'monthly',
      sourceSystem: 'CHAT',
      owner: 'Head of Service, Cared for Children',
      target: 90,
      toleranceKind: 'relative',
      toleranceAmber: 10,
    },
    actor,
  );
  const twelveWeeks = await createMeasure(
    db,
    organisationId,
    {
      name: 'Cared for children seen within the last 12 weeks',
      definition:
        'Cared for children in the CFC service seen by their social worker within the last 12 weeks.',
      unit: 'percentage',
      polarity: 'higher-is-better',
      frequency: 'monthly',
      sourceSystem: 'CHAT',
      owner: 'Head of Service, Cared for Children',
    },
    actor,
  );
  await addObservations(db, seen.id, [
    { period: '2024-06', value: 87, note: statement },
    { period: '2024-07', value: 83, note: statement },
  ]);
  await addObservations(db, twelveWeeks.id, [{ period: '2024-07', value: 95, note: statement }]);
  const qualityOfPractice = await latestPriorityNumbered(db, organisationId, 1);
  await link(db, organisationId, seen.id, qualityOfPractice);
  await link(db, organisationId, twelveWeeks.id, qualityOfPractice);

  await applyLoad(db, {
    organisationId,
    fileName: path.basename(demoDfeFile),
    bytes: readFileSync(demoDfeFile),
    actor,
    read: (context) => readObservationFile(readFileSync(demoDfeFile), path.basename(demoDfeFile), context),
  });
  const permanence = await latestPriorityNumbered(db, organisationId, 3);
  for (const name of [
    'Children looked after at 31 March each year',
    'Children looked after at 31 March each year per 10,000',
    'Cared for children',
    'Care leavers',
  ]) {
    const row = await findMeasureByName(db, organisationId, name);
    if (row) await link(db, organisationId, row.id, permanence);
  }
  for (const name of ['Open cases', 'Children subject to child protection', 'Contacts']) {
    const row = await findMeasureByName(db, organisationId, name);
    if (row) await link(db, organisationId, row.id, qualityOfPractice);
  }
}
