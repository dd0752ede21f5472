/*
 * The public site's pages, open data and feed, rendered once for each state of what they show and
 * kept: every visitor sees the same bytes, so they are served like a static file, with a strong
 * ETag (304 to a matching If-None-Match), Cache-Control a CDN can act on, and Brotli or gzip.
 *
 * Whether a kept page is still right is the database's answer (publicSiteState), asked at most
 * once per `freshForMs` on each instance and again at once after any write on this instance: a
 * publication, correction or withdrawal is seen by the next request here and within that interval
 * on every other instance behind the load balancer.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { Negotiator } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** What a kept route answers: the same for every visitor. */
export interface PublicResponse {
  type: string;
  body: string | Buffer;
  status?: number;
  headers?: Record<string, string>;
}

type Encoding = 'br' | 'gzip';

interface Entry {
  state: string;
  status: number;
  type: string;
  headers: Record<string, string>;
  body: Buffer;
  /** Strong validator of the bytes; each encoding's own is this with a suffix. */
  tag: string;
  encoded: Map<Encoding, Promise<Buffer>>;
  /** Hashes of the inline scripts and stylesheets, which the CSP allows in place of a nonce. */
  inline: { scripts: string[]; styles: string[] } | null;
}

export interface PageCacheOptions {
  /** The fingerprint of what public pages show (publicSiteState). */
  siteState: () => Promise<string>;
  /** How long this instance trusts its last answer about the state. */
  freshForMs: number;
  monotonicMs: () => number;
  /** Pages kept at once; the least recently served goes first. */
  maxEntries?: number;
}

const compressAsync = {
  br: (body: Buffer) =>
    promisify(brotliCompress)(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body: Buffer) => promisify(gzip)(body, { level: 9 }),
};

// Below this, compression saves less than the headers it costs.
const compressFrom = 1024;
// A CDN and browsers may keep a page for a minute; then they revalidate with the ETag.
const cacheControl = 'public, max-age=60, must-revalidate';
const negotiator = new Negotiator<Encoding | 'identity'>({ supportedValues: ['br', 'gzip', 'identity'] });

export class PublicPageCache {
  readonly #options: Required<PageCacheOptions>;
  readonly #entries = new Map<string, Promise<Entry>>();
  #state: { value: Promise<string>; checkedAt: number } | null = null;

  constructor(options: PageCacheOptions) {
    this.#options = { maxEntries: 256, ...options };
  }

  /** Something may have changed (a write succeeded on this instance): ask at the next request. */
  forgetState(): void {
    this.#state = null;
  }

  /** Serves the kept answer for `key`, rendering it first when there is none for the current state. */
  async serve(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    render: () => Promise<PublicResponse>,
  ): Promise<FastifyReply> {
    const entry = await this.#entry(key, render);
    const encoding = entry.body.length < compressFrom ? null : acceptedEncoding(request);
    const tag = encoding ? `"${entry.tag}-${encoding}"` : `"${entry.tag}"`;
    reply.headers({ ...entry.headers, etag: tag, vary: 'accept-encoding', 'cache-control': cacheControl });
    if (entry.inline) reply.header('content-security-policy', hashedPolicy(reply, entry.inline));
    if (entry.status === 200 && matches(request.headers['if-none-match'], entry.tag)) {
      return reply.code(304).send();
    }
    reply.code(entry.status).type(entry.type);
    if (!encoding) return reply.send(entry.body);
    let encoded = entry.encoded.get(encoding);
    if (!encoded) entry.encoded.set(encoding, (encoded = compressAsync[encoding](entry.body)));
    return reply.header('content-encoding', encoding).send(await encoded);
  }

  async #entry(key: string, render: () => Promise<PublicResponse>): Promise<Entry> {
    const state = await this.#currentState();
    const kept = this.#entries.get(key);
    if (kept) {
      const entry = await kept;
      if (entry.state === state) {
        // Most recently served last, so the oldest is first to go.
        this.#entries.delete(key);
        this.#entries.set(key, kept);
        return entry;
      }
    }
    // One rendering per key, however many visitors arrive while it runs.
    const made = render().then((response) => toEntry(state, response));
    this.#entries.set(key, made);
    made.catch(() => {
      if (this.#entries.get(key) === made) this.#entries.delete(key);
    });
    if (this.#entries.size > this.#options.maxEntries)
      this.#entries.delete(this.#entries.keys().next().value!);
    return made;
  }

  #currentState(): Promise<string> {
    const now = this.#options.monotonicMs();
    if (!this.#state || now - this.#state.checkedAt >= this.#options.freshForMs) {
      const value = this.#options.siteState();
      const asked = { value, checkedAt: now };
      this.#state = asked;
      value.catch(() => {
        if (this.#state === asked) this.#state = null;
      });
    }
    return this.#state.value;
  }
}

function toEntry(state: string, response: PublicResponse): Entry {
  const body = typeof response.body === 'string' ? Buffer.from(response.body) : response.body;
  const html = response.type.startsWith('text/html');
  return {
    state,
    status: response.status ?? 200,
    type: response.type,
    headers: response.headers ?? {},
    body,
    tag: createHash('sha256').update(body).digest('base64url').slice(0, 32),
    encoded: new Map(),
    inline: html ? inlineHashes(body.toString()) : null,
  };
}

function acceptedEncoding(request: FastifyRequest): Encoding | null {
  const header = request.headers['accept-encoding'];
  if (!header) return null;
  const chosen = negotiator.negotiate(header);
  return chosen === 'br' || chosen === 'gzip' ? chosen : null;
}

/** Whether If-None-Match names this page in any of its encodings (or is `*`). */
function matches(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  return header.split(',').some((given) => {
    const value = given.trim().replace(/^W\//, '');
    return value === '*' || value === `"${tag}"` || value === `"${tag}-br"` || value === `"${tag}-gzip"`;
  });
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  return {
    scripts: [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) =>
      sha256(m[1]!),
    ),
    styles: [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]!)),
  };
}

/**
 * This request's policy (set by Helmet, with a nonce the kept page cannot carry) with each nonce
 * replaced by the hashes of the page's own inline code, so the policy stays written in one place.
 */
function hashedPolicy(reply: FastifyReply, inline: { scripts: string[]; styles: string[] }): string {
  const policy = String(
    reply.getHeader('content-security-policy') ?? reply.raw.getHeader('content-security-policy') ?? '',
  );
  return policy
    .split(';')
    .map((directive) => {
      const name = directive.trim().split(/\s+/)[0];
      const hashes = name === 'script-src' ? inline.scripts : name === 'style-src' ? inline.styles : null;
      if (!hashes) return directive;
      return directive.replace(/\s*'nonce-[^']*'/g, '') + (hashes.length ? ` ${hashes.join(' ')}` : '');
    })
    .join(';');
}
