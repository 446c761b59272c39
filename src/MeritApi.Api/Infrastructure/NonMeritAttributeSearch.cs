using System.Text.Json;
using MeritApi.Domain.MeritOnly;

namespace MeritApi.Api.Infrastructure;

/// <summary>Finds the Domain's <see cref="NonMeritAttributes"/> among a JSON body's property names, at any depth.</summary>
public static class NonMeritAttributeSearch
{
    /// <summary>Every property anywhere in the document whose name is a non-merit attribute, with its JSON path.</summary>
    public static List<(string Name, string Path)> FindIn(JsonElement root)
    {
        var found = new List<(string, string)>();
        Walk(root, "$", found);
        return found;
    }

    private static void Walk(JsonElement element, string path, List<(string, string)> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var childPath = $"{path}.{property.Name}";
                    if (NonMeritAttributes.IsNonMerit(property.Name))
                        found.Add((property.Name, childPath));
                    Walk(property.Value, childPath, found);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    Walk(item, $"{path}[{index++}]", found);
                break;
        }
    }
}
