import type { FastifyPluginCallback } from 'fastify';
import { actionStatusNames } from '../../domain/meetings/vocabulary.ts';
import { riskBandNames } from '../../domain/risks/words.ts';
import { authorize } from '../auth.ts';
import { keptView, view } from '../kept-views.ts';
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
  // Kept per council data version, by the person, their role and the date "due soon" counts from.
  const homePage = keptView(async (request, reply) => {
    // Everyone signed in may read the plan; each section's reads stay within what the role may read.
    const user = authorize(request, reply, 'read', { type: 'plan' });
    return view('home/home.njk', {
      title: 'Home',
      home: await loadHome(app, user),
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
  app.get(paths.home.pattern, async (request, reply) => {
    if (!request.user) return reply.redirect(paths.signIn());
    return homePage(request, reply);
  });
  done();
};
