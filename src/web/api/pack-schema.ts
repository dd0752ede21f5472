import { frameworkOutcomes } from '../../domain/national-framework.ts';
import { actionStatuses } from '../../domain/meetings/vocabulary.ts';

/** The issued board pack as the API gives it: the content the documents were rendered from. */

const listItem = {
  type: 'object',
  properties: {
    text: { type: 'string' },
    // Nested bullets are the same shape again; JSON Schema by reference would loop the serializer.
    children: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;

const priority = {
  type: 'object',
  properties: {
    number: { type: 'integer' },
    title: { type: 'string' },
    ambition: { type: 'string' },
    sponsor: { type: 'string' },
    previousRag: { type: 'string', description: 'A code of the pack’s RAG scale' },
    currentRag: { type: 'string' },
    direction: { type: 'string', enum: ['improved', 'worsened', 'unchanged', 'not-comparable', 'new'] },
    reason: { type: 'string' },
    completedBy: { type: 'string' },
    state: { type: 'string' },
    frameworkOutcome: {
      type: 'string',
      enum: [...frameworkOutcomes],
      description: 'The National Framework outcome or enabler the priority serves; absent when not tagged',
    },
    areas: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          title: { type: 'string' },
          progress: { type: 'array', items: listItem },
          nextPeriod: { type: 'array', items: listItem },
        },
      },
    },
    evidenceWarnings: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string' },
          message: { type: 'string' },
          evidence: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    measures: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          latest: { type: 'string', description: 'With its unit and period, e.g. "83% (July 2024)"' },
          target: { type: 'string' },
          rating: { type: 'string', enum: ['red', 'amber', 'green', 'none'] },
          direction: { type: 'string' },
          narrative: { type: 'string' },
        },
      },
    },
  },
} as const;

const risks = {
  type: 'object',
  description: 'Open risks at or above the council’s threshold when the pack was made; absent without a plan',
  properties: {
    threshold: { type: 'integer', description: 'Score after controls from which a risk goes to the board' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          title: { type: 'string' },
          owner: { type: 'string' },
          priorities: { type: 'string', description: 'Numbers of the linked priorities, e.g. "1, 3"' },
          beforeControls: { type: 'string', description: 'Score and band, e.g. "20 (Very high)"' },
          afterControls: { type: 'string' },
          direction: { type: 'string' },
          controls: { type: 'string' },
          nextReview: { type: 'string', description: 'e.g. "1 November 2024"; empty when not set' },
        },
      },
    },
  },
} as const;

const projects = {
  type: 'array',
  description:
    'The plan’s projects and investable propositions when the pack was made; absent without a plan',
  items: {
    type: 'object',
    properties: {
      title: { type: 'string' },
      kind: { type: 'string', description: '"Project" or "Investable proposition"' },
      phase: { type: 'string', description: 'The council’s words for the phase; may be empty' },
      lead: { type: 'string' },
      priorities: { type: 'string', description: 'Numbers of the linked priorities, e.g. "1, 3"' },
      rag: { type: 'string', description: 'A code of the pack’s RAG scale; absent when not rated' },
      reason: { type: 'string' },
      milestones: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            title: { type: 'string' },
            due: { type: 'string' },
            status: { type: 'string' },
            completed: { type: 'string' },
          },
        },
      },
      investment: { type: 'string', description: 'Planned and actual spend in words' },
    },
  },
} as const;

const expectations = {
  type: 'object',
  description: 'A reform programme’s expectations when the pack was made, required then recommended',
  properties: {
    required: { type: 'integer' },
    requiredMet: { type: 'integer' },
    recommended: { type: 'integer' },
    recommendedMet: { type: 'integer' },
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          text: { type: 'string' },
          strength: { type: 'string', description: '"Required" or "Recommended"' },
          reference: { type: 'string' },
          status: { type: 'string', description: '"Not started", "In progress" or "Met"' },
          met: { type: 'boolean' },
          evidence: { type: 'string' },
          commitments: { type: 'array', items: { type: 'string' }, description: 'Commitments that meet it' },
          measures: {
            type: 'array',
            items: { type: 'string' },
            description: 'Measures that meet it, by name',
          },
        },
      },
    },
  },
} as const;

const parts = {
  type: 'array',
  description:
    'Present when the pack covers more than one plan: each plan’s part with its own sections (priorities, risks, projects and expectations are then at this level, not the top)',
  items: {
    type: 'object',
    properties: {
      title: { type: 'string' },
      kind: { type: 'string', description: '"Improvement plan" or "Reform programme"' },
      priorities: { type: 'array', items: priority },
      risks,
      projects,
      expectations,
    },
  },
} as const;

export const issuedPackSchema = {
  type: 'object',
  description: 'The board pack exactly as issued; later changes to reports and figures do not change it',
  properties: {
    version: { type: 'integer', description: '1 for the first issue, then 2, 3… for each reissue' },
    issuedAt: { type: 'string', format: 'date-time' },
    issuedBy: { type: 'string' },
    reason: { type: 'string', description: 'Why it was issued again; empty for the first issue' },
    council: { type: 'string' },
    board: { type: 'string' },
    meeting: {
      type: 'object',
      properties: { date: { type: 'string', format: 'date' }, title: { type: 'string' } },
    },
    generatedAt: { type: 'string', format: 'date-time' },
    ragScale: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          label: { type: 'string' },
          definition: { type: 'string' },
          colour: { type: 'string' },
        },
      },
    },
    priorities: { type: 'array', items: priority },
    risks,
    projects,
    expectations,
    parts,
    actionLog: {
      type: 'array',
      description:
        'Actions from earlier meetings still open at issue, and those closed since the last meeting; absent from packs issued before meetings kept actions',
      items: {
        type: 'object',
        properties: {
          raisedOn: { type: 'string', format: 'date' },
          item: { type: 'string' },
          description: { type: 'string' },
          owner: { type: 'string' },
          dueDate: { type: 'string', format: 'date' },
          status: { type: 'string', enum: actionStatuses },
          closedOn: { type: 'string', format: 'date' },
          latestUpdate: {
            type: 'object',
            properties: { date: { type: 'string', format: 'date' }, text: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;
