using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MeritApi.Api.OpenApi;

/// <summary>
/// The XML comments' <c>&lt;see cref&gt;</c> reach the document as full .NET names (MeritApi.Domain.Scoring.WeightCrossing.Exact),
/// which mean nothing to a client. Each becomes what the client sees: a property its JSON member name, a constant its
/// value, a type its short name.
/// </summary>
internal sealed partial class PlainDescriptionsDocumentFilter : IDocumentFilter
{
    private static readonly Lazy<Type[]> Types = new(() => [.. AppDomain.CurrentDomain.GetAssemblies()
        .Where(a => a.GetName().Name?.StartsWith("MeritApi.", StringComparison.Ordinal) == true).SelectMany(a => a.GetTypes())]);

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            operation.Summary = Plain(operation.Summary);
            operation.Description = Plain(operation.Description);
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
                parameter.Description = Plain(parameter.Description);
            if (operation.RequestBody is OpenApiRequestBody body)
            {
                body.Description = Plain(body.Description);
                foreach (var media in body.Content?.Values.AsEnumerable() ?? [])
                    if (media.Schema is not null)
                        Clean(media.Schema, depth: 0);
            }
        }
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
            Clean(schema, depth: 0);
    }

    private static void Clean(IOpenApiSchema schema, int depth)
    {
        if (schema is not OpenApiSchema s || depth > 8)
            return;
        s.Description = Plain(s.Description);
        foreach (var property in s.Properties?.Values ?? [])
            Clean(property, depth + 1);
        foreach (var part in (s.AllOf ?? []).Concat(s.OneOf ?? []).Concat(s.AnyOf ?? []))
            Clean(part, depth + 1);
        if (s.Items is not null)
            Clean(s.Items, depth + 1);
    }

    public static string? Plain(string? text) => text is null ? null : DotNetName().Replace(text, m => Readable(m.Value));

    private static string Readable(string fullName)
    {
        var name = fullName.TrimEnd('.');
        if (Types.Value.FirstOrDefault(t => t.FullName?.Replace('+', '.') == name) is { } type)
            return type.Name;
        var cut = name.LastIndexOf('.');
        var owner = Types.Value.FirstOrDefault(t => t.FullName?.Replace('+', '.') == name[..cut]);
        var member = name[(cut + 1)..];
        if (owner?.GetField(member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static) is { IsLiteral: true } constant)
            return Convert.ToString(constant.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture) ?? member;
        if (owner?.GetProperty(member) is not null)
            return $"'{JsonNamingPolicy.CamelCase.ConvertName(member)}'";
        return member;
    }

    [GeneratedRegex(@"(?:[TMPFE]:)?MeritApi(?:\.[A-Za-z_][A-Za-z0-9_]*)+")]
    private static partial Regex DotNetName();
}
