using System.Text.RegularExpressions;
using MeritApi.Api.Security;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Api.Infrastructure;

/// <summary>The audit trail's view of the current HTTP request: the authenticated caller, request id and body digest.</summary>
public sealed partial class HttpRequestContext(IHttpContextAccessor accessor) : IRequestContext
{
    public const string RequestIdHeader = "X-Request-Id";
    internal const string RequestIdItem = "MeritApi.RequestId";
    internal const string BodyDigestItem = "MeritApi.BodyDigest";

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("No HTTP request in progress.");

    public string Actor => Context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "anonymous";

    /// <summary>
    /// The token's recognised role(s), comma-separated when it carries several: any other role claim means nothing here, and
    /// the list of the four fits the trail's column whatever a token carries.
    /// </summary>
    public string Role => Context.User.FindAll(Roles.RoleClaim).Select(c => c.Value).Where(Roles.All.Contains).Distinct()
        .Order(StringComparer.Ordinal).ToList() is { Count: > 0 } roles
        ? string.Join(',', roles)
        : "none";

    public bool IsAdministrator => Context.User.IsInRole(Roles.Admin);

    public string RequestId => Context.Items[RequestIdItem] as string ?? Context.TraceIdentifier;

    public string? BodyDigest => Context.Items[BodyDigestItem] as string;

    /// <summary>
    /// Takes the caller's X-Request-Id when it is a sane token (so an HR system can correlate its retries),
    /// otherwise makes one, and echoes it on the response.
    /// </summary>
    public static async Task AssignRequestId(HttpContext context, Func<Task> next)
    {
        var offered = context.Request.Headers[RequestIdHeader].ToString();
        var id = SaneRequestId().IsMatch(offered) ? offered : Guid.CreateVersion7().ToString();
        context.Items[RequestIdItem] = id;
        // On start, so that error responses (whose headers the exception handler clears) carry it too.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[RequestIdHeader] = id;
            return Task.CompletedTask;
        });
        // Every log line of the request carries the id the client quotes (the scope is shared by all loggers). The logger
        // is DI's singleton: LoggerFactory.CreateLogger takes a lock on every call.
        using (context.RequestServices.GetRequiredService<ILogger<HttpRequestContext>>()
                   .BeginScope(new KeyValuePair<string, object>[] { new(RequestIdScope, id) }))
            await next();
    }

    /// <summary>The log scope's name for the X-Request-Id (ASP.NET Core's own "RequestId" is its connection-based id).</summary>
    public const string RequestIdScope = "XRequestId";

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex SaneRequestId();
}
