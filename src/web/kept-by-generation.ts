/*
 * Reads kept per generation of what they read, so the same read asked again is answered without
 * reading: search results per generation of what a search reads (src/db/search/state.ts), and the
 * plan's pages per council data version (src/db/data-versions/queries.ts, src/web/kept-reads.ts).
 * Every request asks the database for the generation (one row, by primary key): a write committed
 * anywhere, on this instance or another, is seen by the next request. Requests that arrive while a
 * question about the generation is on its way wait for the next one, so at most two are
 * outstanding however many people ask at once, and each request's answer is read after it arrived.
 */

export interface KeptByGenerationOptions {
  /** The generation now; null when the database keeps none, and nothing is kept. */
  state: () => Promise<string | null>;
  /** Reads kept at once; the least recently used goes first. */
  maxEntries?: number;
}

interface Entry<T> {
  state: string;
  value: Promise<T>;
}

export class KeptByGeneration<T> {
  readonly #state: () => Promise<string | null>;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, Entry<T>>();
  /** The question about the generation on its way now, and the one queued to follow it. */
  #asking: Promise<string | null> | null = null;
  #queued: Promise<string | null> | null = null;

  constructor(options: KeptByGenerationOptions) {
    this.#state = options.state;
    this.#maxEntries = options.maxEntries ?? 500;
  }

  /** What is kept for `key` at the current generation, reading it (once) when nothing is. */
  async get(key: string, read: () => Promise<T>): Promise<T> {
    const state = await this.#currentState();
    if (state === null) return read();
    return this.getAt(key, state, read);
  }

  /** What is kept for `key` at a generation the caller has just read itself (with the session). */
  getAt(key: string, state: string, read: () => Promise<T>): Promise<T> {
    const kept = this.#entries.get(key);
    if (kept && kept.state === state) {
      // Most recently used last, so the oldest is first to go.
      this.#entries.delete(key);
      this.#entries.set(key, kept);
      return kept.value;
    }
    // One read per key and generation, however many ask while it runs.
    const entry: Entry<T> = { state, value: read() };
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    entry.value.catch(() => {
      if (this.#entries.get(key) === entry) this.#entries.delete(key);
    });
    if (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return entry.value;
  }

  /** A question asked after this call began: the queued one, or a new one when none is on its way. */
  #currentState(): Promise<string | null> {
    if (this.#queued) return this.#queued;
    if (!this.#asking) return this.#ask();
    const queued = this.#asking
      .catch(() => null)
      .then(() => {
        this.#queued = null;
        return this.#ask();
      });
    this.#queued = queued;
    return queued;
  }

  #ask(): Promise<string | null> {
    const asking = this.#state();
    this.#asking = asking;
    const done = () => {
      if (this.#asking === asking) this.#asking = null;
    };
    asking.then(done, done);
    return asking;
  }
}
