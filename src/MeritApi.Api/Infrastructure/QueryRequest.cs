using System.Globalization;
using System.Reflection;
using System.Text.Json;
using MeritApi.Application.Common.Models;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// A read endpoint's query string as one request record, bound by the project's own parsing (<see cref="QueryReader"/>)
/// rather than the framework's: every malformed value is reported at once, by its name, as problem details
/// (<see cref="InvalidQueryException"/>), and an enum is exactly one defined name (<see cref="StrictEnums"/>).
/// </summary>
public interface IQueryRequest<TSelf> : IBindableFromHttpContext<TSelf> where TSelf : class, IQueryRequest<TSelf>
{
    /// <summary>Reads the record's values; the reader collects what is malformed.</summary>
    static abstract TSelf Read(QueryReader query);

    static ValueTask<TSelf?> IBindableFromHttpContext<TSelf>.BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var reader = new QueryReader(context.Request.Query);
        var request = TSelf.Read(reader);
        reader.ThrowIfInvalid();
        return ValueTask.FromResult<TSelf?>(request);
    }
}

/// <summary>
/// Typed values from a query string. Each is given at most once; an absent value is null (or its default), a given one
/// must parse in full (invariant culture; empty is not a value). Names are the records' property names, answered in
/// camelCase (query keys match case-insensitively).
/// </summary>
public sealed class QueryReader(IQueryCollection query)
{
    private Dictionary<string, string[]>? _errors;

    public string? Text(string name) => Single(name, out var text) ? text : null;

    public Guid? Id(string name) => Parse<Guid>(name, "a UUID", static (string s, out Guid v) => System.Guid.TryParse(s, out v));

    public int? Number(string name) =>
        Parse<int>(name, "a whole number", static (string s, out int v) => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v));

    public long? LongNumber(string name) =>
        Parse<long>(name, "a whole number", static (string s, out long v) => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v));

    public bool? Bool(string name) => Parse<bool>(name, "true or false", static (string s, out bool v) => bool.TryParse(s, out v));

    public DateTimeOffset? Instant(string name) => Parse<DateTimeOffset>(name, "an ISO 8601 date and time, e.g. 2026-12-01T08:00:00Z",
        static (string s, out DateTimeOffset v) => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out v));

    public DateOnly? Date(string name) => Parse<DateOnly>(name, "a date, yyyy-MM-dd",
        static (string s, out DateOnly v) => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out v));

    public T? Enum<T>(string name) where T : struct, Enum
    {
        if (!Single(name, out var text))
            return null;
        if (StrictEnums.TryParse(typeof(T), text, out var value))
            return (T)value!;
        Refuse(name, StrictEnums.Refusal(typeof(T), text));
        return null;
    }

    /// <summary>One of the <paramref name="allowed"/> words (any case), answered as given in <paramref name="allowed"/>.</summary>
    public string? OneOf(string name, params string[] allowed)
    {
        if (!Single(name, out var text))
            return null;
        var match = allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
            Refuse(name, $"'{Shorten(text)}' is not one of {string.Join(", ", allowed)}.");
        return match;
    }

    /// <summary>The page asked for (1 when absent); its range is the query's validator's to judge.</summary>
    public int Page() => Number("Page") ?? 1;

    public int PageSize() => Number("PageSize") ?? Paging.DefaultPageSize;

    public void ThrowIfInvalid()
    {
        if (_errors is not null)
            throw new InvalidQueryException(_errors);
    }

    private delegate bool TryParser<T>(string text, out T value);

    private T? Parse<T>(string name, string expected, TryParser<T> tryParse) where T : struct
    {
        if (!Single(name, out var text))
            return null;
        if (text.Length > 0 && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]) && tryParse(text, out var value))
            return value;
        Refuse(name, $"'{Shorten(text)}' is not {expected}.");
        return null;
    }

    private bool Single(string name, out string text)
    {
        text = string.Empty;
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
            return false;
        if (values.Count > 1)
        {
            Refuse(name, $"'{FieldName(name)}' may be given at most once.");
            return false;
        }
        text = values[0] ?? string.Empty;
        return true;
    }

    private void Refuse(string name, string message) => (_errors ??= [])[FieldName(name)] = [message];

    private static string FieldName(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>Malformed query values, by field name: a 400 validation problem.</summary>
public sealed class InvalidQueryException(IReadOnlyDictionary<string, string[]> errors)
    : Exception($"Invalid query: {string.Join(", ", errors.Keys)}.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
