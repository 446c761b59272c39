using System.Globalization;
using MeritApi.Application.Common.Concurrency;
using Microsoft.Net.Http.Headers;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// The If-Match header of an update, read into the command as a <see cref="VersionPrecondition"/> (message data, checked
/// in the command's transaction). <c>*</c> asks only that the resource exists; a list of strong ETags names the versions
/// the change may apply to (a weak or foreign tag matches none: If-Match compares strongly). With
/// <see cref="RequireSetting"/> on, an update without If-Match is refused with 428, so that no client overwrites a change
/// it has not seen.
/// </summary>
public sealed record IfMatchHeader(VersionPrecondition? Precondition)
{
    public const string RequireSetting = "Http:RequireIfMatch";

    public static ValueTask<IfMatchHeader> BindAsync(HttpContext http)
    {
        var values = http.Request.Headers.IfMatch;
        if (values.Count == 0)
        {
            if (http.RequestServices.GetRequiredService<IConfiguration>().GetValue<bool>(RequireSetting))
                throw new PreconditionRequiredException();
            return ValueTask.FromResult(new IfMatchHeader((VersionPrecondition?)null));
        }
        if (!EntityTagHeaderValue.TryParseList(values, out var tags))
            return ValueTask.FromResult(new IfMatchHeader(new VersionPrecondition([])));
        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
            return ValueTask.FromResult(new IfMatchHeader(VersionPrecondition.Any));
        var versions = tags.Where(t => !t.IsWeak)
            .Select(t => uint.TryParse(t.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (uint?)null)
            .OfType<uint>().ToList();
        return ValueTask.FromResult(new IfMatchHeader(new VersionPrecondition(versions)));
    }
}

/// <summary>An update without If-Match where the operator requires one (428).</summary>
public sealed class PreconditionRequiredException()
    : Exception($"This server requires If-Match on updates ({IfMatchHeader.RequireSetting}): read the resource, then send its ETag.");
