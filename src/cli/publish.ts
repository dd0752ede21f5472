import { bringUpToDate, openDatabase } from '../db/client.ts';
import { publishQuarter, PublishingError, systemActor } from '../db/publishing/commands.ts';
import { getSettings, plansTitled } from '../db/publishing/queries.ts';
import { quarterByKey } from '../domain/publishing/quarters.ts';
import { UsageError, type Command } from './command.ts';

const usage =
  'Usage: wesaid publish --plan "PLAN TITLE" --quarter YYYY-YY-qN [--correction --reason TEXT] [--easy-read-reason TEXT]   (for example 2024-25-q3)';

/**
 * Publishes a quarter from the command line, so a council can schedule it. The measures are the
 * ones chosen when the council last published (from the Publishing pages). The same rules as the
 * pages: the quarter within the plan's period, and a published quarter again only with
 * --correction and a --reason (shown to the public), and an easy read with a text above the
 * council's target reading age only with --easy-read-reason (kept for the programme office).
 */
export const publishCommand: Command = {
  summary:
    'publish --plan TITLE --quarter YYYY-YY-qN [--correction --reason TEXT]: publish a quarter of a plan to the public site',
  options: {
    plan: { type: 'string' },
    quarter: { type: 'string' },
    correction: { type: 'boolean' },
    reason: { type: 'string' },
    'easy-read-reason': { type: 'string' },
  },
  async run({ config, clock, values }) {
    const title = String(values.plan ?? '').trim();
    const quarter = quarterByKey(String(values.quarter ?? ''));
    if (title === '' || !quarter) throw new UsageError(usage);
    const correction = values.correction === true;
    const reason = typeof values.reason === 'string' ? values.reason.trim() : '';
    if (correction && reason === '')
      throw new UsageError('--correction needs --reason TEXT: why it is corrected.');
    const easyReadReason =
      typeof values['easy-read-reason'] === 'string' ? values['easy-read-reason'].trim() : '';
    if (!correction && reason !== '')
      throw new UsageError('--reason is only for a correction: add --correction.');
    const database = await openDatabase(config);
    try {
      await bringUpToDate(database, config);
      const found = await plansTitled(database.db, title);
      if (found.length !== 1)
        throw new UsageError(
          found.length === 0
            ? `No plan is called "${title}".`
            : `${found.length} plans are called "${title}".`,
        );
      const plan = found[0]!;
      const settings = await getSettings(database.db, plan.organisationId);
      const publication = await publishQuarter(database.db, {
        organisationId: plan.organisationId,
        planId: plan.id,
        quarter,
        measureIds: settings.publicMeasureIds,
        actor: systemActor('Command line'),
        publishedAt: clock.now(),
        correction,
        reason,
        easyReadReason,
      }).catch((error: unknown) => {
        if (error instanceof PublishingError && error.code === 'quarter-already-published')
          throw new UsageError(
            `${quarter.label} of ${plan.title} is already published. To correct it, add --correction --reason TEXT.`,
          );
        if (error instanceof PublishingError && error.code === 'easy-read-reason-needed')
          throw new UsageError(
            `${error.message}: add --easy-read-reason TEXT, or write plain versions first.`,
          );
        if (error instanceof PublishingError) throw new UsageError(`${error.message}.`);
        throw error;
      });
      console.log(
        correction
          ? `Published a correction of ${plan.title}, ${quarter.label}: version ${publication.version} (publication ${publication.id}).`
          : `Published ${plan.title}, ${quarter.label} (publication ${publication.id}).`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
