import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { kept } from './kept-pages.ts';
import type { PublicResponse } from './page-cache.ts';
import {
  getPublication,
  listPublishedFeedback,
  listPublishedQuarters,
  quarterVersions,
  type Publication,
} from '../../db/publishing/queries.ts';
import { publicWords } from '../../domain/publishing/consent.ts';
import { feedbackSourceNames } from '../../domain/publishing/feedback.ts';
import { PageText } from '../../domain/publishing/public-text.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { paths, type RouteParams } from '../paths.ts';
import { measuresView } from './measures-view.ts';
import { loadCharts } from '../../reports/charts.ts';
import { investmentView } from './investment-view.ts';
import { planView } from './plan-view.ts';
import { keptPage, latestFor, publicSite, type PublicSite } from './site.ts';
import { glossaryOf } from './plan-view.ts';

type Which = { latest: true } | { id: string };

/** The published plan, its child-friendly version, its measures, the archive and "You said, We did". */
export function publicPlanRoutes(app: FastifyInstance): void {
  const find = async (
    request: FastifyRequest,
    which: Which,
  ): Promise<{ site: PublicSite; publication: Publication | null; latest: boolean }> => {
    const site = await publicSite(request);
    if ('latest' in which) return { site, publication: await latestFor(app, site), latest: true };
    const id = parseId(which.id, 'Publication');
    const publication =
      site.organisationId === null ? null : await getPublication(app.db, site.organisationId, id);
    if (!publication) throw new NotFoundError('Publication');
    const newest = await latestFor(app, site);
    return { site, publication, latest: newest?.id === publication.id };
  };

  const links = (publication: Publication, latest: boolean) => ({
    plan: latest ? paths.public.home() : paths.public.publication(publication.id),
    childFriendly: latest
      ? paths.public.childFriendly()
      : paths.public.publicationChildFriendly(publication.id),
    measures: latest ? paths.public.measures() : paths.public.publicationMeasures(publication.id),
  });

  // A publication never changes, so its view (reading ages, acronyms spelled out) is worked out once.
  const views = new Map<string, ReturnType<typeof planView>>();
  const cachedView = (publication: Publication, childFriendly: boolean) => {
    const key = `${publication.id}:${childFriendly}`;
    let view = views.get(key);
    if (!view) {
      view = planView(publication, childFriendly);
      if (views.size >= 64) views.delete(views.keys().next().value!);
      views.set(key, view);
    }
    return view;
  };

  /** The publication's place in its quarter's record: corrected, replaced, withdrawn, other versions. */
  const record = async (publication: Publication) => {
    const versions = await quarterVersions(
      app.db,
      publication.organisationId,
      publication.planId,
      publication.quarterStart,
    );
    const newest = versions.at(-1);
    return {
      version: publication.version,
      correctionReason: publication.correctionReason,
      withdrawnAt: publication.withdrawnAt,
      withdrawnReason: publication.withdrawnReason,
      replacedBy: newest && newest.id !== publication.id ? newest : null,
      versions: versions.length > 1 ? versions : [],
    };
  };

  const planPage =
    (childFriendly: boolean) =>
    async (request: FastifyRequest, reply: FastifyReply, which: Which): Promise<PublicResponse> => {
      const { site, publication, latest } = await find(request, which);
      if (!publication)
        return keptPage(reply, 'public/nothing-yet.njk', site, { title: 'Nothing has been published yet' });
      const view = cachedView(publication, childFriendly);
      return keptPage(reply, childFriendly ? 'public/easy-read.njk' : 'public/plan.njk', site, {
        title: childFriendly ? `${view.planTitle}: easy read` : view.planTitle,
        view,
        childFriendly,
        latest,
        record: await record(publication),
        publicationId: publication.id,
        links: links(publication, latest),
        publicSection: latest ? (childFriendly ? 'child-friendly' : 'plan') : 'archive',
      });
    };
  const plan = planPage(false);
  const childFriendly = planPage(true);

  const measuresPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    which: Which,
  ): Promise<PublicResponse> => {
    const { site, publication, latest } = await find(request, which);
    if (!publication)
      return keptPage(reply, 'public/nothing-yet.njk', site, { title: 'Nothing has been published yet' });
    await loadCharts();
    return keptPage(reply, 'public/measures.njk', site, {
      title: `How we measure progress: ${publication.plan.quarter.label}`,
      measures: measuresView(publication.plan.measures),
      quarter: publication.plan.quarter.label,
      planTitle: publication.plan.plan.title,
      latest,
      links: links(publication, latest),
      publicSection: latest ? 'measures' : 'archive',
    });
  };

  app.get(
    paths.public.home.pattern,
    kept((request, reply) => plan(request, reply, { latest: true })),
  );
  app.get(
    paths.public.childFriendly.pattern,
    kept((request, reply) => childFriendly(request, reply, { latest: true })),
  );
  app.get(
    paths.public.measures.pattern,
    kept((request, reply) => measuresPage(request, reply, { latest: true })),
  );
  app.get(
    paths.public.investment.pattern,
    kept(async (request, reply) => {
      const { site, publication, latest } = await find(request, { latest: true });
      if (!publication)
        return keptPage(reply, 'public/nothing-yet.njk', site, { title: 'Nothing has been published yet' });
      return keptPage(reply, 'public/investment.njk', site, {
        title: `What we invest in: ${publication.plan.quarter.label}`,
        investment: investmentView(publication.plan.investment),
        quarter: publication.plan.quarter.label,
        planTitle: publication.plan.plan.title,
        links: links(publication, latest),
        publicSection: 'investment',
      });
    }),
  );
  app.get<{ Params: RouteParams<typeof paths.public.publication> }>(
    paths.public.publication.pattern,
    kept((request, reply) => plan(request, reply, { id: request.params.publicationId })),
  );
  app.get<{ Params: RouteParams<typeof paths.public.publicationChildFriendly> }>(
    paths.public.publicationChildFriendly.pattern,
    kept((request, reply) => childFriendly(request, reply, { id: request.params.publicationId })),
  );
  app.get<{ Params: RouteParams<typeof paths.public.publicationMeasures> }>(
    paths.public.publicationMeasures.pattern,
    kept((request, reply) => measuresPage(request, reply, { id: request.params.publicationId })),
  );

  app.get(
    paths.public.archive.pattern,
    kept(async (request, reply) => {
      const site = await publicSite(request);
      // Each quarter once, at its latest version; its page links the earlier versions.
      const list =
        site.organisationId === null ? [] : await listPublishedQuarters(app.db, site.organisationId);
      return keptPage(reply, 'public/archive.njk', site, {
        title: 'Past updates',
        publications: list.map((p) => ({
          id: p.id,
          quarter: p.quarterLabel,
          planTitle: p.planTitle,
          publishedAt: p.firstPublishedAt,
          correctedAt: p.version > 1 ? p.publishedAt : null,
          correctionReason: p.correctionReason,
          withdrawnAt: p.withdrawnAt,
          withdrawnReason: p.withdrawnReason,
        })),
        publicSection: 'archive',
      });
    }),
  );

  app.get(
    paths.public.youSaidWeDid.pattern,
    kept(async (request, reply) => {
      const site = await publicSite(request);
      const rows =
        site.organisationId === null ? [] : await listPublishedFeedback(app.db, site.organisationId);
      const latest = await latestFor(app, site);
      const page = new PageText(latest ? glossaryOf(latest.plan) : [], latest?.plan.targetReadingAge ?? 11);
      const items = rows.flatMap((row) => {
        const words = publicWords(row);
        if (!words) return [];
        return [
          {
            kind: row.kind,
            source: feedbackSourceNames[row.source],
            said: page.expand(words.said),
            response: words.response ? page.expand(words.response) : '',
            attribution: words.attribution,
            receivedOn: row.receivedOn,
          },
        ];
      });
      return keptPage(reply, 'public/you-said-we-did.njk', site, {
        title: 'You said, We did',
        youSaid: items.filter((i) => i.kind === 'you-said-we-did'),
        comments: items.filter((i) => i.kind !== 'you-said-we-did'),
        publicSection: 'you-said-we-did',
      });
    }),
  );
}
