using Npgsql;
using NpgsqlTypes;

namespace MeritApi.Infrastructure.Persistence;

internal static class BinaryImporterExtensions
{
    /// <summary>A nullable column of a binary COPY: NULL, or the value as the given type.</summary>
    public static async Task WriteNullableAsync<T>(this NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
            await copy.WriteNullAsync(cancellationToken);
        else
            await copy.WriteAsync(value, type, cancellationToken);
    }
}
