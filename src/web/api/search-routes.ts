import type { FastifyPluginAsync } from 'fastify';
import {
  maxSearchLength,
  readPageNumber,
  readSearchTerm,
  searchPageSize,
  searchResultTypes,
} from '../../domain/search.ts';
import { authorize } from '../auth.ts';
import { BadRequestError } from '../errors/http-errors.ts';
import { runSearch } from '../search/results.ts';

const resultSchema = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: searchResultTypes },
    id: { type: 'integer' },
    title: { type: 'string' },
    url: { type: 'string', description: 'The record’s page in Wesaid (an outcome’s is its commitment’s)' },
    snippet: {
      type: 'string',
      description: 'HTML: the record’s text escaped, with the words that matched in <mark>',
    },
    snippetText: { type: 'string', description: 'The same snippet as plain text' },
    typeName: { type: 'string', description: 'What the council calls this kind of record' },
    context: { type: 'string', description: 'Where it sits: its plan, priority, meeting or the scorecard' },
    rank: { type: 'number', description: 'How well it matched; results come best first' },
  },
} as const;

/** The same search as `/search`, within the caller's council and what their role may read. */
export const searchApiRoutes: FastifyPluginAsync = (app) => {
  app.get<{ Querystring: { q?: string; page?: string } }>(
    '/search',
    {
      schema: {
        tags: ['Search'],
        summary: `Search the council’s plan, highlight reports, risks and measures (${searchPageSize} a page)`,
        querystring: {
          type: 'object',
          properties: {
            q: {
              type: 'string',
              description: `What to look for, up to ${maxSearchLength} characters: words, "a phrase", or, -not`,
            },
            page: { type: 'string', pattern: '^[1-9][0-9]{0,5}$' },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              items: { type: 'array', items: resultSchema },
              total: { type: 'integer', description: 'How many results there are on all pages' },
              page: { type: 'integer' },
              pageSize: { type: 'integer' },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const user = authorize(request, reply, 'read', { type: 'plan' });
      const term = readSearchTerm(request.query.q);
      if (term.kind === 'empty') throw new BadRequestError('Enter something to search for in q');
      if (term.kind === 'too-long') throw new BadRequestError(`${term.message} (q)`);
      const page = readPageNumber(request.query.page);
      const results = await runSearch(app, user, term.text, page);
      return { items: results.items, total: results.total, page, pageSize: searchPageSize };
    },
  );
  return Promise.resolve();
};
