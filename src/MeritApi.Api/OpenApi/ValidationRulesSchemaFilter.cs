using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MeritApi.Api.OpenApi;

/// <summary>
/// Carries a request record's FluentValidation rules into its schema, so that a generated client knows what the server
/// will refuse: not null / not empty → required (and not nullable), lengths → minLength/maxLength, ranges and comparisons
/// with constants → minimum/maximum, regular expressions → pattern. Conditional rules (When/Unless) are left out: they
/// do not always apply.
/// </summary>
internal sealed class ValidationRulesSchemaFilter(IServiceScopeFactory scopes) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || target.Properties is not { Count: > 0 } properties)
            return;
        using var scope = scopes.CreateScope();
        if (scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(context.Type)) is not IValidator validator)
            return;
        // A rule on the whole record (RuleFor(r => r)) has no member name: nothing to carry.
        foreach (var member in validator.CreateDescriptor().GetMembersWithValidators().Where(m => !string.IsNullOrEmpty(m.Key)))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(member.Key);
            if (!properties.TryGetValue(name, out var found))
                continue;
            var property = found as OpenApiSchema;
            foreach (var (rule, options) in member)
            {
                if (options.HasCondition || options.HasAsyncCondition)
                    continue;
                Apply(target, name, property, rule);
            }
        }
    }

    private static void Apply(OpenApiSchema owner, string name, OpenApiSchema? property, IPropertyValidator rule)
    {
        switch (rule)
        {
            case INotNullValidator or INotEmptyValidator:
                owner.Required ??= new HashSet<string>();
                owner.Required.Add(name);
                if (property?.Type is { } type)
                    property.Type = type & ~JsonSchemaType.Null;
                if (rule is INotEmptyValidator && property is not null)
                {
                    if (property.Type == JsonSchemaType.String)
                        property.MinLength = Math.Max(property.MinLength ?? 0, 1);
                    else if (property.Type == JsonSchemaType.Array)
                        property.MinItems = Math.Max(property.MinItems ?? 0, 1);
                }
                break;
            case ILengthValidator length when property is not null:
                if (property.Type?.HasFlag(JsonSchemaType.Array) == true)
                {
                    if (length.Min > 0)
                        property.MinItems = length.Min;
                    if (length.Max > 0)
                        property.MaxItems = length.Max;
                }
                else
                {
                    if (length.Min > 0)
                        property.MinLength = length.Min;
                    if (length.Max > 0)
                        property.MaxLength = length.Max;
                }
                break;
            case IBetweenValidator between when property is not null:
                var exclusive = rule.Name.Contains("Exclusive", StringComparison.Ordinal);
                if (Number(between.From) is { } from)
                {
                    if (exclusive)
                        property.ExclusiveMinimum = from;
                    else
                        property.Minimum = from;
                }
                if (Number(between.To) is { } to)
                {
                    if (exclusive)
                        property.ExclusiveMaximum = to;
                    else
                        property.Maximum = to;
                }
                break;
            case IComparisonValidator comparison when property is not null && Number(comparison.ValueToCompare) is { } bound:
                switch (comparison.Comparison)
                {
                    case Comparison.GreaterThanOrEqual:
                        property.Minimum = bound;
                        break;
                    case Comparison.GreaterThan:
                        property.ExclusiveMinimum = bound;
                        break;
                    case Comparison.LessThanOrEqual:
                        property.Maximum = bound;
                        break;
                    case Comparison.LessThan:
                        property.ExclusiveMaximum = bound;
                        break;
                }
                break;
            case IRegularExpressionValidator pattern when property is not null:
                property.Pattern = pattern.Expression;
                break;
        }
    }

    private static string? Number(object? value) => value switch
    {
        int or long or short or byte or decimal or double or float => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => null,
    };
}
