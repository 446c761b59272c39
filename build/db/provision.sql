-- Sets up MeritApi's database and its two roles, as a superuser (psql variables: db, owner, owner_password, runtime,
-- runtime_password). Idempotent: run it on every start. Used by build/run.sh, soak.sh, bench.sh (through
-- build/lib/postgres.sh) and by docker-compose (build/db/docker-init.sh); the tests do the same in TestDatabase.
--   owner   owns the database, its schema and every table; runs the migrations (`MeritApi.Api migrate`).
--   runtime what the API connects as: not a superuser, owns nothing; the migrate step grants it rows only, and on the
--           append-only tables INSERT and SELECT only.
\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'owner', :'owner_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD %L', :'runtime', :'runtime_password')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'runtime') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'db', :'owner') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', :'db', :'runtime') \gexec

\connect :db
-- PostgreSQL 15 leaves CREATE on the public schema to the database owner; older servers granted it to everyone.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- A database migrated before the roles existed (an old .pgdata, migrated as the superuser) hands its objects to the owner.
SELECT format('ALTER TABLE public.%I OWNER TO %I', c.relname, :'owner')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) <> :'owner' \gexec
SELECT format('ALTER SEQUENCE public.%I OWNER TO %I', c.relname, :'owner')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> :'owner'
  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) \gexec
SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, :'owner')
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> :'owner' \gexec
