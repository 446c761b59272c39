using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// Refuses any write whose JSON body carries a non-merit attribute, at any depth, before model binding:
/// merit-only is enforced by the API, not left to each handler. Also refuses bodies that are not JSON at all
/// or repeat a key, so that what the guard checked is exactly what the handler will read, and any query parameter on a
/// write; and records the body's SHA-256 for the audit trail.
/// </summary>
public sealed class MeritOnlyGuardMiddleware(RequestDelegate next)
{
    public const int MaxDepth = 32;

    private static readonly string[] UnknownQueryParameter =
        ["Unknown query parameter: commands take their input from the route and the body only."];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = MaxDepth,
        AllowDuplicateProperties = false,
    };

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var request = context.Request;
        if (!IsWrite(request.Method))
        {
            await next(context);
            return;
        }

        // No command takes a query parameter: one given is refused like an unknown body field, not silently ignored (a
        // "?religion=…" or "?force=true" must not look accepted).
        if (request.Query.Count > 0)
        {
            var names = request.Query.Keys.Select(k => k.Length == 0 ? "(empty)" : Shorten(k)).Distinct().ToList();
            await WriteAsync(context, problems, StatusCodes.Status400BadRequest, ProblemTypes.MalformedRequest, "Unknown query parameter",
                $"This endpoint takes no query parameters; refused: {string.Join(", ", names.Select(n => $"'{n}'"))}.",
                names.ToDictionary(n => n, _ => UnknownQueryParameter));
            return;
        }

        // The limit is enforced here, for every host (Kestrel or not): the endpoint's own, else the API's default.
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? WebApi.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
        {
            await WriteTooLargeAsync(context, problems, limit);
            return;
        }
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        if (!await CopyWithinLimitAsync(request.Body, buffer, limit, context.RequestAborted))
        {
            await WriteTooLargeAsync(context, problems, limit);
            return;
        }
        request.Body.Position = 0;
        context.Items[HttpRequestContext.BodyDigestItem] = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer()
            .AsSpan(0, (int)buffer.Length)));
        // Said here rather than read from the framework's exception text: an endpoint that binds a body got none.
        if (buffer.Length == 0 && context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is not null)
        {
            await WriteAsync(context, problems, StatusCodes.Status400BadRequest, ProblemTypes.MalformedRequest, "Missing body",
                "This endpoint needs a JSON body.", null);
            return;
        }
        // An empty body of an endpoint that takes none (generated clients send one, typed JSON, with a bodiless POST) holds
        // nothing to check or refuse.
        if (buffer.Length == 0 || !request.HasJsonContentType())
        {
            await next(context);
            return;
        }
        // JSON is UTF-8 (RFC 8259 §8.1). Another charset would make the handler decode other characters than the guard
        // checked, and one .NET does not know made the framework's body reader throw (a 500).
        if (!IsUtf8(request, out var charset))
        {
            await WriteAsync(context, problems, StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType,
                "Unsupported charset", $"JSON bodies must be UTF-8; charset '{Shorten(charset)}' is not accepted. " +
                                       "Send UTF-8 with Content-Type: application/json (or charset=utf-8).", null);
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), DocumentOptions);
        }
        catch (JsonException ex)
        {
            await WriteAsync(context, problems, StatusCodes.Status400BadRequest, ProblemTypes.MalformedRequest,
                "Malformed JSON", JsonErrors.DescribeSyntax(ex), null);
            return;
        }

        using (document)
        {
            var found = NonMeritAttributeSearch.FindIn(document.RootElement);
            if (found.Count > 0)
            {
                var errors = found.GroupBy(f => f.Path).ToDictionary(g => g.Key.TrimStart('$', '.'), g => new[]
                {
                    $"'{g.First().Name}' is a non-merit attribute; merit decisions may use only competence and performance evidence.",
                });
                await WriteAsync(context, problems, StatusCodes.Status400BadRequest, ProblemTypes.NonMeritAttribute,
                    "Non-merit attribute refused",
                    $"The request carries non-merit attribute(s) {string.Join(", ", found.Select(f => $"'{f.Name}' at {f.Path}"))}. " +
                    "Promotion and placement decisions may use only competence and performance; remove the field(s).",
                    errors);
                return;
            }
        }

        await next(context);
    }

    private static async Task<bool> CopyWithinLimitAsync(Stream body, MemoryStream buffer, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
                return false;
            buffer.Write(chunk, 0, read);
        }
        return true;
    }

    private static Task WriteTooLargeAsync(HttpContext context, IProblemDetailsService problems, long limit) =>
        WriteAsync(context, problems, StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Request body too large",
            $"This endpoint accepts bodies of at most {limit / 1024} KiB.", null);

    /// <summary>
    /// Whether the Content-Type declares no charset or UTF-8 (in any spelling: utf-8, UTF-8, "utf-8"). A UTF-8 charset is
    /// then dropped from the header, so the framework's body reader (which knows only the bare spelling) reads UTF-8 too.
    /// </summary>
    private static bool IsUtf8(HttpRequest request, out string charset)
    {
        charset = string.Empty;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) || mediaType.Charset.Value is not { } declared)
            return true;
        charset = HeaderUtilities.RemoveQuotes(declared).Value ?? string.Empty;
        if (!charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            return false;
        request.ContentType = mediaType.MediaType.Value;
        return true;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static bool IsWrite(string method) => HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method);

    internal static async Task WriteAsync(HttpContext context, IProblemDetailsService problems, int status, string type, string title,
        string detail, Dictionary<string, string[]>? errors)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Type = type, Title = title, Detail = detail };
        if (errors is not null)
            problem.Extensions["errors"] = errors;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
