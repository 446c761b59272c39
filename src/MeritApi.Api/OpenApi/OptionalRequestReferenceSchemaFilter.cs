using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MeritApi.Api.OpenApi;

/// <summary>
/// An optional enum or object member of a request (<c>EmploymentType?</c>, <c>CertificateRequest?</c>) is a reference to its
/// schema beside "nullable", which OpenAPI 3.0 allows only with a type, so the request's example (<c>"employmentType": "Pns"</c>)
/// would not validate. In a request, optional means "may be left out": the member is documented as the plain reference, not
/// required, and a generated client keeps its type. (Responses keep "nullable": a client must expect the null there.)
/// </summary>
internal sealed class OptionalRequestReferenceSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties }
            || context.Type.Namespace?.StartsWith("MeritApi.Api.Endpoints", StringComparison.Ordinal) != true)
            return;
        foreach (var property in properties.Values.OfType<OpenApiSchema>())
        {
            if (property is { AllOf.Count: > 0, Type: JsonSchemaType.Null })
                property.Type = null;
        }
    }
}
