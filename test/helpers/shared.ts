/*
 * Files in ../shared (the real DfE data the suite loads), read where they are and never copied into
 * the project. ../shared sits beside the checkout; a git worktree one folder further down finds it
 * one level up.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// WESAID_SHARED names the folder outright; otherwise beside the checkout, beside a worktree's, or
// where these machines keep it (a clean clone for CI may sit in a temporary folder of its own).
const candidates = [
  ...(process.env.WESAID_SHARED ? [path.resolve(process.env.WESAID_SHARED)] : []),
  path.resolve(repo, '..', 'shared'),
  path.resolve(repo, '..', '..', 'shared'),
  '/work/shared',
];

export function sharedFile(...parts: string[]): string {
  const found = candidates.map((dir) => path.join(dir, ...parts)).find((file) => existsSync(file));
  if (!found)
    throw new Error(
      `${path.join('..', 'shared', ...parts)} is not beside the checkout (set WESAID_SHARED to the shared folder)`,
    );
  return found;
}

/** DfE's 2025 statistical neighbour model. */
export const snModel2025 = () => sharedFile('corpus', 'data', 'sn_model_2025_wide.csv');
/** Placement stability for every council, 2025 (children_count, children_percent). */
export const placementStability2025 = () =>
  sharedFile('corpus', 'data', 'la_cla_placement_stability__2025_rows.csv');

/** Child protection plans that are a second or subsequent plan, every council, 2023 to 2025. */
export const subsequentPlans2023To2025 = () =>
  sharedFile('corpus', 'data', 'd3_cpps_subsequent_plan_2013_to_2025__2023-2025_rows.csv');

/** Tameside's ten neighbours in DfE's 2025 model, in the model's order (as issue 12 lists them). */
export const tamesideNeighbours2025: readonly string[] = [
  'Rotherham',
  'Gateshead',
  'Rochdale',
  'Barnsley',
  'Wakefield',
  'Dudley',
  'Telford and Wrekin',
  'Plymouth',
  'Sunderland',
  'Torbay',
];
