export * from './frameworks.ts';
export * from './kinds.ts';
export * from './focus.ts';
export * from './load.ts';
export * from './letter-opening.ts';
