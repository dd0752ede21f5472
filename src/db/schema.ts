/*
 * One schema for both drivers (PGlite and node-postgres). Each feature's tables live in its own
 * folder (`src/db/<feature>/schema.ts`); this is all of them, for Drizzle and for the migrations.
 * Every record that people edit carries a `version` so that saving over someone else's newer change
 * is caught rather than lost.
 */
export * from './people/schema.ts';
export * from './history-schema.ts';
export * from './plan/schema.ts';
export * from './imports/schema.ts';
export * from './board/schema.ts';
export * from './measures/schema.ts';
export * from './publishing/schema.ts';
export * from './risks/schema.ts';
export * from './case-audits/schema.ts';
export * from './meetings/schema.ts';
export * from './limits/schema.ts';
export * from './inspections/schema.ts';
export * from './projects/schema.ts';
export * from './programmes/schema.ts';
