/*
 * Targets that change over time, typed one per line so the form needs no script:
 *   2024-04 90                          90 from April 2024
 *   2024-Q1 50 +20% a quarter            a trajectory: 50 in the first quarter of 2024, up 20% each quarter
 *   2024-04 12 -1 a month until 6        down 1 each month, no lower than 6
 */
import { isPeriod, type Frequency, type TargetStep } from '../../domain/measures/index.ts';

const EVERY: Record<string, 'month' | 'quarter' | 'year'> = {
  month: 'month',
  quarter: 'quarter',
  year: 'year',
};
const LINE =
  /^(\S+)\s+(-?\d+(?:\.\d+)?)(?:\s+([+-]\d+(?:\.\d+)?)(%?)\s+(?:a|each|every)\s+(month|quarter|year)(?:\s+until\s+(-?\d+(?:\.\d+)?))?)?$/i;

export type TargetsResult = { ok: true; targets: TargetStep[] } | { ok: false; message: string };

export function readTargets(text: string, frequency: Frequency): TargetsResult {
  const targets: TargetStep[] = [];
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  for (const [i, line] of lines.entries()) {
    const match = LINE.exec(line);
    if (!match)
      return {
        ok: false,
        message: `Line ${i + 1} of targets over time must be a period and a target, such as “2024-04 90” or “2024-04 50 +20% a quarter”`,
      };
    const [, from, value, change, percent, every, limit] = match;
    if (!isPeriod(from!, frequency))
      return {
        ok: false,
        message: `Line ${i + 1} of targets over time must start with a ${frequency === 'monthly' ? 'month such as 2024-04' : frequency === 'quarterly' ? 'quarter such as 2024-Q1' : 'year such as 2024'}`,
      };
    if (change === undefined) {
      targets.push({ from: from!, target: Number(value) });
      continue;
    }
    const step: TargetStep = {
      from: from!,
      baseline: Number(value),
      change: Number(change),
      changeKind: percent ? 'percent' : 'absolute',
      every: EVERY[every!.toLowerCase()]!,
    };
    if (limit !== undefined) step.limit = Number(limit);
    targets.push(step);
  }
  return { ok: true, targets };
}

export function targetsText(targets: readonly TargetStep[]): string {
  return targets
    .map((t) => {
      if ('target' in t) return `${t.from} ${t.target}`;
      const sign = t.change >= 0 ? '+' : '';
      return `${t.from} ${t.baseline} ${sign}${t.change}${t.changeKind === 'percent' ? '%' : ''} a ${t.every}${t.limit !== undefined ? ` until ${t.limit}` : ''}`;
    })
    .join('\n');
}
