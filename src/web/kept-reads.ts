import fp from 'fastify-plugin';
import { dataVersion } from '../db/data-versions/queries.ts';
import { KeptByGeneration } from './kept-by-generation.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The plan's reads kept per council data version, for the signed-in pages and the API. */
    keptReads: KeptReads;
  }
}

/** Kept reads per council, each council's at its own data version, so one council's change leaves the others' kept. */
export class KeptReads {
  readonly #councils = new Map<number, KeptByGeneration<unknown>>();

  constructor(
    private readonly version: (organisationId: number) => Promise<string>,
    private readonly maxEntriesPerCouncil = 200,
  ) {}

  /**
   * What `read` gives for the council and key, read once per data version. The key must name
   * everything else the read depends on (the record's id, the date when it counts what is overdue).
   * What comes back is shared between requests: never change it.
   */
  get<T>(organisationId: number, key: string, read: () => Promise<T>): Promise<T> {
    let council = this.#councils.get(organisationId);
    if (!council) {
      council = new KeptByGeneration<unknown>({
        state: () => this.version(organisationId),
        maxEntries: this.maxEntriesPerCouncil,
      });
      this.#councils.set(organisationId, council);
    }
    return council.get(key, read) as Promise<T>;
  }
}

/**
 * One store of kept reads per instance. Every request still asks the database for the council's
 * data version (one row by its key), so a change committed on any instance is seen at once: the
 * store saves the reads and counting, never freshness.
 */
export const keptReads = fp(
  (app, _options, done) => {
    app.decorate('keptReads', new KeptReads((organisationId) => dataVersion(app.db, organisationId)));
    done();
  },
  { name: 'kept-reads', dependencies: ['database'] },
);
