-- Carries a database created by the development history of migrations (2026-11-23 to 2026-12-01, squashed into
-- 20261202000818_Initial before the first release) over to the squashed one, so that run.sh users keep their .pgdata.
-- The development history ended at 20261201194213_TrustAtTheEdges (or 20261201232648_StoredCommandResponses on a
-- machine that ran today's build); this does what was left of it, removes the column defaults that only its AddColumn
-- steps left behind, and records the squashed migration as applied. A database already on the squashed migration, an
-- empty one, or one without migration history is left alone. Runs as the owner, in one transaction, before migrating.
DO $bridge$
BEGIN
    -- Separate tests: a statement naming the history table cannot even be planned when the table does not exist.
    IF to_regclass('public.__ef_migrations_history') IS NULL THEN
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT FROM __ef_migrations_history)
       OR EXISTS (SELECT FROM __ef_migrations_history WHERE migration_id = '20261202000818_Initial') THEN
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT FROM __ef_migrations_history
                   WHERE migration_id IN ('20261201194213_TrustAtTheEdges', '20261201232648_StoredCommandResponses')) THEN
        RAISE EXCEPTION 'This database was created by a development build older than 2026-12-01 (its last migration is %). '
                        'Run that older build''s migrations first, or, for demo data, delete the database (run.sh: rm -rf .pgdata).',
                        (SELECT max(migration_id) FROM __ef_migrations_history);
    END IF;

    IF NOT EXISTS (SELECT FROM __ef_migrations_history WHERE migration_id = '20261201232648_StoredCommandResponses') THEN
        -- A stored answer became the command's response, which the old rows' JSON body already is.
        DELETE FROM idempotency_keys WHERE body IS NULL;
        ALTER TABLE idempotency_keys RENAME COLUMN body TO response;
        ALTER TABLE idempotency_keys ALTER COLUMN response SET NOT NULL;
        ALTER TABLE idempotency_keys DROP COLUMN location, DROP COLUMN scope, DROP COLUMN status_code;
    END IF;

    ALTER TABLE candidate_results ALTER COLUMN seal DROP DEFAULT;
    ALTER TABLE scoring_runs ALTER COLUMN results_digest DROP DEFAULT;
    ALTER TABLE idempotency_keys ALTER COLUMN expires_at DROP DEFAULT;

    DELETE FROM __ef_migrations_history;
    INSERT INTO __ef_migrations_history (migration_id, product_version) VALUES ('20261202000818_Initial', '10.0.15');
END
$bridge$;
