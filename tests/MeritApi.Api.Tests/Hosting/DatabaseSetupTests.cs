using MeritApi.Api.Hosting;
using MeritApi.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeritApi.Api.Tests.Hosting;

/// <summary>
/// The `migrate` command on a database created by the development history of migrations (squashed into one before the
/// first release): it is carried over and ends exactly where a fresh database does.
/// </summary>
public sealed class DatabaseSetupTests
{
    private static Task<int> MigrateAsync(TestDatabase database) =>
        DatabaseSetup.MigrateAsync(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DatabaseSetup.OwnerConnection}"] = database.OwnerConnectionString,
            [$"ConnectionStrings:{DatabaseSetup.RuntimeConnection}"] = database.ConnectionString,
        }).Build(), NullLogger.Instance);

    /// <summary>Everything a migration decides, by name, in a stable order (column order aside, which a bridge cannot change).</summary>
    private const string SchemaQuery = """
        SELECT string_agg(line, E'\n' ORDER BY line) FROM (
            SELECT format('column %s.%s %s %s %s', table_name, column_name, data_type, is_nullable, coalesce(column_default, '-'))
            FROM information_schema.columns WHERE table_schema = 'public'
            UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
            UNION ALL SELECT format('constraint %s %s', conname, pg_get_constraintdef(oid)) FROM pg_constraint
                      WHERE connamespace = 'public'::regnamespace
            UNION ALL SELECT 'trigger ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
            UNION ALL SELECT format('function %s %s', proname, md5(prosrc)) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
            UNION ALL SELECT format('statistics %s.%s %s', attrelid::regclass, attname, attstattarget) FROM pg_attribute
                      WHERE attrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
                        AND attnum > 0 AND NOT attisdropped AND attstattarget >= 0
            UNION ALL SELECT format('grant %s %s', table_name, privilege_type) FROM information_schema.role_table_grants
                      WHERE grantee = current_user
            UNION ALL SELECT 'seed ' || to_jsonb(p)::text FROM scoring_policies p
            UNION ALL SELECT 'seed ' || to_jsonb(c)::text FROM competencies c
        ) schema(line)
        """;

    [Test]
    public async Task A_database_of_the_development_history_is_carried_over_and_ends_where_a_fresh_one_does()
    {
        await using var legacy = await TestDatabase.CreateAsync("legacy", migrate: false);
        await legacy.ExecuteAsOwnerAsync(await File.ReadAllTextAsync(
            Path.Combine(TestContext.CurrentContext.TestDirectory, "Hosting", "Data", "development-history-2026-12-01.sql")));
        // Two stored answers of the old shape: one with a body (kept as the response), one without (it cannot be replayed).
        await legacy.ExecuteAsOwnerAsync("""
            INSERT INTO idempotency_keys (client, key, request_fingerprint, scope, status_code, body, location, created_at, expires_at)
            VALUES ('hr', 'with-body', repeat('a', 64), NULL, 201, '{"id":"x"}', '/api/v1/x', now(), now() + interval '1 day'),
                   ('hr', 'without-body', repeat('b', 64), NULL, 204, NULL, NULL, now(), now() + interval '1 day');
            """);
        await using var fresh = await TestDatabase.CreateAsync("fresh");

        var exitCode = await MigrateAsync(legacy);

        await using var db = legacy.CreateDbContext();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero);
            Assert.That(await db.Database.GetAppliedMigrationsAsync(), Is.EqualTo(db.Database.GetMigrations()), "the squashed migration, and only it");
            Assert.That(await legacy.ScalarAsync<string>(SchemaQuery), Is.EqualTo(await fresh.ScalarAsync<string>(SchemaQuery)));
            Assert.That(await legacy.ScalarAsync<string>("SELECT string_agg(key || ' ' || response, ',') FROM idempotency_keys"),
                Is.EqualTo("""with-body {"id":"x"}"""));
        }

        // Migrating again changes nothing: the bridge leaves a database on the squashed migration alone.
        var schema = await legacy.ScalarAsync<string>(SchemaQuery);
        Assert.That((await MigrateAsync(legacy), await legacy.ScalarAsync<string>(SchemaQuery)), Is.EqualTo((0, schema)));
    }

    [Test]
    public async Task A_database_of_an_older_development_build_is_refused_with_a_way_forward_and_left_as_it_was()
    {
        await using var legacy = await TestDatabase.CreateAsync("legacy_old", migrate: false);
        await legacy.ExecuteAsOwnerAsync($"""
            CREATE TABLE __ef_migrations_history (migration_id varchar(150) PRIMARY KEY, product_version varchar(32) NOT NULL);
            INSERT INTO __ef_migrations_history VALUES ('20261123095440_InitialCreate', '10.0.15');
            GRANT SELECT ON __ef_migrations_history TO "{legacy.RuntimeRole}";
            """);

        var refused = Assert.ThrowsAsync<Npgsql.PostgresException>(() => MigrateAsync(legacy));

        Assert.That(refused!.MessageText, Does.Contain("older than 2026-12-01").And.Contain("rm -rf .pgdata"));
        Assert.That(await legacy.ScalarAsync<string>("SELECT string_agg(migration_id, ',') FROM __ef_migrations_history"),
            Is.EqualTo("20261123095440_InitialCreate"));
    }
}
