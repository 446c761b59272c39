namespace MeritApi.Api.Infrastructure;

/// <summary>
/// Stable RFC 9457 problem <c>type</c> URIs. Clients switch on these, never on titles or messages.
/// They are URNs on purpose: identifiers, not links that could move.
/// </summary>
public static class ProblemTypes
{
    private const string Prefix = "urn:meritapi:problem:";

    public const string Validation = Prefix + "validation";
    public const string NonMeritAttribute = Prefix + "non-merit-attribute";
    public const string NonMeritVocabulary = Prefix + "non-merit-vocabulary";
    public const string MalformedRequest = Prefix + "malformed-request";
    public const string Unauthorized = Prefix + "unauthorized";
    public const string Forbidden = Prefix + "forbidden";
    public const string TooManyRequests = Prefix + "too-many-requests";
    public const string NotFound = Prefix + "not-found";
    public const string Conflict = Prefix + "conflict";
    public const string IdempotencyKeyReused = Prefix + "idempotency-key-reused";
    public const string RuleViolation = Prefix + "rule-violation";
    public const string MethodNotAllowed = Prefix + "method-not-allowed";
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";
    public const string PayloadTooLarge = Prefix + "payload-too-large";
    public const string ServiceUnavailable = Prefix + "service-unavailable";
    public const string PreconditionFailed = Prefix + "precondition-failed";
    public const string PreconditionRequired = Prefix + "precondition-required";

    /// <summary>The audit log no longer matches its latest signed checkpoint: writes are refused until it is investigated.</summary>
    public const string AuditLogInconsistent = Prefix + "audit-log-inconsistent";
    public const string Internal = Prefix + "internal";

    /// <summary>The type for a bare status code (routing 404s, 405s, …).</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => MalformedRequest,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status409Conflict => Conflict,
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status412PreconditionFailed => PreconditionFailed,
        StatusCodes.Status428PreconditionRequired => PreconditionRequired,
        StatusCodes.Status503ServiceUnavailable => ServiceUnavailable,
        >= 500 => Internal,
        _ => Prefix + status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
