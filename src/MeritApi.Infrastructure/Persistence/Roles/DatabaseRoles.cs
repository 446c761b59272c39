using Npgsql;

namespace MeritApi.Infrastructure.Persistence.Roles;

/// <summary>
/// Least privilege in the database: an owner role owns the schema and runs the migrations; the API connects as a runtime
/// role that is not a superuser, owns nothing, and may only INSERT and SELECT on the append-only tables (no UPDATE,
/// DELETE or TRUNCATE, so neither <c>session_replication_role</c> nor <c>ALTER TABLE … DISABLE TRIGGER</c> is open to it).
/// Elsewhere it may read and write rows, nothing more (no TRUNCATE, REFERENCES or TRIGGER).
/// </summary>
public static class DatabaseRoles
{
    /// <summary>The audit trail and everything a decision rests on: rows are added, never changed or removed.</summary>
    public static readonly IReadOnlyList<string> AppendOnlyTables =
        ["audit_entries", "audit_checkpoints", "scoring_runs", "candidate_results", "selection_decisions", "decision_choices",
            "talent_mapping_runs", "talent_mapping_placements", "talent_mapping_exclusions", "placement_plans", "placement_decisions"];

    /// <summary>
    /// The grants of the runtime role, run by the owner after every migration (so tables added later are covered too).
    /// Idempotent: it first takes back whatever the role had on the schema's tables.
    /// </summary>
    public static string GrantsFor(string runtimeRole)
    {
        var role = QuoteIdentifier(runtimeRole);
        var appendOnly = string.Join(", ", AppendOnlyTables);
        return $"""
            GRANT USAGE ON SCHEMA public TO {role};
            REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role};
            REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            REVOKE UPDATE, DELETE ON {appendOnly} FROM {role};
            REVOKE INSERT, UPDATE, DELETE ON {DependencyInjection.MigrationsHistoryTable} FROM {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            """;
    }

    /// <summary>
    /// What the connection's role may do beyond the runtime role's rights, or nothing: superuser, ownership of a table,
    /// UPDATE/DELETE/TRUNCATE/TRIGGER on an append-only table. The API refuses to start with such a role unless told to.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ExcessPrivilegesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var excess = new List<string>();
        await using (var command = new NpgsqlCommand("""
            SELECT r.rolsuper, r.rolbypassrls, r.rolcreaterole,
                   (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'public' AND c.relowner = r.oid)
            FROM pg_roles r WHERE r.rolname = current_user
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetBoolean(0))
                    excess.Add("is a superuser");
                if (reader.GetBoolean(1))
                    excess.Add("bypasses row-level security");
                if (reader.GetBoolean(2))
                    excess.Add("may create roles");
                if (reader.GetInt64(3) > 0)
                    excess.Add($"owns {reader.GetInt64(3)} relation(s) of the schema");
            }
        }

        await using (var command = new NpgsqlCommand("""
            SELECT t.name, p.privilege
            FROM unnest($1::text[]) AS t(name)
            CROSS JOIN unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER']) AS p(privilege)
            WHERE to_regclass(t.name) IS NOT NULL AND has_table_privilege(current_user, t.name, p.privilege)
            ORDER BY 1, 2
            """, connection))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. AppendOnlyTables] });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                excess.Add($"has {reader.GetString(1)} on append-only {reader.GetString(0)}");
        }
        return excess;
    }

    public static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
