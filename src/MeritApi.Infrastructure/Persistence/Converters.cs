using System.Text.Json;
using System.Text.Json.Serialization;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MeritApi.Infrastructure.Persistence;

internal sealed class GradeConverter() : ValueConverter<Grade, string>(g => g.ToString(), s => Grade.Parse(s));

internal sealed class NipConverter() : ValueConverter<Nip, string>(n => n.Value, s => Nip.Parse(s));

/// <summary>
/// Stores a list of immutable records as jsonb (the evidence read by a scoring run). Stored results are
/// never changed, so comparing by serialised form is enough for change tracking.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static ValueConverter<IReadOnlyList<T>, string> Converter<T>() =>
        new(v => Serialize(v), s => Deserialize<T>(s));

    /// <summary>The stored JSON form, shared with the bulk writer so both paths store the same text.</summary>
    public static string Serialize<T>(IReadOnlyList<T> value) => JsonSerializer.Serialize(value, Options);

    public static ValueComparer<IReadOnlyList<T>> Comparer<T>() =>
        new((a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
            v => Deserialize<T>(JsonSerializer.Serialize(v, Options)));

    private static List<T> Deserialize<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];
}
