import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import nunjucks from 'nunjucks';
import type { FastifyReply } from 'fastify';
import { paths } from './paths.ts';
import { registerFilters } from './filters.ts';
import { takeFlash } from './flash.ts';
import { isPublicSite } from './branding.ts';

const require = createRequire(import.meta.url);
export const govukFrontendDist = path.join(
  path.dirname(require.resolve('govuk-frontend/package.json')),
  'dist',
);
export const webDir = path.dirname(fileURLToPath(import.meta.url));

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page with what every page needs: the user, CSRF token, CSP nonce and paths. */
    page(template: string, data?: Record<string, unknown>): Promise<FastifyReply>;
    /**
     * Renders a page the same for every visitor, to be kept and served again (the public site): no
     * person, no CSRF token (so no session cookie), no nonce (its inline code is allowed by hash).
     */
    renderForEveryone(template: string, data?: Record<string, unknown>): Promise<string>;
    /**
     * Renders a signed-in page to be kept and sent again to the same person (kept-views.ts): the
     * parts that change with every answer (CSRF token, CSP nonces) are left as slots. No flash.
     */
    renderKept(template: string, data?: Record<string, unknown>): Promise<KeptRender>;
    /** Sends a kept page with this answer's CSRF token and nonces in its slots. */
    sendKept(kept: KeptRender): FastifyReply;
  }
}

/** A rendered page cut at its per-answer slots: `parts` has one more element than `slots`. */
export interface KeptRender {
  parts: string[];
  slots: Slot[];
}

type Slot = 'csrf' | 'script' | 'style';

/*
 * The slots are rendered as markers no page could hold by chance (random for each process), made
 * of letters and digits so that escaping leaves them as they are.
 */
const markerId = randomBytes(12).toString('hex');
const markers: Record<Slot, string> = {
  csrf: `wesaidcsrf${markerId}`,
  script: `wesaidscript${markerId}`,
  style: `wesaidstyle${markerId}`,
};
const markerPattern = new RegExp(`wesaid(csrf|script|style)${markerId}`);

function cutAtSlots(html: string): KeptRender {
  const pieces = html.split(markerPattern);
  const parts: string[] = [];
  const slots: Slot[] = [];
  pieces.forEach((piece, index) => (index % 2 === 0 ? parts.push(piece) : slots.push(piece as Slot)));
  return { parts, slots };
}

/**
 * One Nunjucks environment for the whole service (pages and HTML reports), so filters and globals
 * are the same everywhere. Templates are found by path from `src/web`, e.g. "plan/overview.njk".
 */
export function createNunjucksEnvironment(): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader([govukFrontendDist, webDir]);
  const env = new nunjucks.Environment(loader, { autoescape: true, trimBlocks: true, lstripBlocks: true });
  registerFilters(env);
  env.addGlobal('paths', paths);
  return env;
}

export const views = fp(
  (app, _options, done) => {
    const env = createNunjucksEnvironment();
    const brandingOf = (reply: FastifyReply) =>
      reply.request.branding().catch((error: unknown) => {
        // A page about a failing database must still render, in the service's own look.
        reply.request.log.warn({ err: error }, 'branding look-up failed');
        return null;
      });
    app.decorateReply(
      'page',
      async function (this: FastifyReply, template: string, data: Record<string, unknown> = {}) {
        const branding = await brandingOf(this);
        const html = env.render(template, {
          ...data,
          user: this.request.user,
          csrfToken: this.generateCsrf(),
          cspNonce: this.cspNonce?.script,
          cspStyleNonce: this.cspNonce?.style,
          branding,
          // The public site is the same for every visitor, so a banner waits for the next staff page.
          flash: isPublicSite(this.request) ? undefined : takeFlash(this.request),
          currentPath: this.request.url,
        });
        return this.type('text/html; charset=utf-8').send(html);
      },
    );
    app.decorateReply(
      'renderKept',
      async function (this: FastifyReply, template: string, data: Record<string, unknown> = {}) {
        const branding = await brandingOf(this);
        const html = env.render(template, {
          ...data,
          user: this.request.user,
          csrfToken: markers.csrf,
          cspNonce: markers.script,
          cspStyleNonce: markers.style,
          branding,
          currentPath: this.request.url,
        });
        return cutAtSlots(html);
      },
    );
    app.decorateReply('sendKept', function (this: FastifyReply, kept: KeptRender) {
      const values: Record<Slot, string> = {
        csrf: this.generateCsrf(),
        script: this.cspNonce?.script ?? '',
        style: this.cspNonce?.style ?? '',
      };
      let html = kept.parts[0]!;
      for (let index = 0; index < kept.slots.length; index++)
        html += values[kept.slots[index]!] + kept.parts[index + 1]!;
      return this.type('text/html; charset=utf-8').send(html);
    });
    app.decorateReply(
      'renderForEveryone',
      async function (this: FastifyReply, template: string, data: Record<string, unknown> = {}) {
        const branding = await brandingOf(this);
        return env.render(template, { ...data, branding });
      },
    );
    done();
  },
  { name: 'views', dependencies: ['security'] },
);
