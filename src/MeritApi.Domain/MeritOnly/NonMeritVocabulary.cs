using System.Text.RegularExpressions;

namespace MeritApi.Domain.MeritOnly;

/// <summary>
/// Words of non-merit grounds (UU ASN, PP 11/2017 and the spoils-system factor), in English and Indonesian, that a scoring
/// input such as a competency of the dictionary must not use: a competency "Agama" required by a standard would rank
/// people by religion as surely as a "religion" field would. Whole words, case-insensitively, so "manage" is not "age";
/// the words of a phrase may be separated by spaces, '-' or '_' ("tanggal_lahir").
/// </summary>
public static partial class NonMeritVocabulary
{
    public static readonly IReadOnlyList<string> Terms =
    [
        "religion", "religious", "agama",
        "ethnicity", "ethnic", "suku",
        "race", "ras",
        "gender", "sex", "jenis kelamin",
        "age", "umur", "usia",
        "date of birth", "place of birth", "birth date", "birthplace", "tanggal lahir", "tempat lahir",
        "origin", "asal daerah", "asal usul",
        "marital status", "status perkawinan", "status pernikahan",
        "disability", "disabilitas", "difabel",
        "political", "politics", "partai", "politik",
        "family", "keluarga", "kerabat", "kinship",
    ];

    /// <summary>The non-merit terms <paramref name="text"/> uses, lower-case and each once, in order of appearance.</summary>
    public static IReadOnlyList<string> FindIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        var found = new List<string>();
        foreach (Match match in Words.Matches(text))
        {
            var term = Separator().Replace(match.Value.ToLowerInvariant(), " ");
            if (!found.Contains(term))
                found.Add(term);
        }
        return found;
    }

    // Longer phrases first, so "date of birth" wins over a shorter overlapping term. Whole words: no letter or digit on
    // either side, so "manage" or "AGAMA2" do not match while "AGAMA-01" and "religion_score" do ('_' separates here).
    private static readonly Regex Words = new(
        @"(?<![\p{L}\p{N}])(?:" + string.Join('|', Terms.OrderByDescending(t => t.Length).Select(AsPattern)) + @")(?![\p{L}\p{N}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static string AsPattern(string term) => Regex.Escape(term).Replace("\\ ", @"[\s_-]+", StringComparison.Ordinal);

    [GeneratedRegex(@"[\s_-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
