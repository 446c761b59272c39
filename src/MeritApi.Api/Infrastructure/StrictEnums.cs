using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// Enum values are their defined names, exactly (case-sensitive), and nothing else: no numbers (as numbers or in strings),
/// no undefined values, no comma-joined combinations, no padding. System.Text.Json's own JsonStringEnumConverter parses
/// "Good, VeryPoor" as the bitwise OR of the two (= VeryGood) even for enums that are not [Flags], and the framework's
/// query binding (Enum.TryParse) takes "1", "99" and "Open,Scored"; both would store a value the client never named.
/// JSON bodies use <see cref="StrictEnumConverterFactory"/>, query strings <see cref="QueryReader"/>; both
/// accept exactly the strings of Enum.GetNames (ordinal comparison), and nothing else.
/// </summary>
public static class StrictEnums
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, FrozenDictionary<string, object>> ByType = new();

    /// <summary>The enum's defined names, in declaration order.</summary>
    public static IReadOnlyList<string> NamesOf(Type enumType) => Enum.GetNames(enumType);

    /// <summary>The value whose defined name is exactly <paramref name="text"/>.</summary>
    public static bool TryParse(Type enumType, string? text, out object? value)
    {
        value = null;
        return text is not null && ByType.GetOrAdd(enumType, Build).TryGetValue(text, out value);
    }

    /// <summary>"'x' is not one of: A, B, C." — what a client is told.</summary>
    public static string Refusal(Type enumType, string? text) =>
        $"'{Shorten(text)}' is not one of: {string.Join(", ", NamesOf(enumType))} (names, exactly as written here).";

    private static FrozenDictionary<string, object> Build(Type enumType) =>
        Enum.GetNames(enumType).ToFrozenDictionary(name => name, name => Enum.Parse(enumType, name), StringComparer.Ordinal);

    private static string Shorten(string? text) => text is null ? "null" : text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>The JSON side of <see cref="StrictEnums"/>, for every enum type (registered once in the API's JSON options).</summary>
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class StrictEnumConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly FrozenDictionary<string, T> Values =
            Enum.GetNames<T>().ToFrozenDictionary(name => name, Enum.Parse<T>, StringComparer.Ordinal);

        private static readonly FrozenDictionary<T, string> Names =
            Enum.GetValues<T>().Distinct().ToFrozenDictionary(value => value, value => Enum.GetName(value)!);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
                throw new InvalidEnumValueException($"A name is expected (a JSON string), one of: {string.Join(", ", StrictEnums.NamesOf(typeof(T)))}.");
            var text = reader.GetString()!;
            return Values.TryGetValue(text, out var value) ? value : throw new InvalidEnumValueException(StrictEnums.Refusal(typeof(T), text));
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Names.TryGetValue(value, out var name)
                ? name
                : throw new JsonException($"{typeof(T).Name} has no value {value:D}; only defined values are written."));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString()!;
            return Values.TryGetValue(text, out var value) ? value : throw new InvalidEnumValueException(StrictEnums.Refusal(typeof(T), text));
        }

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(Names.TryGetValue(value, out var name)
                ? name
                : throw new JsonException($"{typeof(T).Name} has no value {value:D}; only defined values are written."));
    }
}

/// <summary>An enum value that is not one of the defined names; its message is meant for the client.</summary>
public sealed class InvalidEnumValueException(string message) : JsonException(message);
