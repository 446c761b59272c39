using MeritApi.Api.Infrastructure;
using MeritApi.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MeritApi.Api.OpenApi;

/// <summary>
/// The OpenAPI document (<c>/swagger/v1/swagger.json</c>), written so that a generated client can live on it: required
/// and nullable as the C# types and the validators say, stable operation ids, every representation and error, the
/// headers of idempotency, caching and concurrency, an example for each command body.
/// </summary>
public static class SwaggerSetup
{
    public const string BearerScheme = "Bearer";

    /// <summary>Serves the document and UI outside Development too.</summary>
    public const string EnabledSetting = "Swagger:Enabled";

    public static IServiceCollection AddMeritSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "MeritApi",
                Version = "v1",
                Description = "Merit-based promotion and placement of civil servants (ASN): evidence in, deterministic merit scores, " +
                              "ranked shortlists out. Every endpoint needs a bearer token (JWT) with the role(s) it names; " +
                              "every error is RFC 9457 problem details with a stable 'type'. ./build/run.sh prints a token per role.",
                Contact = new OpenApiContact { Name = "MeritApi maintainers" },
            });
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT with a 'role' claim (hr-system, committee, auditor, admin, talent-committee); committee tokens list their selections in 'selection' claims.",
            });
            // Nullable reference types are the contract: a non-nullable member is required and never null.
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            // A nullable enum or object is a reference with "nullable" beside it, which 3.0 allows only through allOf.
            options.UseAllOfToExtendReferenceSchemas();
            // Money-like exactness: scores and weights are decimals on the wire, not doubles.
            options.MapType<decimal>(() => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal" });
            options.MapType<decimal?>(() => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "decimal" });
            options.MapType<DateOnly>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" });
            options.OperationFilter<RolesOperationFilter>();
            options.OperationFilter<QueryRequestOperationFilter>();
            options.OperationFilter<HttpContractOperationFilter>();
            options.OperationFilter<RequestExampleOperationFilter>();
            options.SchemaFilter<OptionalRequestReferenceSchemaFilter>();
            options.SchemaFilter<ValidationRulesSchemaFilter>();
            options.DocumentFilter<PlainDescriptionsDocumentFilter>();
            // The commands, queries and DTOs are documented where they live, in the Application and Domain layers.
            foreach (var xml in Directory.EnumerateFiles(AppContext.BaseDirectory, "MeritApi.*.xml"))
                options.IncludeXmlComments(xml, includeControllerXmlComments: true);
        });
        return services;
    }

    /// <summary>
    /// Documents a query request record (<see cref="IQueryRequest{TSelf}"/>) as the query parameters it reads: the framework
    /// sees one custom-bound parameter, the client sends one query value per member.
    /// </summary>
    private sealed class QueryRequestOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var records = context.MethodInfo?.GetParameters().Select(p => p.ParameterType)
                .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQueryRequest<>))) ?? [];
            foreach (var member in records.SelectMany(t => t.GetConstructors().Single().GetParameters()))
            {
                var schema = context.SchemaGenerator.GenerateSchema(member.ParameterType, context.SchemaRepository);
                // A text value that is one of a few words says which ([AllowedValues] on the record's parameter).
                if (member.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.AllowedValuesAttribute), false)
                        .Cast<System.ComponentModel.DataAnnotations.AllowedValuesAttribute>().FirstOrDefault() is { } allowed)
                    schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. allowed.Values.Select(v => (System.Text.Json.Nodes.JsonNode)v!.ToString()!)] };
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name!),
                    In = ParameterLocation.Query,
                    Required = false,
                    Schema = schema,
                });
            }
        }
    }

    /// <summary>Names each operation's roles and its bearer requirement, from its authorization policy.</summary>
    private sealed class RolesOperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
                return;
            var roles = metadata.OfType<IAuthorizeData>().Select(a => a.Policy)
                .Where(p => p is not null && Policies.RolesOf.ContainsKey(p)).SelectMany(p => Policies.RolesOf[p!]).Distinct().ToList();
            if (roles.Count > 0)
                operation.Description = $"{operation.Description}\n\nRoles: {string.Join(", ", roles)}.".TrimStart();
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
        }
    }
}
