using System.Text.Json;
using System.Text.RegularExpressions;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// Turns System.Text.Json's errors into a field name and a sentence a client developer can act on,
/// without the .NET type names the serializer puts in its own messages.
/// </summary>
public static partial class JsonErrors
{
    public static (string Field, string Message) Explain(JsonException ex)
    {
        var field = FieldOf(ex.Path);
        var unmapped = UnmappedProperty().Match(ex.Message);
        if (unmapped.Success)
        {
            var name = unmapped.Groups[1].Value;
            // The serializer's path may or may not already end at the unknown property.
            var path = field == "body" ? name : field == name || field.EndsWith($".{name}", StringComparison.Ordinal) ? field : $"{field}.{name}";
            return (path, $"'{name}' is not a field of this request; unknown fields are refused, not ignored.");
        }
        if (ex is InvalidEnumValueException)
            return (field, ex.Message);
        if (ex.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
            return (field, $"'{field}' appears more than once.");
        if (ex.Message.Contains("missing required", StringComparison.OrdinalIgnoreCase))
            return (field, "A required field is missing.");
        return (field, field == "body"
            ? "The body is not the JSON object this endpoint expects."
            : $"The value of '{field}' has the wrong type or format.");
    }

    /// <summary>A syntax error in the JSON text itself, with where it is.</summary>
    public static string DescribeSyntax(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
            message = message[..cut];
        var location = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : string.Empty;
        return message.TrimEnd() + location;
    }

    /// <summary>"$.standard[0].requiredLevel" → "standard[0].requiredLevel"; the root is "body".</summary>
    private static string FieldOf(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    [GeneratedRegex("The JSON property '(.+?)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedProperty();
}
