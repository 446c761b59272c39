using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mediator;
using MeritApi.Application.Common.Concurrency;
using MeritApi.Application.Common.Concurrency.GetVersion;
using Microsoft.Net.Http.Headers;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// Conditional requests (RFC 9110 §13). A read of something immutable (a scoring run and what derives from it) gets a
/// strong ETag made of what decides its bytes: the resource, the representation asked for and what the caller may see
/// (the identity reveal); <c>If-None-Match</c> with it answers 304 and no body. Such responses may be kept by the caller
/// and revalidated (<c>Cache-Control: private, no-cache</c>); every other response stays <c>no-store</c>. Mutable
/// resources carry their row version as ETag (<see cref="OfVersion"/>), which <c>If-Match</c> checks on an update.
/// </summary>
public static class EntityTags
{
    public const string Revalidate = "private, no-cache";

    /// <summary>A strong ETag over the parts that decide a response's bytes (a hash: parts may hold ids, flags, queries).</summary>
    public static string Of(params object?[] parts)
    {
        var text = string.Join('\u001f', parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)));
        return $"\"{Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 18))}\"";
    }

    /// <summary>The ETag of a mutable resource: its row version, the value If-Match gives back.</summary>
    public static string OfVersion(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Sets the ETag and the revalidation policy; true when the request's If-None-Match already names this ETag (weak
    /// comparison, as RFC 9110 §13.1.2 says for If-None-Match), so the caller answers 304.
    /// </summary>
    public static bool NotModified(HttpContext context, string etag)
    {
        var response = context.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = Revalidate;
        var ifNoneMatch = context.Request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
            return false;
        var ours = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }

    /// <summary>The answer to a conditional read: 304 (with the ETag already set) or the response itself.</summary>
    public static async Task<IResult> ConditionalAsync(HttpContext context, string etag, Func<Task<IResult>> respond) =>
        NotModified(context, etag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : await respond();

    /// <summary>A read of a versioned resource: its row version as ETag, 304 when If-None-Match already names it.</summary>
    public static async Task<IResult> ConditionalOnVersionAsync(HttpContext context, ISender sender, VersionedResource resource, Guid id,
        IResult respond) =>
        await sender.Send(new GetVersionQuery(resource, id), context.RequestAborted) is { } version
            ? await ConditionalAsync(context, OfVersion(version), () => Task.FromResult(respond))
            : respond;

    /// <summary>The answer to an update of a versioned resource, with the version it now has (read after the commit) as ETag.</summary>
    public static async Task<IResult> WithVersionAsync(HttpContext context, ISender sender, VersionedResource resource, Guid id, IResult respond)
    {
        if (await sender.Send(new GetVersionQuery(resource, id), context.RequestAborted) is { } version)
            context.Response.Headers.ETag = OfVersion(version);
        return respond;
    }

    /// <summary>Marks an endpoint that answers with an ETag and honours If-None-Match, so the OpenAPI document says so.</summary>
    public static RouteHandlerBuilder Revalidatable(this RouteHandlerBuilder builder) => builder.WithMetadata(new RevalidatableMetadata());

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The endpoint metadata of <see cref="EntityTags.Revalidatable"/>.</summary>
public sealed record RevalidatableMetadata;
