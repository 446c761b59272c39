using MeritApi.Api.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MeritApi.Api.Security;

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
            });
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT with a 'role' claim (hr-system, committee, auditor, admin); committee tokens list their selections in 'selection' claims.",
            });
            options.OperationFilter<RolesOperationFilter>();
            options.OperationFilter<QueryRequestOperationFilter>();
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
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name!),
                    In = ParameterLocation.Query,
                    Required = false,
                    Schema = context.SchemaGenerator.GenerateSchema(member.ParameterType, context.SchemaRepository),
                });
            }
        }
    }

    /// <summary>Names each operation's roles, its bearer requirement and its 401/403 answers, from its authorization policy.</summary>
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
            operation.Responses ??= new OpenApiResponses();
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid bearer token (problem details, type " + ProblemTypes.Unauthorized + ")." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token's role (or committee) may not do this (type " + ProblemTypes.Forbidden + ")." });
            operation.Responses.TryAdd("429", new OpenApiResponse { Description = "Rate limit exceeded (type " + ProblemTypes.TooManyRequests + "), with Retry-After." });
        }
    }
}
