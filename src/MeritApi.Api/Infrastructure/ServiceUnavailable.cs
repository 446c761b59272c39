using System.Globalization;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// The one shape of "try again shortly": 503, <c>Retry-After</c> and a <c>urn:meritapi:problem:service-unavailable</c>
/// problem, whether the database is unreachable, lost mid-commit or too slow for the request's time limit.
/// </summary>
public static class ServiceUnavailable
{
    public const int RetryAfterSeconds = 5;

    /// <summary>The request-timeout policy applied to every endpoint unless it names another.</summary>
    public const string DefaultTimeoutSetting = "Resilience:RequestTimeoutSeconds";

    /// <summary>Bulk endpoints (import, scoring runs) get a longer limit of their own.</summary>
    public const string LongTimeoutPolicy = "long";
    public const string LongTimeoutSetting = "Resilience:LongRequestTimeoutSeconds";

    public const string DatabaseUnreachable =
        "The database cannot be reached right now; retry after the time in Retry-After. Nothing was changed by this request.";

    public const string CommitOutcomeUnknown =
        "The connection to the database was lost while this change was being committed, so it may or may not have been stored. " +
        "Retry with the same Idempotency-Key: if it was stored you get the original answer, otherwise it is applied (once).";

    public static ProblemDetails Problem(string detail) => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Type = ProblemTypes.ServiceUnavailable,
        Title = "Service temporarily unavailable",
        Detail = detail,
    };

    public static void SetRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);

    public static void AddMeritRequestTimeouts(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue(DefaultTimeoutSetting, 30);
        var longSeconds = configuration.GetValue(LongTimeoutSetting, 120);
        services.AddRequestTimeouts(options =>
        {
            options.DefaultPolicy = Policy(seconds);
            options.AddPolicy(LongTimeoutPolicy, Policy(Math.Max(seconds, longSeconds)));
        });
    }

    /// <summary>
    /// Past the limit the request's token is cancelled: a wait on the database stops, its transaction (if any) is rolled
    /// back, and the client gets a 503 rather than a hang. A command cancelled during its commit is reported by the
    /// exception handler instead (outcome unknown, also a 503).
    /// </summary>
    private static RequestTimeoutPolicy Policy(int seconds) => new()
    {
        Timeout = TimeSpan.FromSeconds(seconds),
        TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        WriteTimeoutResponse = async context =>
        {
            // The request's token is the one that just fired: writing with it would stop the answer half-way (and the
            // exception handler would then write a second problem after the first). The middleware restores it afterwards.
            context.RequestAborted = CancellationToken.None;
            SetRetryAfter(context.Response);
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = Problem(
                    $"The request did not complete within {seconds} seconds (the database is slow or unreachable); it was abandoned " +
                    "and nothing was changed. Retry after the time in Retry-After, with the same Idempotency-Key for a command."),
            });
        },
    };
}
