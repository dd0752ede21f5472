import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { saveBranding, saveLogo } from '../../db/people/commands.ts';
import { brandingOf, getLogo } from '../../db/people/queries.ts';
import { checkBrandColour, formatRatio, minimumContrast } from '../../domain/branding/contrast.ts';
import { maximumLogoBytes, recogniseLogo } from '../../domain/branding/logo.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { flash } from '../flash.ts';
import { field, toFormErrors } from '../forms/parse.ts';
import { paths, type RouteParams } from '../paths.ts';
import { readUpload } from '../uploads.ts';

const title = 'Your council’s branding';

/*
 * Branding is the council's face on every page, so it is the administrators' to set, like who has
 * an account: the same permission guards both.
 */
const administrator = (request: FastifyRequest, reply: FastifyReply) =>
  authorize(request, reply, 'manage-users', { type: 'user' });

const actorOf = (user: { id: number; name: string }) => ({ userId: user.id, name: user.name });

type FormErrors = ReturnType<typeof toFormErrors>;

/** Why a brand colour cannot be used, in words that say what was found and what is needed. */
function colourProblem(text: string): string | null {
  if (text.trim() === '') return null;
  const check = checkBrandColour(text);
  if (check.ok) return null;
  if (check.problem === 'not-a-colour') return 'Enter the brand colour as a hex colour, like #1d70b8';
  return `The brand colour ${check.colour} has a contrast ratio of ${formatRatio(check.ratio)} with the header’s white text; it needs at least ${minimumContrast}:1`;
}

export const brandingRoutes: FastifyPluginAsync = (app) => {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    organisationId: number,
    extra: {
      values?: { council: string; brandColour: string };
      errors?: FormErrors;
      logoErrors?: FormErrors;
    } = {},
  ) => {
    const current = await brandingOf(app.db, organisationId);
    if (!current) throw new NotFoundError('Council');
    return reply.page('branding/settings.njk', {
      title,
      section: 'account',
      current,
      values: extra.values ?? { council: current.council, brandColour: current.brandColour },
      errors: extra.errors,
      logoErrors: extra.logoErrors,
    });
  };

  app.get(paths.brandingSettings.pattern, (request, reply) => {
    const user = administrator(request, reply);
    return render(request, reply, user.organisationId);
  });

  app.post(paths.brandingSettings.pattern, async (request, reply) => {
    const user = administrator(request, reply);
    const values = {
      council: field(request.body, 'council').trim(),
      brandColour: field(request.body, 'brandColour').trim(),
    };
    const problems: { field: string; message: string }[] = [];
    if (values.council === '') problems.push({ field: 'council', message: 'Enter the council’s name' });
    else if (values.council.length > 120)
      problems.push({ field: 'council', message: 'The council’s name must be 120 characters or fewer' });
    const colour = colourProblem(values.brandColour);
    if (colour) problems.push({ field: 'brandColour', message: colour });
    if (problems.length > 0)
      return render(request, reply.code(400), user.organisationId, {
        values,
        errors: toFormErrors(problems),
      });
    await saveBranding(app.db, user.organisationId, values, actorOf(user));
    flash(request, 'Branding saved');
    return reply.redirect(paths.brandingSettings(), 303);
  });

  app.post(paths.brandingLogo.pattern, async (request, reply) => {
    const user = administrator(request, reply);
    const refuse = (message: string) =>
      render(request, reply.code(400), user.organisationId, {
        logoErrors: toFormErrors([{ field: 'logo', message }]),
      });
    if (field(request.body, 'remove') === 'yes') {
      await saveLogo(app.db, user.organisationId, null, actorOf(user));
      flash(request, 'Logo removed');
      return reply.redirect(paths.brandingSettings(), 303);
    }
    const upload = await readUpload(request.body, 'logo', {
      missing: 'Select a logo to upload',
      empty: 'The selected file is empty',
      tooLarge: { maxBytes: maximumLogoBytes, message: 'The logo must be smaller than 200 KB' },
    });
    if (!upload.ok) return refuse(upload.message);
    const logo = recogniseLogo(upload.bytes);
    if (!logo.ok) return refuse('The logo must be a PNG or an SVG image');
    await saveLogo(app.db, user.organisationId, { bytes: upload.bytes, type: logo.type }, actorOf(user));
    flash(request, 'Logo uploaded');
    return reply.redirect(paths.brandingSettings(), 303);
  });

  // Public, like the site it heads. An SVG may hold script: served as an image under a policy
  // that lets nothing in it run, even when someone opens it on its own.
  app.get<{ Params: RouteParams<typeof paths.councilLogo> }>(
    paths.councilLogo.pattern,
    async (request, reply) => {
      const logo = await getLogo(app.db, parseId(request.params.organisationId, 'Logo'));
      if (!logo) throw new NotFoundError('Logo');
      return reply
        .header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Disposition', 'inline; filename="logo"')
        .header('Cache-Control', 'public, max-age=86400')
        .type(logo.type)
        .send(logo.bytes);
    },
  );

  return Promise.resolve();
};
