namespace MeritApi.Api.Tests;

/// <summary>The API's endpoints as the running host routes them: the one list the tests derive theirs from.</summary>
internal static class EndpointListing
{
    /// <summary>Every routed endpoint as (HTTP method, route template with OpenAPI-style parameters).</summary>
    public static IEnumerable<(string Method, string Route)> GetEndpoints(this IServiceProvider services)
    {
        var sources = (IEnumerable<Microsoft.AspNetCore.Routing.EndpointDataSource>)services.GetService(
            typeof(IEnumerable<Microsoft.AspNetCore.Routing.EndpointDataSource>))!;
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [];
            var route = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
                _ => string.Empty,
            }))));
            foreach (var method in methods)
                yield return (method, route.TrimEnd('/') is "" ? "/" : route.TrimEnd('/'));
        }
    }
}
