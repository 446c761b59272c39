using System.Text.Json;
using FluentValidation;
using MeritApi.Application.Common.Concurrency;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// Maps this project's own exceptions (and the framework's request-reading failures, by their status) to RFC 9457 problem
/// details with a stable type: bad input is a 4xx naming the field, an unreachable database (refused, lost, shutting down,
/// timed out, lost mid-commit) is a 503 with Retry-After. Anything else, an ArgumentException included, is a bug: a 500
/// that reveals nothing, logged.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = ServiceUnavailable.RetryAfterSeconds;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception);
        if (problem.Type == ProblemTypes.ServiceUnavailable)
        {
            LogUnavailable(httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, Innermost(exception).Message);
            ServiceUnavailable.SetRetryAfter(httpContext.Response);
        }
        else if (problem.Status >= 500)
        {
            LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails Map(Exception exception) => exception switch
    {
        ValidationException v => Validation(v.Errors.GroupBy(e => e.PropertyName)
            .ToDictionary(g => string.IsNullOrEmpty(g.Key) ? "body" : g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
        InvalidQueryException q => Validation(new(q.Errors)),
        IdempotencyKeyReusedException r => Problem(StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused,
            "Idempotency-Key reused", r.Message),
        ForbiddenException f => Problem(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Forbidden", f.Message),
        NotFoundException nf => Problem(StatusCodes.Status404NotFound, ProblemTypes.NotFound, $"{nf.Resource} not found", nf.Message),
        ConflictException c => Broken(c.Rule, c.Message, field: null),
        PreconditionFailedException p => Problem(StatusCodes.Status412PreconditionFailed, ProblemTypes.PreconditionFailed,
            "Precondition failed", p.Message),
        PreconditionRequiredException r => Problem(StatusCodes.Status428PreconditionRequired, ProblemTypes.PreconditionRequired,
            "Precondition required", r.Message),
        DomainException d => Broken(d.Rule, d.Message, d.Field),
        BadHttpRequestException b => FromBadRequest(b),
        JsonException j => FromJson(j),
        CommitOutcomeUnknownException => ServiceUnavailable.Problem(ServiceUnavailable.CommitOutcomeUnknown),
        DatabaseUnavailableException => ServiceUnavailable.Problem(ServiceUnavailable.DatabaseUnreachable),
        AuditLogInconsistentException a => Problem(StatusCodes.Status503ServiceUnavailable, ProblemTypes.AuditLogInconsistent,
            "Audit log inconsistent", a.Message),
        // Cancelled without the client going away (that one the framework answers 499 itself): the request's time limit.
        OperationCanceledException => ServiceUnavailable.Problem(ServiceUnavailable.DatabaseUnreachable),
        _ => Problem(StatusCodes.Status500InternalServerError, ProblemTypes.Internal, "Internal error",
            "An unexpected error occurred. It has been logged; quote the traceId when reporting it."),
    };

    /// <summary>A broken rule, answered as its kind says (<see cref="Rules"/>), whoever noticed the breach.</summary>
    private static ProblemDetails Broken(Rule rule, string message, string? field)
    {
        var problem = rule.Kind switch
        {
            RuleKind.Conflict => Problem(StatusCodes.Status409Conflict, ProblemTypes.Conflict, "Conflict", message),
            RuleKind.Violation => Problem(StatusCodes.Status409Conflict, ProblemTypes.RuleViolation, "Merit rule violated", message),
            RuleKind.InvalidField => Validation(new() { [field ?? "body"] = [message] }),
            RuleKind.NonMeritVocabulary => Validation(new() { [field ?? "body"] = [message] }, ProblemTypes.NonMeritVocabulary,
                "Non-merit vocabulary refused"),
            _ => throw new InvalidOperationException($"Rule kind {rule.Kind} has no answer."),
        };
        problem.Extensions["rule"] = rule.Id;
        return problem;
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
            return FromJson(json);
        return exception.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => Problem(exception.StatusCode, ProblemTypes.PayloadTooLarge, "Request body too large",
                "The request body exceeds the size this endpoint accepts."),
            StatusCodes.Status415UnsupportedMediaType => Problem(exception.StatusCode, ProblemTypes.UnsupportedMediaType,
                "Unsupported media type", "Send the body as application/json."),
            _ => Problem(exception.StatusCode, ProblemTypes.ForStatus(exception.StatusCode), "Bad request", "The request could not be read."),
        };
    }

    private static ProblemDetails FromJson(JsonException exception)
    {
        var (field, message) = JsonErrors.Explain(exception);
        return Validation(new() { [field] = [message] }, ProblemTypes.MalformedRequest, "The request body could not be read");
    }

    private static ProblemDetails Validation(Dictionary<string, string[]> errors, string type = ProblemTypes.Validation,
        string title = "One or more fields are invalid")
    {
        var problem = Problem(StatusCodes.Status400BadRequest, type, title,
            $"Invalid: {string.Join(", ", errors.Keys.Select(k => $"'{k}'"))}. See 'errors' for each field.");
        problem.Extensions["errors"] = errors;
        return problem;
    }

    private static ProblemDetails Problem(int status, string type, string title, string detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };


    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
            exception = exception.InnerException;
        return exception;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable on {Method} {Path}: {Exception}: {Reason}; answered 503")]
    private partial void LogUnavailable(string method, string path, string exception, string reason);
}
