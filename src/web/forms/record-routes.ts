import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, SaveResult } from '../../domain/changes.ts';
import type { Action, PolicyResource } from '../../domain/policies.ts';
import { authorize } from '../auth.ts';
import { NotFoundError } from '../errors/http-errors.ts';
import { flash } from '../flash.ts';
import { field, FieldError, toFormErrors } from './parse.ts';
import { formValuesFrom, type FormValues, type RecordForm } from './fields.ts';
import { listHistory } from '../../db/plan/queries.ts';
import type { PatternParams } from '../paths.ts';

/** A request to a form route, its parameters typed by the route's pattern. */
export type RouteRequest<P extends string> = FastifyRequest<{ Params: PatternParams<P> }>;

/** What a form page needs to know about where it sits. */
export interface FormPage {
  title: string;
  caption?: string;
  cancelLink: string;
  breadcrumbs?: { text: string; href: string }[];
  /** Which navigation item the form belongs under; the plan's when not given. */
  section?: string;
}

interface Common<P extends string, Ctx, FormCtx, Data, Stored> {
  /** The route's pattern (`paths.editPlan.pattern`), which types the parameters `load` is given. */
  path: P;
  action: Action;
  /** Loads what the page is about; throws NotFoundError when it does not exist for this council. */
  load(request: RouteRequest<P>, reply: FastifyReply): Promise<Ctx>;
  resource(ctx: Ctx): PolicyResource;
  form: RecordForm<FormCtx, Data, Stored>;
  /** The success banner on the page the form sends the person to; see `defaultDoneMessage`. */
  doneMessage?: string;
  formContext(ctx: Ctx, request: FastifyRequest): Promise<FormCtx> | FormCtx;
  page(ctx: Ctx): FormPage;
}

export interface CreateRoute<P extends string, Ctx, FormCtx, Data, Stored> extends Common<
  P,
  Ctx,
  FormCtx,
  Data,
  Stored
> {
  initialValues?(ctx: Ctx, request: FastifyRequest): FormValues;
  create(ctx: Ctx, data: Data, actor: Actor): Promise<{ id: number }>;
  done(ctx: Ctx, created: { id: number }): string;
}

export interface EditRoute<P extends string, Ctx, FormCtx, Data, Stored> extends Common<
  P,
  Ctx,
  FormCtx,
  Data,
  Stored
> {
  record(ctx: Ctx): Stored & { version: number };
  /** Where the record's history is kept, to name who saved the newer version in a conflict. */
  historyKey(ctx: Ctx): { organisationId: number; recordType: string; recordId: number };
  save(
    ctx: Ctx,
    data: Data,
    version: number,
    actor: Actor,
  ): Promise<SaveResult<Stored & { version: number; updatedAt: Date }>>;
  done(ctx: Ctx): string;
}

/**
 * "Add a priority" becomes "Priority added"; an edit says "Changes saved". A route whose title
 * does not read that way names its own message.
 */
export function defaultDoneMessage(kind: 'create' | 'edit', title: string): string {
  if (kind === 'edit') return 'Changes saved';
  const match = /^Add (?:an? )?(.+)$/.exec(title);
  if (!match) return 'Saved';
  const what = match[1]!;
  return `${what.charAt(0).toUpperCase()}${what.slice(1)} added`;
}

const actorOf = (request: FastifyRequest): Actor => ({ userId: request.user!.id, name: request.user!.name });

/**
 * Registers GET and POST for a form that creates a record: the same checks, validation and
 * error display for every kind of record in the plan.
 */
export function createRoute<const P extends string, Ctx, FormCtx, Data, Stored>(
  app: FastifyInstance,
  route: CreateRoute<P, Ctx, FormCtx, Data, Stored>,
) {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: Ctx,
    values: FormValues,
    extra: object = {},
  ) => {
    const fields = route.form.fields(await route.formContext(ctx, request));
    return reply.page('forms/record-form.njk', {
      ...route.page(ctx),
      action: request.url,
      fields,
      values,
      ...extra,
    });
  };

  app.get<{ Params: PatternParams<P> }>(route.path, async (request, reply) => {
    const ctx = await route.load(request, reply);
    authorize(request, reply, route.action, route.resource(ctx));
    return render(request, reply, ctx, route.initialValues?.(ctx, request) ?? {});
  });

  app.post<{ Params: PatternParams<P> }>(route.path, async (request, reply) => {
    const ctx = await route.load(request, reply);
    authorize(request, reply, route.action, route.resource(ctx));
    const formCtx = await route.formContext(ctx, request);
    const values = formValuesFrom(request.body, route.form.fields(formCtx));
    const result = route.form.read(values, formCtx);
    if (!result.ok) return render(request, reply.code(400), ctx, values, { errors: result.errors });
    let created: { id: number };
    try {
      created = await route.create(ctx, result.data, actorOf(request));
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      return render(request, reply.code(400), ctx, values, {
        errors: toFormErrors([{ field: error.field, message: error.message }]),
      });
    }
    flash(request, route.doneMessage ?? defaultDoneMessage('create', route.page(ctx).title));
    return reply.redirect(route.done(ctx, created), 303);
  });
}

/**
 * Registers GET and POST for a form that edits a record. The form carries the version it was
 * loaded at; if someone saved since, the page shows their version beside the person's own text.
 */
export function editRoute<const P extends string, Ctx, FormCtx, Data, Stored>(
  app: FastifyInstance,
  route: EditRoute<P, Ctx, FormCtx, Data, Stored>,
) {
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    ctx: Ctx,
    values: FormValues,
    version: number,
    extra: object = {},
  ) => {
    const fields = route.form.fields(await route.formContext(ctx, request));
    return reply.page('forms/record-form.njk', {
      ...route.page(ctx),
      action: request.url,
      fields,
      values,
      version,
      ...extra,
    });
  };

  app.get<{ Params: PatternParams<P> }>(route.path, async (request, reply) => {
    const ctx = await route.load(request, reply);
    authorize(request, reply, route.action, route.resource(ctx));
    const record = route.record(ctx);
    return render(request, reply, ctx, route.form.toValues(record), record.version);
  });

  app.post<{ Params: PatternParams<P> }>(route.path, async (request, reply) => {
    const ctx = await route.load(request, reply);
    authorize(request, reply, route.action, route.resource(ctx));
    const formCtx = await route.formContext(ctx, request);
    const fields = route.form.fields(formCtx);
    const values = formValuesFrom(request.body, fields);
    const loadedVersion = Number(field(request.body, 'version'));
    if (!Number.isInteger(loadedVersion) || loadedVersion < 1) {
      return reply.code(400).page('errors/error.njk', {
        title: 'There is a problem with the request',
        status: 400,
        detail: 'The form was missing the version it was loaded at. Go back, reload the page and try again.',
      });
    }
    const result = route.form.read(values, formCtx);
    if (!result.ok)
      return render(request, reply.code(400), ctx, values, loadedVersion, { errors: result.errors });
    let saved: Awaited<ReturnType<typeof route.save>>;
    try {
      saved = await route.save(ctx, result.data, loadedVersion, actorOf(request));
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      const errors = toFormErrors([{ field: error.field, message: error.message }]);
      return render(request, reply.code(400), ctx, values, loadedVersion, { errors });
    }
    if (saved.ok) {
      flash(request, route.doneMessage ?? defaultDoneMessage('edit', route.page(ctx).title));
      return reply.redirect(route.done(ctx), 303);
    }
    if (!saved.conflict) throw new NotFoundError();
    // Keep what they typed, and move the form to the newer version so saving again is a deliberate choice.
    const theirs = route.form.toValues(saved.current);
    const by = await lastEditor(app, route.historyKey(ctx));
    return render(request, reply.code(409), ctx, values, saved.current.version, {
      conflict: { by, at: saved.current.updatedAt, rows: conflictRows(fields, theirs) },
    });
  });
}

async function lastEditor(
  app: FastifyInstance,
  key: { organisationId: number; recordType: string; recordId: number },
): Promise<string> {
  const [latest] = await listHistory(app.db, key.organisationId, key.recordType, key.recordId);
  return latest?.actorName ?? 'Someone else';
}

function conflictRows(
  fields: ReturnType<RecordForm<unknown, unknown, unknown>['fields']>,
  theirs: FormValues,
) {
  return fields.map((f) => {
    let text: string;
    if (f.kind === 'date')
      text = [theirs[`${f.name}-day`], theirs[`${f.name}-month`], theirs[`${f.name}-year`]]
        .filter(Boolean)
        .join('/');
    else if (f.kind === 'select' || f.kind === 'radios')
      text = f.items.find((i) => i.value === theirs[f.name])?.text ?? '';
    else if (f.kind === 'checkboxes') {
      const ticked = (theirs[f.name] ?? '').split(',');
      text = f.items
        .filter((i) => ticked.includes(i.value))
        .map((i) => i.text)
        .join('; ');
    } else text = theirs[f.name] ?? '';
    return { key: { text: f.label }, value: { text: text || 'Not set' } };
  });
}
