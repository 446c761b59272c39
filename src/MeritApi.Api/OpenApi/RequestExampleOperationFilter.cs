using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MeritApi.Api.OpenApi;

/// <summary>
/// The example of a command body: the request record's own static <c>Example</c> (a typed instance, so it cannot drift
/// from the record), serialized as the API reads JSON.
/// </summary>
internal sealed class RequestExampleOperationFilter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var body = context.ApiDescription.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
        if (body?.GetProperty("Example", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is not { } example ||
            operation.RequestBody?.Content is not { } content)
            return;
        foreach (var media in content.Values)
            media.Example = JsonSerializer.SerializeToNode(example, body, json.Value.SerializerOptions);
    }
}
