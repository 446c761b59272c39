using MeritApi.Api.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MeritApi.Api.OpenApi;

/// <summary>
/// What every operation's HTTP contract holds beyond its body, worked out from the endpoint itself so that no endpoint
/// can forget it: the problem responses it can give (all as the <see cref="ProblemSchema"/>), text and image
/// representations as strings, and the headers of creation (Location), idempotency (Idempotency-Key,
/// Idempotent-Replayed), caching (ETag, If-None-Match, 304), concurrency (If-Match, 412, 428) and rate limits (Retry-After).
/// </summary>
internal sealed class HttpContractOperationFilter : IOperationFilter
{
    public const string ProblemSchema = "Problem";
    private const string ProblemMediaType = "application/problem+json";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var description = context.ApiDescription;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var parameters = context.MethodInfo?.GetParameters().Select(p => p.ParameterType).ToHashSet() ?? [];
        var write = description.HttpMethod is "POST" or "PUT";
        var idempotent = parameters.Contains(typeof(IdempotencyHeader));
        var versioned = parameters.Contains(typeof(IfMatchHeader));
        var revalidatable = metadata.OfType<RevalidatableMetadata>().Any();
        operation.Responses ??= new OpenApiResponses();
        operation.Parameters ??= [];
        EnsureProblemSchema(context);

        foreach (var (_, response) in operation.Responses.Where(r => r.Key.StartsWith('2')))
        {
            if (response is not OpenApiResponse r || r.Content is null)
                continue;
            foreach (var (mediaType, content) in r.Content)
            {
                // A document (CSV, HTML, Markdown, SVG) is bytes to a client, not JSON: generators then hand it over as a file or text.
                if (mediaType != "application/json")
                    content.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            }
        }

        if (operation.Responses.TryGetValue("201", out var created) && created is OpenApiResponse c)
            AddHeader(c, "Location", "Where the created resource is.", new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" });
        if (idempotent)
        {
            operation.Parameters.Add(Header(IdempotencyHeader.Header,
                "Makes the command safe to retry: a retry with the same key and request gets the first answer (Idempotent-Replayed: true); " +
                "the same key with another request is a 422.", new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 }));
            foreach (var success in Successes(operation))
                AddHeader(success, IdempotencyHeader.ReplayedHeader, "'true' when this is the stored answer to an earlier request with the same key.",
                    new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["true"] });
        }
        if (versioned)
        {
            operation.Parameters.Add(Header("If-Match", "The resource's ETag as read: the change applies only if it has not changed since (else 412); " +
                "'*' asks only that it exists. Required where the server requires preconditions (else 428).", new OpenApiSchema { Type = JsonSchemaType.String }));
            foreach (var success in Successes(operation))
                AddHeader(success, "ETag", "The resource's version after the change.", new OpenApiSchema { Type = JsonSchemaType.String });
        }
        if (revalidatable)
        {
            operation.Parameters.Add(Header("If-None-Match", "An ETag from an earlier answer: 304 without a body when it still holds.",
                new OpenApiSchema { Type = JsonSchemaType.String }));
            foreach (var success in Successes(operation))
                AddHeader(success, "ETag", "Names this representation (changes with what the caller may see).", new OpenApiSchema { Type = JsonSchemaType.String });
            var notModified = new OpenApiResponse { Description = "Not modified: the ETag sent in If-None-Match still holds." };
            AddHeader(notModified, "ETag", "The same ETag.", new OpenApiSchema { Type = JsonSchemaType.String });
            operation.Responses["304"] = notModified;
        }

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var routeValues = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path);
        var problems = new List<(string Status, string Description)> { ("400", "The request is malformed or a field is invalid (errors, by field).") };
        if (!anonymous)
        {
            problems.Add(("401", "No valid bearer token."));
            problems.Add(("403", "The token's role, or its committee's selections, do not cover this."));
        }
        // A route value, or a write's body, names things that may not exist (a selection's position, an enrolled employee).
        if (routeValues || write)
            problems.Add(("404", "Something the route or the body names does not exist."));
        if (write)
        {
            problems.Add(("409", "The request collides with the current state or breaks a merit rule (rule names which)."));
            problems.Add(("413", "The body is larger than this endpoint takes."));
            problems.Add(("415", "The body is not application/json."));
        }
        if (idempotent)
            problems.Add(("422", "The Idempotency-Key was used before with another request."));
        if (versioned)
        {
            problems.Add(("412", "The resource changed since the ETag given in If-Match."));
            problems.Add(("428", "This server requires If-Match on this update."));
        }
        problems.Add(("429", "Too many requests from this client; retry after Retry-After seconds."));
        problems.Add(("503", "The database is unreachable or the request ran out of time; safe to retry with the same Idempotency-Key."));

        foreach (var (status, text) in problems)
        {
            var response = new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemMediaType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
                },
            };
            if (status is "429" or "503")
                AddHeader(response, "Retry-After", "Seconds to wait before retrying.", new OpenApiSchema { Type = JsonSchemaType.Integer });
            operation.Responses[status] = response;
        }
    }

    private static IEnumerable<OpenApiResponse> Successes(OpenApiOperation operation) =>
        operation.Responses!.Where(r => r.Key.StartsWith('2')).Select(r => r.Value).OfType<OpenApiResponse>();

    private static OpenApiParameter Header(string name, string description, OpenApiSchema schema) =>
        new() { Name = name, In = ParameterLocation.Header, Required = false, Description = description, Schema = schema };

    private static void AddHeader(OpenApiResponse response, string name, string description, OpenApiSchema schema)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[name] = new OpenApiHeader { Description = description, Schema = schema };
    }

    /// <summary>RFC 9457 problem details as this API writes them, with its own members.</summary>
    private static void EnsureProblemSchema(OperationFilterContext context)
    {
        if (context.SchemaRepository.Schemas.ContainsKey(ProblemSchema))
            return;
        var text = new OpenApiSchema { Type = JsonSchemaType.String };
        context.SchemaRepository.AddDefinition(ProblemSchema, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details. Switch on 'type' (a stable URN), never on 'title' or 'detail'.",
            Required = new HashSet<string> { "type", "title", "status", "traceId" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "The kind of problem, e.g. urn:meritapi:problem:validation." },
                ["title"] = text,
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The request path." },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The W3C trace id of the request, to quote when reporting it." },
                ["rule"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The merit or domain rule broken (409s), e.g. duplicate-nip." },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object | JsonSchemaType.Null,
                    Description = "Validation problems by field, as the client sent it (standard[0].requiredLevel).",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = text },
                },
            },
            AdditionalPropertiesAllowed = true,
        });
    }
}
