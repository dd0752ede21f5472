/*
 * The words every change is described in, whichever feature makes it: who made it, and what an
 * edit saved at a loaded version came to.
 */

/** Who made a change. The system acts with no user (demo load, command-line import). */
export interface Actor {
  userId: number | null;
  name: string;
}

export const systemActor = (name = 'Wesaid'): Actor => ({ userId: null, name });

/** An edit saved only at the version the person loaded. */
export type SaveResult<R> =
  | { ok: true; record: R }
  /** Someone saved a newer version first; `current` is what they saved. */
  | { ok: false; conflict: true; current: R }
  | { ok: false; conflict: false };
