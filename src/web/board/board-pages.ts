import type { FastifyInstance } from 'fastify';
import { addMember, createBoard, createMeeting } from '../../db/board/commands.ts';
import { listBoards, listMeetings, listMembers, listPeople, type Board } from '../../db/board/queries.ts';
import { listPlans } from '../../db/plan/queries.ts';
import { can } from '../../domain/policies.ts';
import { authorize, requireUser } from '../auth.ts';
import { paths, type RouteParams } from '../paths.ts';
import { createRoute } from '../forms/record-routes.ts';
import { boardForm, meetingForm, memberForm } from './forms.ts';
import { boardKindNames, meetingStatusNames } from './labels.ts';
import { boardLoaders, runTheCycle } from './loaders.ts';

/** Boards, their members and their meetings. The programme office sets them up; everyone signed in reads them. */
export function boardPages(app: FastifyInstance) {
  const load = boardLoaders(app);
  const crumbs = (board?: Board) => [
    { text: 'Boards', href: paths.boards() },
    ...(board ? [{ text: board.name, href: paths.board(board.id) }] : []),
  ];

  app.get(paths.boards(), async (request, reply) => {
    const user = authorize(request, reply, 'read', runTheCycle);
    return reply.page('board/boards.njk', {
      title: 'Boards',
      boards: await listBoards(app.db, user.organisationId),
      boardKindNames,
      canManage: can(user, 'create', runTheCycle),
    });
  });

  createRoute(app, {
    path: paths.newBoard(),
    action: 'create',
    load: async (request, reply) => requireUser(request, reply),
    resource: () => runTheCycle,
    form: boardForm,
    formContext: async (user) => ({ plans: await listPlans(app.db, user.organisationId) }),
    initialValues: () => ({ kind: 'improvement-board' }),
    page: () => ({
      title: 'Add a board',
      section: 'board',
      cancelLink: paths.boards(),
      breadcrumbs: crumbs(),
    }),
    create: (user, data, actor) => createBoard(app.db, user.organisationId, data, actor),
    done: (_user, board) => paths.board(board.id),
  });

  app.get<{ Params: RouteParams<typeof paths.board> }>(paths.board.pattern, async (request, reply) => {
    const board = await load.board(request, reply);
    const user = authorize(request, reply, 'read', runTheCycle);
    const [members, meetings, plans] = await Promise.all([
      listMembers(app.db, board.id),
      listMeetings(app.db, board.id),
      listPlans(app.db, user.organisationId),
    ]);
    return reply.page('board/board.njk', {
      title: board.name,
      board,
      plan: plans.find((p) => p.id === board.planId) ?? null,
      members,
      meetings,
      boardKindNames,
      meetingStatusNames,
      canManage: can(user, 'create', runTheCycle),
      breadcrumbs: crumbs(),
    });
  });

  createRoute(app, {
    path: '/boards/:boardId/members/new',
    action: 'create',
    load: load.board,
    resource: () => runTheCycle,
    form: memberForm,
    formContext: async (board) => ({ people: await listPeople(app.db, board.organisationId) }),
    page: (board) => ({
      title: 'Add a board member',
      section: 'board',
      caption: board.name,
      cancelLink: paths.board(board.id),
      breadcrumbs: crumbs(board),
    }),
    create: (board, data, actor) => addMember(app.db, board.organisationId, board.id, data, actor),
    done: (board) => paths.board(board.id) + '#members',
  });

  createRoute(app, {
    path: '/boards/:boardId/meetings/new',
    action: 'create',
    load: load.board,
    resource: () => runTheCycle,
    form: meetingForm,
    formContext: () => undefined,
    initialValues: () => ({ kind: 'board', reminderDaysBefore: '3' }),
    page: (board) => ({
      title: 'Add a meeting',
      section: 'board',
      caption: board.name,
      cancelLink: paths.board(board.id),
      breadcrumbs: crumbs(board),
    }),
    create: (board, data, actor) => createMeeting(app.db, board.organisationId, board.id, data, actor),
    done: (_board, meeting) => paths.meeting(meeting.id),
  });
}
