namespace MeritApi.Domain.MeritOnly;

/// <summary>
/// Attributes the law forbids merit decisions to use (UU ASN, PP 11/2017, plus the spoils-system factor): no model of
/// MeritApi has a field for them, and a request naming one is refused. Matched case-insensitively and ignoring '_', '-'
/// and spaces, so "date_of_birth" is caught like "dateOfBirth".
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

    private static string Normalise(string name) =>
        string.Concat(name.Where(c => c is not ('_' or '-' or ' '))).ToLowerInvariant();
}
