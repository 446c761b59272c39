using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MeritApi.Api.Security;
using MeritApi.Application.Common.Interfaces;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// Makes any command safe to retry: with an Idempotency-Key header, the first successful response is stored in the
/// same transaction as the command's effect, and a retry with the same key and body gets that response again without
/// the work being done twice. The same key with a different request is refused (422). Keys are per client (the token's
/// subject) and expire after <see cref="IdempotencyOptions.Retention"/>. It runs after authorization and after the
/// committee scope filter, so a replay is authorized exactly as the original request was; the stored answer also keeps
/// the committee scope it depended on, and a caller outside that scope is refused (403).
/// </summary>
public sealed partial class IdempotencyFilter(IUnitOfWork unitOfWork, IIdempotencyStore store, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    IOptions<IdempotencyOptions> options, TimeProvider clock) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0 || !IsWrite(http.Request.Method))
            return await next(context);
        if (!SaneKey().IsMatch(key))
            return Problem(StatusCodes.Status400BadRequest, ProblemTypes.Validation, "Invalid Idempotency-Key",
                "An Idempotency-Key is 1 to 100 letters, digits, '-', '_', '.' or ':' (a UUID is a good choice).");

        // Authentication requires a subject, so every key belongs to one named client.
        var client = http.User.Identity?.Name ?? throw new InvalidOperationException("An authenticated caller has a subject.");
        var scope = CommitteeScope.IsScoped(http.User) ? CommitteeScope.SelectionOf(http) : null;
        var fingerprint = Fingerprint(http);
        return await unitOfWork.ExecuteAsync(async ct =>
        {
            await store.LockAsync(client, key, ct);
            var now = clock.GetUtcNow();
            var stored = await store.FindAsync(client, key, now, ct);
            if (stored is not null)
            {
                if (stored.RequestFingerprint != fingerprint)
                    return Problem(StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused, "Idempotency-Key reused",
                        "This Idempotency-Key was already used for a different request; use a new key for a new request.");
                if (stored.Scope is not null && CommitteeScope.IsScoped(http.User) && !CommitteeScope.MaySee(http.User, stored.Scope))
                    return CommitteeScope.Refusal(
                        "The stored response of this Idempotency-Key belongs to a selection the token's committee is not assigned to.");
                return Replay(http, stored);
            }

            var result = await next(context);
            if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success)
            {
                var body = result is IValueHttpResult { Value: { } value }
                    ? JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions)
                    : null;
                var location = LocationOf(result);
                await store.SaveAsync(client, key, new StoredResponse(fingerprint, scope, success.StatusCode ?? StatusCodes.Status200OK, body,
                    location, now, now + options.Value.Retention), ct);
            }
            return result;
        }, http.RequestAborted);
    }

    private static bool IsWrite(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);

    /// <summary>What makes two requests "the same": method, path and the exact body.</summary>
    private static string Fingerprint(HttpContext http) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{http.Request.Method} {http.Request.Path}\n{http.Items[HttpRequestContext.BodyDigestItem] as string}")));

    /// <summary>A 201's Location (TypedResults.Created&lt;T&gt; exposes it as a property).</summary>
    private static string? LocationOf(object result) =>
        result.GetType().GetProperty(nameof(Microsoft.AspNetCore.Http.HttpResults.Created.Location))?.GetValue(result) as string;

    private static IResult Replay(HttpContext http, StoredResponse stored)
    {
        http.Response.Headers[ReplayedHeader] = "true";
        if (stored.Location is not null)
            http.Response.Headers.Location = stored.Location;
        return stored.Body is null
            ? TypedResults.StatusCode(stored.StatusCode)
            : TypedResults.Content(stored.Body, "application/json; charset=utf-8", Encoding.UTF8, stored.StatusCode);
    }

    private static ProblemHttpResult Problem(int status, string type, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail });

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex SaneKey();
}
