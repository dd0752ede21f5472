import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
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
    private readonly maxEntriesPerCouncil = 500,
  ) {}

  /**
   * What `read` gives for the signed-in person's council and `key`, read once per data version. The
   * key must name everything else the read depends on (the record's id, the person when it is
   * theirs, the date when it counts what is overdue). What comes back is shared between requests:
   * never change it. The version is the one read with the session (no round trip of its own).
   */
  get<T>(request: FastifyRequest, key: string, read: () => Promise<T>): Promise<T> {
    const organisationId = request.user?.organisationId;
    if (organisationId === undefined) return read();
    const council = this.#council(organisationId);
    const version = request.dataVersion;
    return (version === null ? council.get(key, read) : council.getAt(key, version, read)) as Promise<T>;
  }

  #council(organisationId: number): KeptByGeneration<unknown> {
    let council = this.#councils.get(organisationId);
    if (!council) {
      council = new KeptByGeneration<unknown>({
        state: () => this.version(organisationId),
        maxEntries: this.maxEntriesPerCouncil,
      });
      this.#councils.set(organisationId, council);
    }
    return council;
  }
}

/**
 * One store of kept reads per instance. Every request still reads the council's data version (with
 * its session), so a change committed on any instance is seen at once: the store saves the reads
 * and the counting, never freshness.
 */
export const keptReads = fp(
  (app, _options, done) => {
    app.decorate('keptReads', new KeptReads((organisationId) => dataVersion(app.db, organisationId)));
    done();
  },
  { name: 'kept-reads', dependencies: ['database'] },
);
