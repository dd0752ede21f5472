import type { FastifyInstance } from 'fastify';
import { kept } from './kept-pages.ts';
import { Feed } from 'feed';
import { currentPublications, listPublishedQuarters } from '../../db/publishing/queries.ts';
import { formatDate } from '../../domain/format.ts';
import { paths } from '../paths.ts';
import {
  measureColumns,
  measuresCsv,
  planJson,
  planJsonFields,
  progressColumns,
  progressCsv,
} from './open-data.ts';
import { keptPage, latestFor, publicSite } from './site.ts';

/** Open data at stable addresses, its documentation, and the Atom feed of publications. */
export function publicDataRoutes(app: FastifyInstance): void {
  // Absolute links for the feed and JSON: the configured public address, so a proxy cannot change them.
  const absolute = (path: string) => new URL(path, app.config.PUBLIC_URL).toString();
  const csv = 'text/csv; charset=utf-8';
  const file = (name: string) => ({ 'content-disposition': `inline; filename="${name}"` });

  app.get(
    paths.public.data.pattern,
    kept(async (request, reply) => {
      const site = await publicSite(request);
      return keptPage(reply, 'public/data.njk', site, {
        title: 'Open data',
        progressColumns,
        measureColumns,
        planJsonFields,
        publicSection: 'data',
      });
    }),
  );

  app.get(
    paths.public.planJson.pattern,
    kept(async (request) => {
      const site = await publicSite(request);
      const latest = await latestFor(app, site);
      if (!latest) {
        const problem = { type: 'about:blank', title: 'Nothing has been published yet', status: 404 };
        return { status: 404, type: 'application/problem+json', body: JSON.stringify(problem) };
      }
      const body = JSON.stringify(planJson(latest, absolute(paths.public.publication(latest.id))));
      return { type: 'application/json; charset=utf-8', body };
    }),
  );

  app.get(
    paths.public.progressCsv.pattern,
    kept(async (request) => {
      const site = await publicSite(request);
      const all = site.organisationId === null ? [] : await currentPublications(app.db, site.organisationId);
      return { type: csv, headers: file('progress.csv'), body: progressCsv(all) };
    }),
  );

  app.get(
    paths.public.measuresCsv.pattern,
    kept(async (request) => {
      const site = await publicSite(request);
      const latest = await latestFor(app, site);
      return { type: csv, headers: file('measures.csv'), body: measuresCsv(latest) };
    }),
  );

  app.get(
    paths.public.feed.pattern,
    kept(async (request) => {
      const site = await publicSite(request);
      // One entry per quarter, at its latest version: a correction or withdrawal updates the entry.
      const list =
        site.organisationId === null ? [] : await listPublishedQuarters(app.db, site.organisationId);
      const changedAt = (p: (typeof list)[number]) => p.withdrawnAt ?? p.publishedAt;
      const feed = new Feed({
        id: absolute(paths.public.home()),
        title: `${site.council || 'Wesaid'}: improvement plan updates`,
        description:
          'Each quarterly update of the improvement plan: what we said we would do, and what we did.',
        link: absolute(paths.public.home()),
        language: 'en-GB',
        updated: list.map(changedAt).sort((a, b) => b.getTime() - a.getTime())[0] ?? new Date(0),
        generator: 'Wesaid',
        feedLinks: { atom: absolute(paths.public.feed()) },
        copyright: site.council || 'The council',
      });
      for (const p of list) {
        const link = absolute(paths.public.publication(p.id));
        const state = p.withdrawnAt ? ' (withdrawn)' : p.version > 1 ? ' (corrected)' : '';
        const note = p.withdrawnAt
          ? ` Withdrawn on ${formatDate(p.withdrawnAt)}: ${p.withdrawnReason ?? ''}`
          : p.correctionReason
            ? ` Corrected on ${formatDate(p.publishedAt)}: ${p.correctionReason}`
            : '';
        feed.addItem({
          // The entry's id names the quarter, not the version, so a feed reader updates one entry.
          id: absolute(`${paths.public.archive()}#${p.planId}-${p.quarterStart}`),
          link,
          title: asHtml(`${p.planTitle}: ${p.quarterLabel}${state}`),
          date: changedAt(p),
          published: p.firstPublishedAt,
          description: asHtml(`Progress on ${p.planTitle} for ${p.quarterLabel}.${note}`),
        });
      }
      return { type: 'application/atom+xml; charset=utf-8', body: feed.atom1() };
    }),
  );
}

/**
 * The feed library marks entries' titles and summaries as HTML, so plain text is escaped for them:
 * a plan titled `<img onerror=…>` must reach a feed reader as those characters, not as markup.
 */
function asHtml(text: string): string {
  const entities: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
  };
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}
