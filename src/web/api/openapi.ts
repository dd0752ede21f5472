import fastifySwagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { paths } from '../paths.ts';

/**
 * The API's documentation is generated from the route schemas, so it cannot drift from what the
 * routes accept and return. Councils point Power BI and other tools at it.
 */
export const openapi = fp(
  async (app) => {
    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Wesaid API',
          version: '1',
          description:
            'Read the improvement plan and its reports. Authenticate with `Authorization: Bearer <token>` (create one on /account/tokens or with `npx wesaid token create --email E [--scope read|write] [--expires-days N]`; a read token is refused on every non-GET request, and tokens are never accepted outside /api) or a signed-in session. The same role rules apply as on the pages. Lists are returned as `{ "items": [...] }`.',
        },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
        security: [{ bearer: [] }],
      },
      hideUntagged: true,
    });
    app.get(paths.api.openapi(), { schema: { hide: true } }, () => app.swagger());
  },
  { name: 'openapi' },
);
