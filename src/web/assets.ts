import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { govukStylesheet } from './govuk-stylesheet.ts';
import { govukFrontendDist, webDir } from './views.ts';

const govuk = path.join(govukFrontendDist, 'govuk');
const oneDay = 24 * 60 * 60 * 1000;

/**
 * GOV.UK Frontend's compiled CSS (without its restricted typeface) and JS at /assets, and the
 * service's own CSS and script at /static.
 */
export const assets = fp(
  async (app) => {
    // Nothing else from GOV.UK Frontend's assets: its images and manifest are the crown and its fonts
    // GDS Transport, which only GOV.UK services may use.
    const stylesheet = await govukStylesheet(path.join(govuk, 'govuk-frontend.min.css'));
    app.get('/assets/govuk-frontend.min.css', (request, reply) => {
      reply.header('etag', stylesheet.etag).header('cache-control', `public, max-age=${oneDay / 1000}`);
      if (request.headers['if-none-match'] === stylesheet.etag) return reply.code(304).send();
      return reply.type('text/css; charset=utf-8').send(stylesheet.body);
    });
    app.get('/assets/govuk-frontend.min.js', (_request, reply) =>
      reply.sendFile('govuk-frontend.min.js', govuk, { maxAge: oneDay }),
    );
    await app.register(fastifyStatic, {
      root: path.join(webDir, 'static'),
      prefix: '/static/',
      maxAge: oneDay,
    });
  },
  { name: 'assets' },
);
