using Microsoft.EntityFrameworkCore.Migrations;

namespace MeritApi.Infrastructure.Persistence.Migrations.Sql;

/// <summary>
/// The functions and triggers a migration installs live in named .sql files beside it (embedded in this assembly), so
/// they read, diff and review as SQL rather than as C# strings.
/// </summary>
internal static class MigrationSql
{
    private const string Prefix = "MeritApi.Migrations.";

    public static void Run(MigrationBuilder migrationBuilder, string file) => migrationBuilder.Sql(Read(file));

    public static string Read(string file)
    {
        using var stream = typeof(MigrationSql).Assembly.GetManifestResourceStream(Prefix + file)
                           ?? throw new InvalidOperationException($"The migration script {file} is not embedded in this assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
