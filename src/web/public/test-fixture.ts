/*
 * A council whose every internal field holds a distinctive value, so a test can search each public
 * output for each value: none may ever appear. Public fields hold ordinary words.
 */
import { insertRecord, systemActor } from '../../db/changes.ts';
import type { Db } from '../../db/client.ts';
import { publishQuarter } from '../../db/publishing/publications.ts';
import { quarter } from '../../db/publishing/quarters.ts';
import {
  boardMeetings,
  boards,
  comments,
  commitments,
  consultationQuestions,
  consultationResponses,
  consultations,
  feedback,
  glossaryEntries,
  highlightReports,
  measures,
  observations,
  outcomes,
  plans,
  priorities,
} from '../../db/schema.ts';
import { addUser, ensureOrganisation } from '../../db/people/commands.ts';
import { listGlossary } from '../../db/publishing/settings.ts';

/** Values that must never reach a public page, JSON, CSV or feed. */
export const internal = {
  owner: 'Ownerly Quagmire-Thwaite',
  needsReview: 'NEEDS-REVIEW pairing was unclear zxqv',
  comment: 'Board comment: this looks shaky wqzx',
  staffName: 'Perpetua Grimbleshanks',
  viewerName: 'Ignatius Fothergill-Pye',
  evidenceTitle: 'Intranet audit folder qxzw',
  evidenceUrl: 'https://intranet.example/secret-audit-qxzw',
  measureOwner: 'Measure owner Barnabas Quillfeather',
  measureSource: 'LCS report 47 zqxw',
  observationNote: 'Observation note: figure disputed wxqz',
  highlightReason: 'Highlight reason: recovery plan slipping xwzq',
  highlightCompletedBy: 'Completed by Hortensia Blunderbuss',
  unconsentedSaid: 'Please do not share this qwxz',
  unconsentedAttribution: 'Wilhelmina Snodgrass',
  anonymousAttribution: 'Cornelius Wobblethorpe',
  anonymousNameInText: 'Zebulon',
  draftFeedback: 'Still a draft, not for release zwqx',
  consultationAnswer: 'My private answer to the consultation xzqw',
  glossaryGuess: 'Guessed Expansion Not Confirmed Qwzx',
  glossaryNote: 'Glossary note for staff only xqzw',
  unpublishedEdit: 'An edit made after publishing xqwz',
} as const;

export async function buildPublishedCouncil(db: Db) {
  const actor = systemActor('Fixture');
  const organisationId = await ensureOrganisation(db, 'Fixtureshire Council');
  const programmeManager = await addUser(db, {
    organisationId,
    email: 'pm@fixtureshire.gov.uk',
    name: internal.staffName,
    role: 'programme-manager',
    password: 'correct horse battery staple',
  });
  const viewer = await addUser(db, {
    organisationId,
    email: 'viewer@fixtureshire.gov.uk',
    name: internal.viewerName,
    role: 'viewer',
    password: 'correct horse battery staple',
  });
  const plan = await insertRecord(
    db,
    plans,
    'plan',
    organisationId,
    { organisationId, title: 'Fixtureshire Improvement Plan', period: '2024 to 2026', status: 'adopted' },
    actor,
  );
  const priority = await insertRecord(
    db,
    priorities,
    'priority',
    organisationId,
    {
      planId: plan.id,
      number: 1,
      title: 'Help for families from the MASH',
      sponsorName: 'Director of Children’s Services',
    },
    actor,
  );
  const commitment = await insertRecord(
    db,
    commitments,
    'commitment',
    organisationId,
    {
      priorityId: priority.id,
      text: 'We said we would open four family hubs.',
      owner: internal.owner,
      needsReview: internal.needsReview,
      status: 'done',
      dueOn: '2024-12-31',
    },
    actor,
  );
  const outcome = await insertRecord(
    db,
    outcomes,
    'outcome',
    organisationId,
    {
      commitmentId: commitment.id,
      text: 'We opened four family hubs.',
      achievedOn: '2024-11-01',
      evidence: [{ title: internal.evidenceTitle, url: internal.evidenceUrl }],
    },
    actor,
  );
  // Long words in a long sentence: well above a reading age of 11.
  await insertRecord(
    db,
    commitments,
    'commitment',
    organisationId,
    {
      priorityId: priority.id,
      text: 'We would institutionalise comprehensive interdisciplinary accountability arrangements, guaranteeing organisational responsiveness and demonstrable effectiveness throughout.',
      status: 'in-progress',
      position: 1,
    },
    actor,
  );
  await db.insert(comments).values([
    { recordType: 'commitment', recordId: commitment.id, userId: viewer.id, text: internal.comment },
    { recordType: 'priority', recordId: priority.id, userId: viewer.id, text: internal.comment },
  ]);
  const measure = await insertRecord(
    db,
    measures,
    'measure',
    organisationId,
    {
      organisationId,
      name: 'Children in care',
      unit: 'count',
      definition: 'Children in the council’s care at the month end.',
      owner: internal.measureOwner,
      sourceSystem: internal.measureSource,
    },
    actor,
  );
  await db.insert(observations).values([
    { measureId: measure.id, period: '2024-09', value: 700, note: internal.observationNote },
    { measureId: measure.id, period: '2024-10', value: 690, note: internal.observationNote },
  ]);
  const [board] = await db.insert(boards).values({ organisationId, name: 'Improvement Board' }).returning();
  const [meeting] = await db
    .insert(boardMeetings)
    .values({ boardId: board!.id, meetingOn: '2024-11-12', status: 'held' })
    .returning();
  await db.insert(highlightReports).values({
    meetingId: meeting!.id,
    priorityId: priority.id,
    currentRag: 'amber',
    reason: internal.highlightReason,
    completedBy: internal.highlightCompletedBy,
    state: 'approved',
  });

  await db.insert(feedback).values([
    {
      organisationId,
      kind: 'compliment',
      source: 'parent-or-carer',
      said: internal.unconsentedSaid,
      attribution: internal.unconsentedAttribution,
      consent: 'none',
      status: 'published',
    },
    {
      organisationId,
      kind: 'compliment',
      source: 'parent-or-carer',
      said: `Thank you ${internal.anonymousNameInText} for your help.`,
      attribution: internal.anonymousAttribution,
      consent: 'anonymous',
      status: 'published',
    },
    {
      organisationId,
      kind: 'you-said-we-did',
      source: 'staff',
      said: internal.draftFeedback,
      response: 'Not yet',
      consent: 'named',
      status: 'draft',
    },
    {
      organisationId,
      kind: 'you-said-we-did',
      source: 'child-or-young-person',
      said: 'You said the forms were hard to read.',
      response: 'We made them shorter.',
      consent: 'anonymous',
      status: 'published',
    },
  ]);
  await listGlossary(db, organisationId);
  await db.insert(glossaryEntries).values({
    organisationId,
    acronym: 'QWZX',
    expansion: internal.glossaryGuess,
    confirmed: false,
    note: internal.glossaryNote,
  });

  const consultation = await insertRecord(
    db,
    consultations,
    'consultation',
    organisationId,
    { organisationId, title: 'Tell us about family hubs', closesOn: '2099-12-31', status: 'open' },
    actor,
  );
  const [question] = await db
    .insert(consultationQuestions)
    .values({
      consultationId: consultation.id,
      text: 'What do you think of the family hubs?',
      required: true,
    })
    .returning();
  await db.insert(consultationResponses).values({
    consultationId: consultation.id,
    answers: { [question!.id]: internal.consultationAnswer },
    formNonce: 'fixture-nonce',
    senderKey: 'fixture',
  });

  const publication = await publishQuarter(db, {
    organisationId,
    planId: plan.id,
    quarter: quarter(2024, 3),
    measureIds: [measure.id],
    actor: { userId: programmeManager.id, name: internal.staffName },
    publishedAt: new Date('2024-10-01T12:00:00Z'),
  });
  return {
    organisationId,
    plan,
    priority,
    commitment,
    outcome,
    measure,
    consultation,
    question: question!,
    publication,
    programmeManager,
    viewer,
  };
}
