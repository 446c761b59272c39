using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// The query-string side of <see cref="StrictEnums"/>: an enum-typed query parameter (?category=, ?status=) is one defined
/// name, given once. Checked before the framework binds it, because its binder (Enum.TryParse) takes "1", "99" and
/// "Open,Scored" (also what "?status=Open&amp;status=Scored" becomes) and would filter by a value nobody named.
/// </summary>
public sealed class StrictQueryEnumMiddleware(RequestDelegate next)
{
    private static readonly ConcurrentDictionary<Endpoint, (string Name, Type Type)[]> EnumParameters = new();

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.Request.QueryString.HasValue && context.GetEndpoint() is { } endpoint)
        {
            Dictionary<string, string[]>? errors = null;
            foreach (var (name, type) in EnumParameters.GetOrAdd(endpoint, EnumParametersOf))
            {
                if (!context.Request.Query.TryGetValue(name, out var values))
                    continue;
                string? error = values.Count != 1 ? $"'{name}' may be given at most once."
                    : StrictEnums.TryParse(type, values[0], out _) ? null
                    : StrictEnums.Refusal(type, values[0]);
                if (error is not null)
                    (errors ??= [])[name] = [error];
            }
            if (errors is not null)
            {
                await MeritOnlyGuardMiddleware.WriteAsync(context, problems, StatusCodes.Status400BadRequest, ProblemTypes.Validation,
                    "One or more fields are invalid", $"Invalid: {string.Join(", ", errors.Keys.Select(k => $"'{k}'"))}. See 'errors' for each field.",
                    errors);
                return;
            }
        }
        await next(context);
    }

    /// <summary>The handler's enum-typed parameters bound from the query string, by the name the query uses.</summary>
    private static (string Name, Type Type)[] EnumParametersOf(Endpoint endpoint)
    {
        var handler = endpoint.Metadata.GetMetadata<MethodInfo>();
        if (handler is null)
            return [];
        var route = (endpoint as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        return [.. handler.GetParameters()
            .Select(p => (Parameter: p, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
            .Where(p => p.Type.IsEnum && p.Parameter.Name is not null && !route.Contains(p.Parameter.Name))
            .Select(p => (p.Parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Parameter.Name!, p.Type))];
    }
}
