/*
 * The approver's page for a "You said, We did" item: what was said, an editable public wording,
 * and every suggestion of the wording check (what, where, why). Each is resolved by changing the
 * wording or ticking that it is fine, with a reason; approval checks the submitted wording again.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { approveFeedback } from '../../db/publishing/commands.ts';
import { feedbackCheckContext, getFeedback, type FeedbackRow } from '../../db/publishing/queries.ts';
import {
  suggestionKindNames,
  suggestWording,
  type CheckContext,
  type FieldSuggestion,
  type WordingField,
} from '../../domain/publishing/wording-check.ts';
import { authorize } from '../auth.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { flash } from '../flash.ts';
import { field } from '../forms/parse.ts';
import { paths, type RouteParams } from '../paths.ts';

const resource = { type: 'publication' as const };
const fieldNames: Record<WordingField, string> = { said: 'You said', response: 'We did' };

/** Where a suggestion sits: its field, its position and the words either side. */
function where(text: string, s: FieldSuggestion) {
  const before = text.slice(Math.max(0, s.start - 30), s.start);
  const after = text.slice(s.end, s.end + 30);
  return {
    field: fieldNames[s.field],
    position: s.start + 1,
    before: (s.start > 30 ? '…' : '') + before,
    words: s.text,
    after: after + (s.end + 30 < text.length ? '…' : ''),
  };
}

interface Decisions {
  kept: Map<string, string>;
  reasons: Map<string, string>;
}

function view(
  row: FeedbackRow,
  wording: Record<WordingField, string>,
  context: CheckContext,
  decisions: Decisions,
) {
  const suggestions = suggestWording(wording, context).map((s, index) => ({
    index,
    key: s.key,
    kind: suggestionKindNames[s.kind],
    why: s.why,
    where: where(wording[s.field], s),
    kept: decisions.kept.has(s.key),
    reason: decisions.reasons.get(s.key) ?? '',
  }));
  return {
    title: 'Approve the public wording',
    section: 'publishing',
    row,
    wording,
    suggestions,
    approvedAt: row.approvedAt,
  };
}

export function feedbackApprovalPages(app: FastifyInstance): void {
  const load = async (request: FastifyRequest<{ Params: { feedbackId: string } }>, reply: FastifyReply) => {
    const user = authorize(request, reply, 'edit', resource);
    const row = await getFeedback(
      app.db,
      user.organisationId,
      parseId(request.params.feedbackId, 'Feedback'),
    );
    if (!row) throw new NotFoundError('Feedback');
    return { user, row, context: await feedbackCheckContext(app.db, row) };
  };

  app.get<{ Params: RouteParams<typeof paths.publishing.approveFeedback> }>(
    paths.publishing.approveFeedback.pattern,
    async (request, reply) => {
      const { row, context } = await load(request, reply);
      // Starts from the last approved wording, else the draft, else the words as they were said.
      const wording = {
        said: row.approvedWording ?? (row.publicWording || row.said),
        response: row.approvedResponse ?? row.response,
      };
      const kept = new Map(
        row.resolvedSuggestions.map((s) => [`${s.field}:${s.kind}:${s.text.toLowerCase()}`, s.reason]),
      );
      return reply.page(
        'publishing/feedback-approve.njk',
        view(row, wording, context, { kept, reasons: new Map(kept) }),
      );
    },
  );

  app.post<{ Params: RouteParams<typeof paths.publishing.approveFeedback> }>(
    paths.publishing.approveFeedback.pattern,
    async (request, reply) => {
      const { user, row, context } = await load(request, reply);
      const body = request.body;
      const wording = { said: field(body, 'said').trim(), response: field(body, 'response').trim() };
      const decisions: Decisions = { kept: new Map(), reasons: new Map() };
      for (let i = 0; field(body, `key-${i}`) !== ''; i++) {
        const key = field(body, `key-${i}`);
        const reason = field(body, `reason-${i}`).trim();
        decisions.reasons.set(key, reason);
        if (field(body, `keep-${i}`) === 'yes') decisions.kept.set(key, reason);
      }
      const page = view(row, wording, context, decisions);
      // Each problem is listed in the summary and shown again at its field, named by the link's target.
      const refuse = (code: number, list: { text: string; href: string }[]) =>
        reply.code(code).page('publishing/feedback-approve.njk', {
          ...page,
          errors: { list, byField: Object.fromEntries(list.map((e) => [e.href.slice(1), { text: e.text }])) },
        });
      if (wording.said === '') return refuse(400, [{ text: 'Enter the words to publish', href: '#said' }]);
      const saved = await approveFeedback(
        app.db,
        row,
        Number(field(body, 'version')),
        wording,
        decisions.kept,
        { userId: user.id, name: user.name },
      );
      if (!saved.ok && saved.conflict)
        return refuse(409, [
          {
            text: 'Someone else changed this feedback while you were looking at it. Check it and try again.',
            href: '#said',
          },
        ]);
      if (!saved.ok)
        return refuse(
          400,
          (saved.unresolved ?? []).map((s) => {
            const shown = page.suggestions.find((p) => p.key === s.key);
            return {
              text: `${suggestionKindNames[s.kind]} “${s.text}” in ${fieldNames[s.field]}: change the wording or tick that it is fine to publish`,
              href: shown ? `#keep-${shown.index}` : `#${s.field}`,
            };
          }),
        );
      flash(request, 'Public wording approved');
      return reply.redirect(paths.publishing.feedbackItem(row.id), 303);
    },
  );
}
