import pg from 'pg';

/*
 * Two PostgreSQL roles, so the service cannot rewrite its own record (issue 14). The owner role owns
 * the schema: migrations run as it (DATABASE_OWNER_URL). The app role, which the service signs in
 * as (DATABASE_URL), may read and write the ordinary tables but only read and add to the append-only
 * ones, and owns nothing, so it cannot drop or disable their triggers, alter a table or replace a
 * trigger's function. The embedded database has one role; there the triggers are the guard.
 */

/**
 * Tables whose rows are a record, refused UPDATE, DELETE and TRUNCATE by a trigger in their
 * migration (`<table>_append_only`); the app role gets only SELECT and INSERT on them. A test checks
 * this list against the triggers the migrations make.
 */
export const appendOnlyTables = ['change_history', 'issued_papers', 'action_updates'] as const;

/** Schemas Wesaid's objects live in: its tables, and drizzle's record of the migrations run. */
const schemas = ['public', 'drizzle'] as const;

export interface RoleNames {
  owner: string;
  app: string;
}

const roleName = /^[a-z_][a-z0-9_]{0,62}$/;

export class RoleNameError extends Error {}

/** Lower-case letters, digits and underscores; not a built-in role; owner and app differ. */
export function checkRoleNames({ owner, app }: RoleNames): void {
  for (const [option, name] of [
    ['--owner', owner],
    ['--app', app],
  ] as const) {
    if (!roleName.test(name))
      throw new RoleNameError(
        `${option} must be a role name of lower-case letters, digits and underscores, like wesaid_${option.slice(2)}`,
      );
    if (name === 'postgres' || name === 'public' || name.startsWith('pg_'))
      throw new RoleNameError(`${option} cannot be ${name}: give a role of Wesaid's own`);
  }
  if (owner === app) throw new RoleNameError('--owner and --app must be different roles');
}

const list = (names: readonly string[]) => `ARRAY[${names.map((n) => `'${n}'`).join(', ')}]`;

/**
 * Takes UPDATE, DELETE and TRUNCATE on the append-only tables from every role but their owner.
 * Run by the role setup and after every migration on PostgreSQL, because the default privileges
 * give a table made by a later migration the app role's full rights.
 */
export const keepAppendOnlySql = `DO $$
DECLARE g record;
BEGIN
  FOR g IN
    SELECT DISTINCT c.oid::regclass AS tab, a.grantee
    FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a
    WHERE c.oid IN (SELECT to_regclass('public.' || t) FROM unnest(${list(appendOnlyTables)}) t)
      AND a.grantee <> c.relowner
      AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM %s', g.tab,
      CASE WHEN g.grantee = 0 THEN 'PUBLIC' ELSE g.grantee::regrole::text END);
  END LOOP;
END $$;`;

/**
 * The SQL that makes both roles, for a superuser (or the database's owner with CREATEROLE) to run
 * once on the service's database, before or after the first migration: it can be run again, and
 * hands to the owner whatever an earlier single-role set-up made. The roles get no password here;
 * set one with psql's `\password`, which sends it hashed.
 */
export function roleSetupSql(names: RoleNames): string {
  checkRoleNames(names);
  const { owner, app } = names;
  const owned = `'${owner}'::regrole`;
  return `-- Wesaid: an owner role that migrations run as, and an app role the service signs in as.
-- The app role owns nothing, so it cannot drop a trigger or alter a table, and may only read and
-- add to the append-only tables (${appendOnlyTables.join(', ')}).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${owner}') THEN
    CREATE ROLE ${owner} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${app}') THEN
    CREATE ROLE ${app} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO ${owner}, ${app}', current_database());
  -- The migrator asks CREATE SCHEMA IF NOT EXISTS drizzle each time, which needs this right.
  EXECUTE format('GRANT CREATE ON DATABASE %I TO ${owner}', current_database());
END $$;

-- The owner owns the schemas; nobody else may create objects in them.
ALTER SCHEMA public OWNER TO ${owner};
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
CREATE SCHEMA IF NOT EXISTS drizzle AUTHORIZATION ${owner};
ALTER SCHEMA drizzle OWNER TO ${owner};
GRANT USAGE ON SCHEMA public, drizzle TO ${app};

-- Whatever an earlier set-up made passes to the owner: tables (with their indexes and the
-- sequences of their columns), then other sequences, trigger functions and types.
DO $$
DECLARE o record;
BEGIN
  FOR o IN
    SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY(${list(schemas)}) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relowner <> ${owned}
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO ${owner}',
      CASE o.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
      o.name);
  END LOOP;
  FOR o IN
    SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY(${list(schemas)}) AND c.relkind = 'S' AND c.relowner <> ${owned}
  LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO ${owner}', o.name);
  END LOOP;
  FOR o IN
    SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = ANY(${list(schemas)}) AND p.proowner <> ${owned}
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO ${owner}', o.name);
  END LOOP;
  FOR o IN
    SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = ANY(${list(schemas)}) AND t.typtype IN ('e', 'd') AND t.typowner <> ${owned}
  LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO ${owner}', o.name);
  END LOOP;
END $$;

-- The app reads and writes the ordinary tables, now and those later migrations make.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app};
GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO ${app};
ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};
ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app};
ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA drizzle GRANT SELECT ON TABLES TO ${app};

-- The append-only tables: read and add, never change, remove or empty.
${keepAppendOnlySql}
`;
}

/** Runs the role set-up through a connection that may create roles (a superuser's URL). */
export async function createRoles(adminUrl: string, names: RoleNames): Promise<void> {
  const script = roleSetupSql(names);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(script);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
