using MeritApi.Application.Common.Idempotency;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// The HTTP side of idempotency, and all of it: a write endpoint binds this parameter to read the client's Idempotency-Key
/// into the command (<see cref="Application.Common.Command{TResponse}.IdempotencyKey"/>), and a response answered from the
/// stored first answer says so in <see cref="ReplayedHeader"/>. The lookup, the stored answer and their transaction belong
/// to the command pipeline, not to the endpoint.
/// </summary>
public sealed record IdempotencyHeader(IdempotencyKey? Key)
{
    public const string Header = IdempotencyKey.Header;
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Minimal APIs' custom binding: runs after authentication, so the caller's subject is known.</summary>
    public static ValueTask<IdempotencyHeader> BindAsync(HttpContext http)
    {
        // Two keys on one request arrive joined by a comma, which no key may contain: refused like any malformed key.
        var value = http.Request.Headers[Header].ToString();
        if (value.Length == 0)
            return ValueTask.FromResult(new IdempotencyHeader((IdempotencyKey?)null));

        // Authentication requires a subject, so every key belongs to one named client.
        var client = http.User.Identity?.Name ?? throw new InvalidOperationException("An authenticated caller has a subject.");
        var key = IdempotencyKey.Create(client, value);
        var replay = http.RequestServices.GetRequiredService<IdempotentReplay>();
        http.Response.OnStarting(() =>
        {
            if (replay.Replayed)
                http.Response.Headers[ReplayedHeader] = "true";
            return Task.CompletedTask;
        });
        return ValueTask.FromResult(new IdempotencyHeader(key));
    }
}
