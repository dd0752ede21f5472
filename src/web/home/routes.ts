import type { FastifyPluginCallback } from 'fastify';
import { actionStatusNames } from '../../domain/meetings/vocabulary.ts';
import { riskBandNames } from '../../domain/risks/words.ts';
import { authorize } from '../auth.ts';
import { reportStateNames, reportStateTagClasses } from '../board/labels.ts';
import { paths } from '../paths.ts';
import { commitmentStatusNames, planStatusNames, roleNames } from '../plan/labels.ts';
import { riskBandTagClasses } from '../risks/labels.ts';
import { loadHome } from './home-data.ts';

/** The words and tag colours of "when": overdue is red, due soon is yellow. */
const dueStateNames = { overdue: 'Overdue', 'due-soon': 'Due soon', later: 'Later', 'no-date': 'No date' };
const dueStateTagClasses = {
  overdue: 'govuk-tag--red',
  'due-soon': 'govuk-tag--yellow',
  later: 'govuk-tag--grey',
  'no-date': 'govuk-tag--grey',
};

/** `/`: the sign-in page for a visitor, and for a signed-in person what needs them, by role. */
export const homeRoutes: FastifyPluginCallback = (app, _options, done) => {
  app.get(paths.home.pattern, async (request, reply) => {
    if (!request.user) return reply.redirect(paths.signIn());
    // Everyone signed in may read the plan; each section's reads stay within what the role may read.
    const user = authorize(request, reply, 'read', { type: 'plan' });
    // Kept per council data version, by the person, their role and the date "due soon" counts from.
    const home = await app.keptReads.get(request, `home ${user.id} ${user.role} ${app.clock.today()}`, () =>
      loadHome(app, user),
    );
    return reply.page('home/home.njk', {
      title: 'Home',
      home,
      dueStateNames,
      dueStateTagClasses,
      reportStateNames,
      reportStateTagClasses,
      commitmentStatusNames,
      actionStatusNames,
      riskBandNames,
      riskBandTagClasses,
      planStatusNames,
      roleNames,
    });
  });
  done();
};
