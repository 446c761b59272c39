using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>
/// Raw statements sent in one round trip on the current command's connection and inside its transaction. Under read
/// committed each statement of a batch takes its own snapshot when it starts, so a read after a lock in the same batch
/// sees what the lock's previous holder committed. The batch's time limit is the connection string's command timeout, as
/// for every raw command (DatabaseResilienceOptions).
/// </summary>
internal static class CommandBatch
{
    /// <summary>The statements as one batch; <paramref name="purpose"/> names it in the error when no transaction is open.</summary>
    public static NpgsqlBatch InTransaction(MeritDbContext db, string purpose, params NpgsqlBatchCommand[] commands)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException($"{purpose} runs inside the command's transaction.");
        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in commands)
            batch.BatchCommands.Add(command);
        return batch;
    }

    /// <summary>A statement with positional parameters; a null value is sent as SQL NULL.</summary>
    public static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return command;
    }
}
