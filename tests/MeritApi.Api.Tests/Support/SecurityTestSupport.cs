using System.Net;
using System.Text;
using MeritApi.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.IdentityModel.Tokens;

namespace MeritApi.Api.Tests;

/// <summary>One routed /api endpoint with what the role matrix needs: its route pattern and its authorization metadata.</summary>
internal sealed record ApiEndpoint(string Method, string Route, RoutePattern Pattern, IReadOnlyList<IAuthorizeData> Authorization,
    bool AllowsAnonymous)
{
    public override string ToString() => $"{Method} {Route}";

    /// <summary>The one policy the endpoint names (null when it names none or several).</summary>
    public string? Policy => Authorization is [{ Policy: { } policy, Roles: null or "", AuthenticationSchemes: null or "" }] ? policy : null;

    /// <summary>A concrete URL: each route parameter replaced by <paramref name="valueOf"/>(parameter name, its constraints).</summary>
    public string Url(Func<string, IReadOnlyList<string>, string> valueOf) =>
        "/" + string.Join('/', Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => valueOf(parameter.Name,
                [.. parameter.ParameterPolicies.Select(p => p.Content ?? string.Empty)]),
            _ => string.Empty,
        })))).TrimEnd('/');
}

internal static class ApiEndpoints
{
    /// <summary>Every routed endpoint under /api, per HTTP method, with its authorization metadata.</summary>
    public static IReadOnlyList<ApiEndpoint> List(IServiceProvider services)
    {
        var sources = (IEnumerable<EndpointDataSource>)services.GetService(typeof(IEnumerable<EndpointDataSource>))!;
        var routes = services.GetEndpoints().ToList(); // HostTests' rendering of the same templates
        var list = new List<ApiEndpoint>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            var route = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
                _ => string.Empty,
            }))));
            route = route.TrimEnd('/');
            if (!route.StartsWith("/api/", StringComparison.Ordinal))
                continue;
            foreach (var method in methods)
            {
                list.Add(new ApiEndpoint(method, route, endpoint.RoutePattern, [.. endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()],
                    endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null));
            }
        }
        Assert.That(list.Select(e => (e.Method, e.Route)),
            Is.EquivalentTo(routes.Where(r => r.Route.StartsWith("/api/", StringComparison.Ordinal))),
            "the endpoint listing disagrees with HostTests' GetEndpoints()");
        return list;
    }
}

/// <summary>The tokens of the role matrix: one per role, and the ones the API must refuse whatever they claim.</summary>
internal static class MatrixTokens
{
    public const string OtherSigningKey = "a signing key the MeritApi test host has never been configured with, 256+ bits";

    /// <summary>A single-role token with a subject of its own (so the matrix never shares a rate-limit window with other tests).</summary>
    public static string ForRole(string role, string run, params Guid[] selections) =>
        TestTokens.Mint([role], selections, subject: $"matrix-{role}-{run}");

    /// <summary>Tokens that must be refused with 401: each carries every role, so only its flaw can explain a refusal.</summary>
    public static IReadOnlyDictionary<string, string?> Invalid(string run) => new Dictionary<string, string?>
    {
        ["no token"] = null,
        ["expired token"] = TestTokens.Mint(Roles.All, subject: $"matrix-expired-{run}", expires: DateTime.UtcNow.AddMinutes(-10)),
        ["wrong signing key"] = TestTokens.Mint(Roles.All, subject: $"matrix-key-{run}", key: OtherSigningKey),
        ["wrong audience"] = TestTokens.Mint(Roles.All, subject: $"matrix-aud-{run}", audience: "some-other-api"),
        ["wrong issuer"] = TestTokens.Mint(Roles.All, subject: $"matrix-iss-{run}", issuer: "https://issuer.example.invalid"),
        ["not a JWT"] = "not.a.jwt",
        // Hardening (DESIGN §7): pinned algorithms, a required subject, a capped lifetime.
        ["HS384 token"] = TestTokens.Mint(Roles.All, subject: $"matrix-hs384-{run}", algorithm: SecurityAlgorithms.HmacSha384),
        ["HS512 token"] = TestTokens.Mint(Roles.All, subject: $"matrix-hs512-{run}", algorithm: SecurityAlgorithms.HmacSha512),
        ["unsigned token (alg none)"] = TestTokens.Mint(Roles.All, subject: $"matrix-none-{run}", withSignature: false),
        ["token without sub"] = TestTokens.Mint(Roles.All, withSubject: false),
        ["token with an empty sub"] = TestTokens.Mint(Roles.All, subject: ""),
        ["token with a 201-character sub"] = TestTokens.Mint(Roles.All, subject: new string('s', 201)),
        ["token valid for 100 years"] = TestTokens.Mint(Roles.All, subject: $"matrix-century-{run}", expires: DateTime.UtcNow.AddYears(100),
            lifetime: TimeSpan.FromDays(36_525)),
        ["token valid for 13 hours"] = TestTokens.Mint(Roles.All, subject: $"matrix-13h-{run}", expires: DateTime.UtcNow.AddHours(12.5),
            lifetime: TimeSpan.FromHours(13)),
    };
}

/// <summary>A strict RFC 4180 reader: CRLF record ends, fields quoted with '"' and "" inside; anything else is an error.</summary>
internal static class StrictCsv
{
    public static IReadOnlyList<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            string value;
            if (text[i] == '"')
            {
                var field = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new FormatException("Unterminated quoted field.");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.Append(text[i++]);
                }
                value = field.ToString();
            }
            else
            {
                var start = i;
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"')
                        throw new FormatException($"A quote inside an unquoted field at offset {i}.");
                    i++;
                }
                value = text[start..i];
            }
            fields.Add(value);

            if (i >= text.Length)
                throw new FormatException("The last record does not end with CRLF.");
            if (text[i] == ',')
            {
                i++;
                if (i >= text.Length)
                    throw new FormatException("The text ends after a comma.");
                continue;
            }
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i += 2;
                records.Add([.. fields]);
                fields.Clear();
                continue;
            }
            throw new FormatException($"Unexpected character {(int)text[i]} after a field at offset {i} (a bare CR or LF?).");
        }
        return records;
    }
}

/// <summary>A request body of a given size, produced on the fly (optionally without a Content-Length: chunked).</summary>
internal sealed class GeneratedContent : HttpContent
{
    private readonly long _length;
    private readonly bool _announceLength;

    public GeneratedContent(long length, bool announceLength = true)
    {
        _length = length;
        _announceLength = announceLength;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        // {"employees":[]} followed by whitespace: valid JSON of any size.
        var head = "{\"employees\":[]}"u8.ToArray();
        await stream.WriteAsync(head);
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)' ');
        for (var left = _length - head.Length; left > 0; left -= chunk.Length)
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return _announceLength;
    }
}

internal static class ResponseAssertions
{
    /// <summary>Reads a 401/403 answer and checks it is problem details of the given type.</summary>
    public static async Task<string?> ProblemTypeAsync(this HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return null;
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return (string?)body?["type"];
    }

    public static bool IsAuthFailure(this HttpStatusCode status) => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
