/* The shapes an extractor produces live in domain (the db writes them, the parsers make them). */
export * from '../domain/imports.ts';
