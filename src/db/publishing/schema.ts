import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt, version } from '../columns.ts';
import { plans } from '../plan/schema.ts';
import { organisations, users } from '../people/schema.ts';
import { consents, feedbackKinds, feedbackSources, respondents } from '../../domain/publishing/feedback.ts';
import { consultationStatuses, feedbackStatuses } from '../../domain/workflows/publication.ts';
import type { ResolvedSuggestion } from '../../domain/publishing/wording-check.ts';

/* "You said, We did": what staff, partners, children and families said, and what was done. */

export { feedbackSources };

export const feedback = pgTable(
  'feedback',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    planId: integer('plan_id').references(() => plans.id),
    kind: text('kind', { enum: feedbackKinds }).notNull(),
    source: text('source', { enum: feedbackSources }).notNull().default('unknown'),
    /** "You said", or the comment as written. */
    said: text('said').notNull(),
    /** "We did" */
    response: text('response').notNull().default(''),
    /** A first draft of the public wording; only `approvedWording` is ever published. */
    publicWording: text('public_wording').notNull().default(''),
    /**
     * The words a person approved for the public page ("You said" and "We did"), after reading
     * every suggestion of the check in src/domain/publishing/wording-check.ts. Null: not approved,
     * so not published. Editing what was said clears it.
     */
    approvedWording: text('approved_wording'),
    approvedResponse: text('approved_response'),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedByName: text('approved_by_name'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** The suggestions in the approved wording the approver kept, each with their reason. */
    resolvedSuggestions: jsonb('resolved_suggestions').$type<ResolvedSuggestion[]>().notNull().default([]),
    /** Name or signature as written: never published unless consent covers names. */
    attribution: text('attribution').notNull().default(''),
    receivedOn: date('received_on'),
    consent: text('consent', { enum: consents }).notNull().default('not-asked'),
    status: text('status', { enum: feedbackStatuses }).notNull().default('draft'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('feedback_organisation').on(t.organisationId)],
);

/*
 * Publishing: the frozen quarterly snapshots the public site reads, the council's glossary and
 * reading-age target, consultations with their responses and themes, and committee reports.
 */

/** Per council: the reading age public text is pitched at, and the measures shown publicly. */
export const publishingSettings = pgTable('publishing_settings', {
  organisationId: integer('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  targetReadingAge: integer('target_reading_age').notNull().default(11),
  /** Measures offered for the next publication, in the order they are shown. */
  publicMeasureIds: jsonb('public_measure_ids').$type<number[]>().notNull().default([]),
  /** Set once the glossary has been filled from the seed acronyms, so deleting an entry sticks. */
  glossarySeeded: boolean('glossary_seeded').notNull().default(false),
  version: version(),
  updatedAt: updatedAt(),
});

export const glossaryEntries = pgTable(
  'glossary_entries',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    acronym: text('acronym').notNull(),
    expansion: text('expansion').notNull().default(''),
    /** e.g. "Children in Need" for CIN; blank means the expansion plus "s". */
    plural: text('plural').notNull().default(''),
    /** Other spellings in the council's documents, comma separated in the form. */
    variants: jsonb('variants').$type<string[]>().notNull().default([]),
    /** False for abbreviations readers know better than their expansion (NHS, Ofsted). */
    explain: boolean('explain').notNull().default(true),
    /** Unconfirmed expansions are guesses and are never printed publicly. */
    confirmed: boolean('confirmed').notNull().default(true),
    note: text('note').notNull().default(''),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('glossary_entries_org_acronym').on(t.organisationId, t.acronym)],
);

/**
 * A quarterly publication: the public part of the plan frozen as JSON when a programme manager
 * publishes, so later edits never change what was published on a date.
 */
export const publications = pgTable(
  'publications',
  {
    id: id(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    /** e.g. "Quarter 4, 2022/23" */
    quarterLabel: text('quarter_label').notNull(),
    quarterStart: date('quarter_start').notNull(),
    quarterEnd: date('quarter_end').notNull(),
    /** The public snapshot (see src/domain/publishing/snapshot.ts for its shape). */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: integer('published_by').references(() => users.id),
    publishedByName: text('published_by_name').notNull(),
    /** 1 for a quarter's first publication; each correction is the next version. */
    version: integer('version').notNull().default(1),
    /** Why this version was published as a correction (public); null for a first publication. */
    correctionReason: text('correction_reason'),
    /**
     * Why the easy read was published with texts above the council's target reading age (for the
     * programme office, not the public); null when every text met it.
     */
    easyReadReason: text('easy_read_reason'),
    /** Withdrawn from the public site: when, why (public) and by whom. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnBy: integer('withdrawn_by').references(() => users.id),
    withdrawnByName: text('withdrawn_by_name'),
  },
  (t) => [
    index('publications_organisation').on(t.organisationId, t.publishedAt),
    uniqueIndex('publications_plan_quarter_version_unique').on(t.planId, t.quarterStart, t.version),
  ],
);

export const consultations = pgTable('consultations', {
  id: id(),
  organisationId: integer('organisation_id')
    .notNull()
    .references(() => organisations.id),
  planId: integer('plan_id').references(() => plans.id),
  title: text('title').notNull(),
  /** What the consultation is about, shown above the public form. */
  description: text('description').notNull().default(''),
  /** Responses are accepted until the end of this day (London time). */
  closesOn: date('closes_on').notNull(),
  /** Draft consultations are not shown publicly. */
  status: text('status', { enum: consultationStatuses }).notNull().default('draft'),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const consultationQuestions = pgTable(
  'consultation_questions',
  {
    id: id(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id),
    text: text('text').notNull(),
    hint: text('hint').notNull().default(''),
    required: boolean('required').notNull().default(false),
    position: integer('position').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('consultation_questions_consultation').on(t.consultationId)],
);

export const consultationResponses = pgTable(
  'consultation_responses',
  {
    id: id(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id),
    respondent: text('respondent', { enum: respondents }).notNull().default('prefer-not-to-say'),
    /** Answers by question id, as typed. */
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    /** From the form's signed token: the same form sent twice is stored once. */
    formNonce: text('form_nonce').notNull(),
    /** A keyed hash of the sender's address, kept only to limit how often one address sends. */
    senderKey: text('sender_key').notNull().default(''),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('consultation_responses_nonce').on(t.consultationId, t.formNonce),
    index('consultation_responses_sender').on(t.senderKey, t.receivedAt),
  ],
);

export const consultationThemes = pgTable(
  'consultation_themes',
  {
    id: id(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id),
    name: text('name').notNull(),
    /** What respondents said under this theme, as the report will put it. */
    summary: text('summary').notNull().default(''),
    position: integer('position').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('consultation_themes_consultation').on(t.consultationId)],
);

export const responseThemes = pgTable(
  'response_themes',
  {
    responseId: integer('response_id')
      .notNull()
      .references(() => consultationResponses.id),
    themeId: integer('theme_id')
      .notNull()
      .references(() => consultationThemes.id),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.themeId] })],
);

/** A Cabinet or committee report for a quarter: the council's cover fields, then numbered sections. */
export const committeeReports = pgTable('committee_reports', {
  id: id(),
  organisationId: integer('organisation_id')
    .notNull()
    .references(() => organisations.id),
  planId: integer('plan_id')
    .notNull()
    .references(() => plans.id),
  quarterLabel: text('quarter_label').notNull(),
  quarterStart: date('quarter_start').notNull(),
  quarterEnd: date('quarter_end').notNull(),
  /** Its summary by theme becomes the feedback section. */
  consultationId: integer('consultation_id').references(() => consultations.id),
  reportTo: text('report_to').notNull(),
  meetingOn: date('meeting_on').notNull(),
  reportingOfficer: text('reporting_officer').notNull().default(''),
  subject: text('subject').notNull(),
  reportSummary: text('report_summary').notNull().default(''),
  recommendations: text('recommendations').notNull().default(''),
  communityStrategyLinks: text('community_strategy_links').notNull().default(''),
  financialImplications: text('financial_implications').notNull().default(''),
  legalImplications: text('legal_implications').notNull().default(''),
  backgroundPapersContact: text('background_papers_contact').notNull().default(''),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** The meetings a report goes to, each marked when it has been received. */
export const committeeReportRecipients = pgTable(
  'committee_report_recipients',
  {
    id: id(),
    reportId: integer('report_id')
      .notNull()
      .references(() => committeeReports.id),
    meeting: text('meeting').notNull(),
    receivedOn: date('received_on'),
    position: integer('position').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('committee_report_recipients_report').on(t.reportId)],
);
