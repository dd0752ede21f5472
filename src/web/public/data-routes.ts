import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Feed } from 'feed';
import { allPublications, listPublications } from '../../db/publishing/queries.ts';
import { paths } from '../paths.ts';
import {
  measureColumns,
  measuresCsv,
  planJson,
  planJsonFields,
  progressColumns,
  progressCsv,
} from './open-data.ts';
import { latestFor, publicPage, publicSite } from './site.ts';

/** Open data at stable addresses, its documentation, and the Atom feed of publications. */
export function publicDataRoutes(app: FastifyInstance): void {
  // Absolute links for the feed and JSON: the configured public address, so a proxy cannot change them.
  const absolute = (path: string) => new URL(path, app.config.PUBLIC_URL).toString();
  const csv = 'text/csv; charset=utf-8';
  const fiveMinutes = 'public, max-age=300';

  app.get(paths.public.data.pattern, async (request, reply) => {
    const site = await publicSite(request);
    return publicPage(reply, 'public/data.njk', site, {
      title: 'Open data',
      progressColumns,
      measureColumns,
      planJsonFields,
      publicSection: 'data',
    });
  });

  app.get(paths.public.planJson.pattern, async (request, reply) => {
    const site = await publicSite(request);
    const latest = await latestFor(app, site);
    reply.header('cache-control', fiveMinutes);
    if (!latest)
      return reply
        .code(404)
        .send({ type: 'about:blank', title: 'Nothing has been published yet', status: 404 });
    return reply
      .type('application/json; charset=utf-8')
      .send(planJson(latest, absolute(paths.public.publication(latest.id))));
  });

  app.get(paths.public.progressCsv.pattern, async (request, reply) => {
    const site = await publicSite(request);
    const all = site.organisationId === null ? [] : await allPublications(app.db, site.organisationId);
    return reply
      .header('cache-control', fiveMinutes)
      .header('content-disposition', 'inline; filename="progress.csv"')
      .type(csv)
      .send(progressCsv(all));
  });

  app.get(paths.public.measuresCsv.pattern, async (request, reply) => {
    const site = await publicSite(request);
    const latest = await latestFor(app, site);
    return reply
      .header('cache-control', fiveMinutes)
      .header('content-disposition', 'inline; filename="measures.csv"')
      .type(csv)
      .send(measuresCsv(latest));
  });

  app.get(paths.public.feed.pattern, async (request: FastifyRequest, reply) => {
    const site = await publicSite(request);
    const list = site.organisationId === null ? [] : await listPublications(app.db, site.organisationId);
    const feed = new Feed({
      id: absolute(paths.public.home()),
      title: `${site.council || 'Wesaid'}: improvement plan updates`,
      description:
        'Each quarterly update of the improvement plan: what we said we would do, and what we did.',
      link: absolute(paths.public.home()),
      language: 'en-GB',
      updated: list[0]?.publishedAt ?? new Date(0),
      generator: 'Wesaid',
      feedLinks: { atom: absolute(paths.public.feed()) },
      copyright: site.council || 'The council',
    });
    for (const p of list) {
      const link = absolute(paths.public.publication(p.id));
      feed.addItem({
        id: link,
        link,
        title: `${p.planTitle}: ${p.quarterLabel}`,
        date: p.publishedAt,
        published: p.publishedAt,
        description: `Progress on ${p.planTitle} for ${p.quarterLabel}.`,
      });
    }
    return reply
      .header('cache-control', fiveMinutes)
      .type('application/atom+xml; charset=utf-8')
      .send(feed.atom1());
  });
}
