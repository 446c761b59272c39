using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// The one writer of problem details: always application/problem+json, whatever the request's Accept header asks for.
/// The framework's default writer declines when Accept excludes JSON (text/html, image/png, …); then a refusal went out
/// with no body at all, and a problem written by middleware (IProblemDetailsService.WriteAsync) threw and became a 500.
/// An error is answered in the format RFC 9457 defines for it; a 406 would tell the client nothing about what went wrong.
/// </summary>
public sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, ContentType, http.RequestAborted));
    }
}
