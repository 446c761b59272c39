using System.Text.Json;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// Turns System.Text.Json's errors into a field name and a sentence a client developer can act on. Only the exception's
/// structured parts are read (its Path, line and byte position, and the type of this project's own converters'
/// exceptions), never its message text, which is the framework's and names .NET types.
/// </summary>
public static class JsonErrors
{
    public static (string Field, string Message) Explain(JsonException ex)
    {
        var field = FieldOf(ex.Path);
        if (ex is InvalidEnumValueException)
            return (field, ex.Message);
        // With unknown members refused, the serializer stops at the first member it cannot take: one it does not know (the
        // path then ends at it) or one whose value has the wrong type.
        return (field, field == "body"
            ? "The body is not the JSON object this endpoint expects."
            : $"'{field}' is not a field of this request (unknown fields are refused, not ignored), or its value has the wrong type.");
    }

    /// <summary>A syntax error in the JSON text itself, with where it is.</summary>
    public static string DescribeSyntax(JsonException ex) =>
        ex.LineNumber is { } line
            ? $"The request body is not valid JSON (line {line + 1}, byte {ex.BytePositionInLine + 1})."
            : "The request body is not valid JSON.";

    /// <summary>"$.standard[0].requiredLevel" → "standard[0].requiredLevel"; the root is "body".</summary>
    private static string FieldOf(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
