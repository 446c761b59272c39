using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MeritApi.Infrastructure.Persistence;

internal sealed class GradeConverter() : ValueConverter<Grade, string>(g => g.ToString(), s => Grade.Parse(s));

internal sealed class NipConverter() : ValueConverter<Nip, string>(n => n.Value, s => Nip.Parse(s));

/// <summary>
/// Stores a list of immutable records as JSON (the evidence read by a scoring run). Stored results are
/// never changed, so comparing by serialised form is enough for change tracking.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new CompetencyGapConverter(), new CountedYearConverter() },
    };

    public static ValueConverter<IReadOnlyList<T>, string> Converter<T>() =>
        new(v => Serialize(v), s => Deserialize<T>(s));

    private static string Serialize<T>(IReadOnlyList<T> value) => JsonSerializer.Serialize(value, Options);

    /// <summary>One immutable record as JSON (a run's weight sensitivity); null stays NULL.</summary>
    public static ValueConverter<T?, string> Document<T>() where T : class =>
        new(v => JsonSerializer.Serialize(v, Options), s => JsonSerializer.Deserialize<T>(s, Options));

    public static string? DocumentText<T>(T? value) where T : class => value is null ? null : JsonSerializer.Serialize(value, Options);

    /// <summary>The stored JSON form into a caller's writer: the bulk writer reuses one buffer for 100,000 rows.</summary>
    public static void Write<T>(Utf8JsonWriter writer, IReadOnlyList<T> value) => JsonSerializer.Serialize(writer, value, Options);

    public static ValueComparer<IReadOnlyList<T>> Comparer<T>() =>
        new((a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
            v => Deserialize<T>(JsonSerializer.Serialize(v, Options)));

    /// <summary>The same for a list an entity keeps in a private field (a development plan's gaps).</summary>
    public static ValueConverter<List<T>, string> ListConverter<T>() => new(v => JsonSerializer.Serialize(v, Options), s => Deserialize<T>(s));

    public static ValueComparer<List<T>> ListComparer<T>() =>
        new((a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
            v => Deserialize<T>(JsonSerializer.Serialize(v, Options)));

    private static List<T> Deserialize<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];
}

/// <summary>
/// A competency line of a stored result as a compact array, <c>["M-INTEGRITY", 3, 2]</c> (code, required, assessed or
/// null): a national run stores 100,000 rows of these, and the gap and credit are derived, not stored. Under a validity rule
/// two more elements: the counted assessment's date (or null) and the assessments passed over, each
/// <c>[level, "2025-01-31", "assessing body", "Expired"]</c>: <c>["M-INTEGRITY", 3, 2, "2024-05-01", []]</c>.
/// </summary>
internal sealed class CompetencyGapConverter : JsonConverter<CompetencyGap>
{
    public override CompetencyGap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        reader.Read();
        var code = reader.GetString()!;
        reader.Read();
        var required = reader.GetInt32();
        reader.Read();
        int? assessed = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndArray)
            return new CompetencyGap(code, required, assessed);

        DateOnly? assessedOn = reader.TokenType == JsonTokenType.Null ? null : DateOnly.ParseExact(reader.GetString()!, DateFormat, CultureInfo.InvariantCulture);
        reader.Read();
        Expect(ref reader, JsonTokenType.StartArray);
        var passed = new List<PassedOverAssessment>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            reader.Read();
            var level = reader.GetInt32();
            reader.Read();
            var on = DateOnly.ParseExact(reader.GetString()!, DateFormat, CultureInfo.InvariantCulture);
            reader.Read();
            var assessor = reader.GetString()!;
            reader.Read();
            var refusal = Enum.Parse<AssessmentRefusal>(reader.GetString()!);
            reader.Read();
            Expect(ref reader, JsonTokenType.EndArray);
            passed.Add(new PassedOverAssessment(level, on, assessor, refusal));
        }
        Expect(ref reader, JsonTokenType.EndArray); // of the passed-over list
        reader.Read();
        Expect(ref reader, JsonTokenType.EndArray);
        return new CompetencyGap(code, required, assessed, assessedOn, passed);
    }

    public override void Write(Utf8JsonWriter writer, CompetencyGap value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.CompetencyCode);
        writer.WriteNumberValue(value.RequiredLevel);
        if (value.AssessedLevel is { } assessed)
            writer.WriteNumberValue(assessed);
        else
            writer.WriteNullValue();
        if (value.PassedOver is { } passedOver)
        {
            if (value.AssessedOn is { } on)
                writer.WriteStringValue(on.ToString(DateFormat, CultureInfo.InvariantCulture));
            else
                writer.WriteNullValue();
            writer.WriteStartArray();
            foreach (var p in passedOver)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(p.Level);
                writer.WriteStringValue(p.AssessedOn.ToString(DateFormat, CultureInfo.InvariantCulture));
                writer.WriteStringValue(p.Assessor);
                writer.WriteStringValue(p.Refusal.ToString());
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }

    private const string DateFormat = "yyyy-MM-dd";

    internal static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
            throw new JsonException($"Stored evidence: expected {token}, found {reader.TokenType}.");
    }
}

/// <summary>A counted SKP year of a stored result as a compact array, <c>[2025, 0.6, "VeryGood"]</c> (rating null when none).</summary>
internal sealed class CountedYearConverter : JsonConverter<CountedYear>
{
    public override CountedYear Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        CompetencyGapConverter.Expect(ref reader, JsonTokenType.StartArray);
        reader.Read();
        var year = reader.GetInt32();
        reader.Read();
        var weight = reader.GetDecimal();
        reader.Read();
        PerformanceRating? rating = reader.TokenType == JsonTokenType.Null ? null : Enum.Parse<PerformanceRating>(reader.GetString()!);
        reader.Read();
        CompetencyGapConverter.Expect(ref reader, JsonTokenType.EndArray);
        return new CountedYear(year, weight, rating);
    }

    public override void Write(Utf8JsonWriter writer, CountedYear value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Year);
        writer.WriteNumberValue(value.Weight);
        if (value.Rating is { } rating)
            writer.WriteStringValue(rating.ToString());
        else
            writer.WriteNullValue();
        writer.WriteEndArray();
    }
}
