/*
 * One schema for both drivers (PGlite and node-postgres). Each feature's tables live in a file of
 * their own; this is all of them, for Drizzle and for the migrations.
 * Every record that people edit carries a `version` so that saving over someone else's newer change
 * is caught rather than lost.
 */
export * from './schema-core.ts';
export * from './schema-board.ts';
export * from './schema-measures.ts';
export * from './schema-publishing.ts';
