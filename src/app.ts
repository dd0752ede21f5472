import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db/client.ts';
import { clockFor, monotonicMs } from './clock.ts';
import type { Clock } from './domain/clock.ts';
import { StructurePool } from './import/structure/off-thread.ts';
import { RenderPool, type RenderPoolOptions } from './reports/render-pool.ts';
import { assets } from './web/assets.ts';
import { auth } from './web/auth.ts';
import { branding } from './web/branding.ts';
import { inputGuard } from './web/input-guard.ts';
import { requestForLog } from './web/log-redaction.ts';
import { database } from './web/database.ts';
import { errors } from './web/errors/plugin.ts';
import { security } from './web/security.ts';
import { views } from './web/views.ts';
import { openapi } from './web/api/openapi.ts';
import { healthRoutes } from './web/health/routes.ts';
import { accountRoutes } from './web/account/routes.ts';
import { homeRoutes } from './web/home/routes.ts';
import { homeApiRoutes } from './web/api/home-routes.ts';
import { brandingRoutes } from './web/branding/routes.ts';
import { aboutRoutes } from './web/about/routes.ts';
import { planRoutes } from './web/plan/routes.ts';
import { planApiRoutes } from './web/api/plan-routes.ts';
import { measureApiRoutes } from './web/api/measure-routes.ts';
import { scorecardRoutes } from './web/scorecard/routes.ts';
import { importRoutes } from './web/imports/routes.ts';
import { importTemplateRoutes } from './web/imports/template-routes.ts';
import { boardRoutes } from './web/board/routes.ts';
import { boardApiRoutes } from './web/api/board-routes.ts';
import { publicRoutes } from './web/public/routes.ts';
import { keptPages } from './web/public/kept-pages.ts';
import { publishingRoutes } from './web/publishing/routes.ts';
import { riskRoutes } from './web/risks/routes.ts';
import { expectationRoutes } from './web/programmes/routes.ts';
import { riskApiRoutes } from './web/api/risk-routes.ts';
import { inspectionRoutes } from './web/inspections/routes.ts';
import { inspectionApiRoutes } from './web/api/inspection-routes.ts';
import { projectRoutes } from './web/projects/routes.ts';
import { projectApiRoutes } from './web/api/project-routes.ts';
import { programmeApiRoutes } from './web/api/programme-routes.ts';
import { measureTargetApiRoutes } from './web/api/measure-target-routes.ts';
import { caseAuditRoutes } from './web/case-audits/routes.ts';
import { caseAuditApiRoutes } from './web/api/case-audit-routes.ts';
import { searchApiRoutes } from './web/api/search-routes.ts';
import { keptSearches } from './web/search/kept-results.ts';
import { keptReads } from './web/kept-reads.ts';
import { searchRoutes } from './web/search/routes.ts';
import { meetingRecordRoutes } from './web/meetings/routes.ts';
import { actionApiRoutes } from './web/api/action-routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Makes documents off the request thread; the routes read the data and hand it over. */
    renderPool: RenderPool;
    /** Reads uploaded documents' structure off the request thread (a 4 MB document takes seconds). */
    structurePool: StructurePool;
  }
}

export interface AppOptions {
  config: Config;
  db: Db;
  /** The real clock unless given (tests), or set by WESAID_TODAY. */
  clock?: Clock;
  /** Tests pass a fixed key; otherwise it comes from SESSION_SECRET or the data folder. */
  sessionKey?: Buffer;
  logger?: boolean;
  /** Where the log goes (standard output unless given): tests read what was logged. */
  logStream?: NodeJS.WritableStream;
  /** The worker threads that make documents (PDF, DOCX, XLSX): sizes for tests and benchmarks. */
  render?: RenderPoolOptions;
  /** Registered last, before the app is ready: the benchmarks add a static route this way. */
  extra?: (app: FastifyInstance) => Promise<void>;
}

/**
 * The composition root: the whole request pipeline, in order, on one screen.
 * The server, the CLI and the tests all build the app here.
 */
export async function buildApp({
  config,
  db,
  clock = clockFor(config),
  sessionKey,
  logger,
  logStream,
  render,
  extra,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      logger === false
        ? false
        : {
            level: config.LOG_LEVEL,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            serializers: { req: requestForLog },
            ...(logStream ? { stream: logStream } : {}),
          },
    // Only the proxies named in TRUSTED_PROXIES may say who the client is: believing every
    // X-Forwarded-For let anyone choose their own address, and so their own rate-limit key.
    trustProxy: config.TRUSTED_PROXIES.length ? config.TRUSTED_PROXIES : false,
    bodyLimit: 1024 * 1024,
  });

  // Documents are made in worker threads, started on first use and stopped with the app.
  const renderPool = new RenderPool(render);
  app.decorate('renderPool', renderPool);
  app.addHook('onClose', () => renderPool.close());
  const structurePool = new StructurePool();
  app.decorate('structurePool', structurePool);
  app.addHook('onClose', () => structurePool.close());

  // Cross-cutting: handles, headers and bodies, session and CSRF, page rendering, errors, who is asking.
  await app.register(database, { db, config, clock });
  await app.register(security, { config, sessionKey });
  await app.register(views);
  await app.register(errors);
  await app.register(inputGuard);
  await app.register(auth);
  await app.register(branding);
  await app.register(assets);
  await app.register(openapi);
  await app.register(keptPages, { freshForMs: config.PUBLIC_CACHE_SECONDS * 1000, monotonicMs });
  await app.register(keptSearches);
  await app.register(keptReads);

  // Features.
  await app.register(healthRoutes);
  await app.register(accountRoutes);
  await app.register(homeRoutes);
  await app.register(brandingRoutes);
  await app.register(aboutRoutes);
  await app.register(planRoutes);
  await app.register(importRoutes);
  await app.register(importTemplateRoutes);
  await app.register(boardRoutes);
  await app.register(publishingRoutes);
  await app.register(publicRoutes);
  await app.register(scorecardRoutes);
  await app.register(riskRoutes);
  await app.register(expectationRoutes);
  await app.register(inspectionRoutes);
  await app.register(projectRoutes);
  await app.register(caseAuditRoutes);
  await app.register(searchRoutes);
  await app.register(meetingRecordRoutes);
  await app.register(planApiRoutes, { prefix: '/api/v1' });
  await app.register(boardApiRoutes, { prefix: '/api/v1' });
  await app.register(measureApiRoutes, { prefix: '/api/v1' });
  await app.register(riskApiRoutes, { prefix: '/api/v1' });
  await app.register(inspectionApiRoutes, { prefix: '/api/v1' });
  await app.register(projectApiRoutes, { prefix: '/api/v1' });
  await app.register(programmeApiRoutes, { prefix: '/api/v1' });
  await app.register(measureTargetApiRoutes, { prefix: '/api/v1' });
  await app.register(caseAuditApiRoutes, { prefix: '/api/v1' });
  await app.register(searchApiRoutes, { prefix: '/api/v1' });
  await app.register(actionApiRoutes, { prefix: '/api/v1' });
  await app.register(homeApiRoutes, { prefix: '/api/v1' });

  if (extra) await extra(app);
  await app.ready();
  return app;
}
