export * from './grades.ts';
export * from './quarters.ts';
export * from './reference.ts';
export * from './summary.ts';
