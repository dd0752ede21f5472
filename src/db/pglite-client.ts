import { PGlite, types, type PGliteOptions, type Transaction } from '@electric-sql/pglite';

/*
 * Drizzle sends its own type parsers with every query it asks PGlite, and PGlite copies them into
 * its whole table of parsers on each call: a third of the cost of a query as small as finding the
 * session. So the embedded database is opened with those parsers as its own (every answer is the
 * same), and the copy Drizzle sends is left out when it holds nothing else.
 */

const asText = (value: string) => value;

/** The parsers drizzle-orm/pglite sends (its session.js): dates, times and intervals kept as text. */
const drizzleParsers: Record<number, (value: string) => string> = {
  [types.TIMESTAMP]: asText,
  [types.TIMESTAMPTZ]: asText,
  [types.INTERVAL]: asText,
  [types.DATE]: asText,
  1231: asText, // numeric[]
  1115: asText, // timestamp[]
  1185: asText, // timestamptz[]
  1187: asText, // interval[]
  1182: asText, // date[]
};

/** PGlite opened with Drizzle's parsers, answering Drizzle's queries without copying them each time. */
export async function createPglite(
  dataDir: string | undefined,
  options: PGliteOptions = {},
): Promise<PGlite> {
  const client = await PGlite.create(dataDir, {
    ...options,
    parsers: { ...options.parsers, ...drizzleParsers },
  });
  return withoutRepeatedParsers(client);
}

type QueryOptions = Parameters<PGlite['query']>[2];

function withoutSentParsers(options: QueryOptions): QueryOptions {
  const sent = options?.parsers;
  if (!sent) return options;
  if (!Object.keys(sent).every((oid) => Number(oid) in drizzleParsers)) return options;
  const { parsers: _alreadyOurs, ...rest } = options;
  return rest;
}

function withoutRepeatedParsers<T extends PGlite | Transaction>(target: T): T {
  return new Proxy(target, {
    get(object, property) {
      if (property === 'query')
        return (text: string, params?: unknown[], options?: QueryOptions) =>
          object.query(text, params, withoutSentParsers(options));
      if (property === 'transaction' && 'transaction' in object)
        return <R>(callback: (tx: Transaction) => Promise<R>) =>
          object.transaction((tx) => callback(withoutRepeatedParsers(tx)));
      const value: unknown = Reflect.get(object, property, object);
      // PGlite keeps its state in private fields, so its methods must be called on PGlite itself.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}
