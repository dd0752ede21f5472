/*
 * The National Framework tag as a form field: a select of the four outcomes and three enablers,
 * with None allowed. Priorities, improvement areas, commitments and measures share it.
 */
import { z } from 'zod';
import {
  frameworkOutcomeLabel,
  frameworkOutcomes,
  isFrameworkOutcome,
  type FrameworkTag,
} from '../../domain/national-framework.ts';
import type { FieldSpec } from './fields.ts';
import { refuse } from './validate.ts';

export function frameworkOutcomeField(hint?: string): FieldSpec {
  return {
    kind: 'select',
    name: 'frameworkOutcome',
    label: 'National Framework outcome or enabler (optional)',
    ...(hint ? { hint } : {}),
    items: [
      { value: '', text: 'None' },
      ...frameworkOutcomes.map((o) => ({ value: o, text: frameworkOutcomeLabel(o) })),
    ],
  };
}

/** The chosen tag; blank (or a form from before tags) is none, anything not offered is refused. */
export const frameworkOutcomeValue = () =>
  z.unknown().transform((raw, ctx): FrameworkTag => {
    const value = typeof raw === 'string' ? raw : '';
    if (value === '') return null;
    if (!isFrameworkOutcome(value)) {
      refuse(ctx, 'Select an outcome or enabler from the list');
      return null;
    }
    return value;
  });

export const frameworkOutcomeFormValue = (tag: FrameworkTag | undefined): string => tag ?? '';
