import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PublishingError, submitResponse } from '../../db/publishing/commands.ts';
import {
  getOpenConsultation,
  listOpenConsultations,
  listQuestions,
  type ConsultationRow,
  type QuestionRow,
} from '../../db/publishing/queries.ts';
import { feedbackSourceNames, respondentChoices, type Respondent } from '../../domain/publishing/feedback.ts';
import { takesResponses } from '../../domain/workflows/publication.ts';
import { formatDate } from '../../domain/format.ts';
import { NotFoundError, parseId } from '../errors/http-errors.ts';
import { z } from 'zod';
import { field, isRecord, parseForm, toFormErrors, type FormErrors } from '../forms/parse.ts';
import { problem, text } from '../forms/validate.ts';
import { paths, type RouteParams } from '../paths.ts';
import { checkFormToken, issueFormToken, minimumSeconds } from './form-token.ts';
import { publicPage, publicSite } from './site.ts';

export { respondentChoices };

export const maxAnswerLength = 5000;
export const honeypotField = 'website';

const tokenMessages = {
  missing: 'Your answers could not be checked. They are still below: send the form again.',
  invalid: 'Your answers could not be checked. They are still below: send the form again.',
  'too-fast': `The form was sent within ${minimumSeconds} seconds of opening it, which automated programs do. Your answers are still below: check them and send the form again.`,
  expired:
    'This form was opened more than a day ago. Your answers are still below: check them and send the form again.',
} as const;

/** The key that signs form tokens, from the shared session secret so every instance accepts every form. */
export function consultationFormSecret(sessionSecret: string): Buffer {
  return createHash('sha256').update(`wesaid consultation form ${sessionSecret}`).digest();
}

/**
 * The answers' checks, one field per question (`answer-7`), then the rules across the form: at least
 * one answer, and who they are only from the list (or left unsaid).
 */
function responseSchema(questions: QuestionRow[]) {
  const answerFields = Object.fromEntries(
    questions.map((q, index) => [
      `answer-${q.id}`,
      text(`Your answer to question ${index + 1}`, {
        max: maxAnswerLength,
        ...(q.required ? { required: `Enter your answer to question ${index + 1}` } : {}),
      }),
    ]),
  );
  return z
    .object({
      ...answerFields,
      respondent: z.unknown().transform((raw) => (typeof raw === 'string' ? raw : '')),
    })
    .superRefine((data, ctx) => {
      const fields: Record<string, unknown> = data;
      const answers = questions.map((q) => fields[`answer-${q.id}`]);
      // With no question required, an empty form would otherwise pass.
      const first = questions[0];
      if (first && !questions.some((q) => q.required) && answers.every((a) => a === ''))
        problem(ctx, `answer-${first.id}`, 'Answer at least one question');
      if (data.respondent !== '' && !respondentChoices.some((r) => r === data.respondent))
        problem(ctx, 'respondent', 'Select who you are from the list, or ‘Prefer not to say’');
    });
}

interface Submitted {
  respondent: string;
  answers: Record<string, string>;
}

/** The public consultation form: no sign-in, spam kept out without any outside service, nothing valid lost. */
export function publicConsultationRoutes(app: FastifyInstance): void {
  // Shared by every instance when SESSION_SECRET is set; otherwise this process's own.
  const secret = app.config.SESSION_SECRET
    ? consultationFormSecret(app.config.SESSION_SECRET)
    : randomBytes(32);
  const senderKey = (request: FastifyRequest) =>
    createHmac('sha256', secret).update(`sender:${request.ip}`).digest('base64url').slice(0, 22);

  const render = async (
    reply: FastifyReply,
    consultation: ConsultationRow,
    questions: QuestionRow[],
    submitted: Submitted,
    extra: { errors?: FormErrors; notice?: string } = {},
  ) => {
    const site = await publicSite(reply.request);
    return publicPage(reply, 'public/consultation.njk', site, {
      title: consultation.title,
      consultation,
      closesOn: formatDate(consultation.closesOn),
      questions,
      submitted,
      formToken: issueFormToken(secret, consultation.id, app.clock.now().getTime()),
      honeypotField,
      respondentItems: respondentChoices.map((value) => ({
        value,
        text: feedbackSourceNames[value],
        checked: submitted.respondent === value,
      })),
      maxAnswerLength,
      publicSection: 'consultations',
      ...extra,
    });
  };

  // The public site speaks for one council: another council's consultation is not found here
  // (issue 14: one council's site served another's open consultation).
  const load = async (request: FastifyRequest, id: string) => {
    const [site, consultation] = await Promise.all([
      publicSite(request),
      getOpenConsultation(app.db, parseId(id, 'Consultation')),
    ]);
    if (!consultation || consultation.organisationId !== site.organisationId)
      throw new NotFoundError('Consultation');
    return { consultation, questions: await listQuestions(app.db, consultation.id) };
  };

  const readSubmitted = (body: unknown, questions: QuestionRow[]): Submitted => ({
    respondent: field(body, 'respondent'),
    answers: Object.fromEntries(questions.map((q) => [String(q.id), field(body, `answer-${q.id}`)])),
  });

  const closed = async (
    reply: FastifyReply,
    consultation: ConsultationRow,
    questions: QuestionRow[],
    submitted?: Submitted,
  ) => {
    const site = await publicSite(reply.request);
    return publicPage(reply.code(submitted ? 410 : 200), 'public/consultation-closed.njk', site, {
      title: consultation.title,
      closesOn: formatDate(consultation.closesOn),
      answers: submitted
        ? questions
            .map((q) => ({ question: q.text, answer: submitted.answers[String(q.id)] ?? '' }))
            .filter((a) => a.answer.trim())
        : [],
      publicSection: 'consultations',
    });
  };

  app.get(paths.public.consultations.pattern, async (request, reply) => {
    const site = await publicSite(request);
    const list =
      site.organisationId === null
        ? []
        : await listOpenConsultations(app.db, site.organisationId, app.clock.today());
    return publicPage(reply, 'public/consultations.njk', site, {
      title: 'Have your say',
      consultations: list.map((c) => ({ ...c, closesOnText: formatDate(c.closesOn) })),
      publicSection: 'consultations',
    });
  });

  app.get<{ Params: RouteParams<typeof paths.public.consultation> }>(
    paths.public.consultation.pattern,
    async (request, reply) => {
      const { consultation, questions } = await load(request, request.params.consultationId);
      if (!takesResponses(consultation, app.clock.today())) return closed(reply, consultation, questions);
      return render(reply, consultation, questions, { respondent: '', answers: {} });
    },
  );

  app.get<{ Params: RouteParams<typeof paths.public.consultationThanks> }>(
    paths.public.consultationThanks.pattern,
    async (request, reply) => {
      const { consultation } = await load(request, request.params.consultationId);
      const site = await publicSite(request);
      return publicPage(reply, 'public/consultation-thanks.njk', site, {
        title: 'Your response has been sent',
        consultation,
        publicSection: 'consultations',
      });
    },
  );

  app.post<{ Params: RouteParams<typeof paths.public.consultation> }>(
    paths.public.consultation.pattern,
    async (request, reply) => {
      const { consultation, questions } = await load(request, request.params.consultationId);
      const submitted = readSubmitted(request.body, questions);
      if (!takesResponses(consultation, app.clock.today()))
        return closed(reply, consultation, questions, submitted);

      // A field people cannot see: only a program filling in every box fills this one.
      if (field(request.body, honeypotField).trim() !== '') {
        return render(reply.code(400), consultation, questions, submitted, {
          errors: toFormErrors([
            {
              field: 'answers',
              message:
                'Your response could not be sent because a hidden box was filled in, which automated programs do. If you are a person, check your answers and send the form again.',
            },
          ]),
        });
      }

      // Every field present as text: a radio left unchosen is not sent at all.
      const checked = parseForm(responseSchema(questions), {
        respondent: submitted.respondent,
        ...Object.fromEntries(
          questions.map((q) => [`answer-${q.id}`, submitted.answers[String(q.id)] ?? '']),
        ),
      });
      if (!checked.ok)
        return render(reply.code(400), consultation, questions, submitted, { errors: checked.errors });

      const token = checkFormToken(
        secret,
        consultation.id,
        field(request.body, 'formToken'),
        app.clock.now().getTime(),
      );
      if (!token.ok)
        return render(reply.code(400), consultation, questions, submitted, {
          notice: tokenMessages[token.problem],
        });

      const sender = senderKey(request);
      const answers: Record<string, string> = Object.fromEntries(
        Object.entries(submitted.answers)
          .map(([k, v]): [string, string] => [k, v.trim()])
          .filter(([, v]) => v !== ''),
      );
      const respondent: Respondent =
        respondentChoices.find((r) => r === submitted.respondent) ?? 'prefer-not-to-say';
      let result: Awaited<ReturnType<typeof submitResponse>>;
      try {
        result = await submitResponse(
          app.db,
          consultation,
          { respondent, answers, formNonce: token.nonce, senderKey: sender },
          app.clock.today(),
          { perHour: app.config.CONSULTATION_RESPONSE_LIMIT },
        );
      } catch (error) {
        // It closed while they were writing: say so, and show what they wrote.
        if (error instanceof PublishingError && error.code === 'consultation-closed')
          return closed(reply, consultation, questions, submitted);
        throw error;
      }
      if ('limited' in result) {
        reply.header('retry-after', String(result.retryAfterSeconds));
        return render(reply.code(429), consultation, questions, submitted, {
          notice:
            'A lot of responses have been sent from this connection in the last hour. Your answers have not been sent yet and are still below: wait a few minutes, then send the form again.',
        });
      }
      // A duplicate is the same form sent twice: it was stored the first time, so thank them either way.
      return reply.redirect(paths.public.consultationThanks(consultation.id), 303);
    },
  );

  /*
   * The CSRF check runs before the handler. If it fails (the session cookie expired while someone
   * wrote a long answer), show their answers again with a fresh token rather than an error page.
   */
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const params: unknown = request.params;
    const id = isRecord(params) && typeof params.consultationId === 'string' ? params.consultationId : '';
    if (request.method === 'POST' && error.code?.startsWith('FST_CSRF') && id && isRecord(request.body)) {
      const { consultation, questions } = await load(request, id);
      return render(reply.code(400), consultation, questions, readSubmitted(request.body, questions), {
        notice:
          'Your session had timed out, so your answers have not been sent yet. They are still below: check them and send the form again.',
      });
    }
    throw error;
  });
}
