// A route that reaches past its feature's queries and commands: the boundary rule must refuse it.
import { plans } from '../../db/schema.ts';
import { updateRecord } from '../../db/changes.ts';

export const reachesPastTheBoundary = [plans, updateRecord];
