using System.Text.Json;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// Attributes the law forbids merit decisions to use (UU ASN, PP 11/2017, plus the spoils-system factor).
/// Matched case-insensitively and ignoring '_', '-' and spaces, so "date_of_birth" is caught like "dateOfBirth".
/// </summary>
public static class NonMeritAttributes
{
    public static readonly IReadOnlyList<string> Names =
    [
        "politicalAffiliation", "politicalBackground", "race", "ethnicity", "suku", "skinColour", "skinColor",
        "religion", "placeOfOrigin", "origin", "gender", "sex", "maritalStatus", "age", "dateOfBirth", "birthDate",
        "disability", "specialNeeds", "family", "relationship", "kinship",
    ];

    private static readonly HashSet<string> Normalised = Names.Select(Normalise).ToHashSet(StringComparer.Ordinal);

    public static bool IsNonMerit(string propertyName) => Normalised.Contains(Normalise(propertyName));

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
                    if (IsNonMerit(property.Name))
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

    private static string Normalise(string name) =>
        string.Concat(name.Where(c => c is not ('_' or '-' or ' '))).ToLowerInvariant();
}
