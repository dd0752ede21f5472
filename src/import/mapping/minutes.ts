/** Minutes: see below (stub while splitting). */
import type { StructureBlock } from '../../domain/document-structure.ts';
import type { WalkState } from './walk-state.ts';

export function startMinutes(_w: WalkState, _blocks: readonly StructureBlock[]): void {}
