import path from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { govukFrontendDist, webDir } from './views.ts';

const govuk = path.join(govukFrontendDist, 'govuk');
const oneDay = 24 * 60 * 60 * 1000;

/**
 * GOV.UK Frontend's fonts and compiled CSS and JS at /assets (the CSS refers to /assets/fonts), and the service's own CSS and script at /static.
 */
export const assets = fp(
  async (app) => {
    // Only the fonts: GOV.UK Frontend's images and manifest are the crown, which only GOV.UK may show.
    await app.register(fastifyStatic, {
      root: path.join(govuk, 'assets', 'fonts'),
      prefix: '/assets/fonts/',
      maxAge: oneDay,
    });
    for (const file of ['govuk-frontend.min.css', 'govuk-frontend.min.js']) {
      app.get(`/assets/${file}`, (_request, reply) => reply.sendFile(file, govuk, { maxAge: oneDay }));
    }
    await app.register(fastifyStatic, {
      root: path.join(webDir, 'static'),
      prefix: '/static/',
      decorateReply: false,
      maxAge: oneDay,
    });
  },
  { name: 'assets' },
);
