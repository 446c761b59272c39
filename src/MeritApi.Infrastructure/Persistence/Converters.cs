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

    public static ValueConverter<List<T>, string> Converter<T>() =>
        new(v => JsonSerializer.Serialize(v, Options), s => JsonSerializer.Deserialize<List<T>>(s, Options) ?? new List<T>());

    public static ValueComparer<List<T>> Comparer<T>() =>
        new((a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, Options), Options)!);
}
