using Npgsql;

namespace MeritApi.Infrastructure.Persistence.Resilience;

/// <summary>
/// How long the API waits for PostgreSQL and how it retries (configuration section <c>Database</c>). The values win
/// over the same settings in the connection string, so that every environment runs with known bounds.
/// </summary>
public sealed record DatabaseResilienceOptions
{
    /// <summary>Opening a connection (Npgsql <c>Timeout</c>): a hung or unreachable server is given up on after this.</summary>
    public int ConnectTimeoutSeconds { get; init; } = 5;

    /// <summary>
    /// One command (Npgsql <c>Command Timeout</c>), also COPY and the commit. Shorter than the API's request time limit
    /// (30 s) on purpose: on a hung server this is the limit that answers (Npgsql then gives up on the connection), while
    /// cancelling a request's token makes Npgsql send PostgreSQL a cancel request, which only a live server answers.
    /// </summary>
    public int CommandTimeoutSeconds { get; init; } = 15;

    /// <summary>Retries of a unit of work (or of a read) after a lost or refused connection; 0 turns retries off.</summary>
    public int MaxRetryCount { get; init; } = 3;

    /// <summary>The longest pause between two attempts (the first retry is immediate, then about 1 s, capped here).</summary>
    public int MaxRetryDelayMilliseconds { get; init; } = 1000;

    public TimeSpan MaxRetryDelay => TimeSpan.FromMilliseconds(MaxRetryDelayMilliseconds);

    /// <summary>The connection string with these timeouts in it (they apply to EF and to the raw Npgsql readers and writers alike).</summary>
    public string Apply(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString)
        {
            Timeout = ConnectTimeoutSeconds,
            CommandTimeout = CommandTimeoutSeconds,
        }.ConnectionString;
}
