namespace MeritApi.Api.Security;

/// <summary>Response headers that keep browsers from sniffing, framing or caching API data.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Set as the response starts, not when the request comes in: the exception handler clears a failed response's
    /// headers before writing its problem details, and refusals need the headers as much as successes.
    /// </summary>
    public static Task Apply(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            // Swagger UI needs its scripts; API responses are data and need nothing.
            if (!context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                // Unless the endpoint made the response revalidatable (EntityTags): a conditional read of immutable data.
                if (headers.CacheControl != Infrastructure.EntityTags.Revalidate)
                    headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next();
    }
}
