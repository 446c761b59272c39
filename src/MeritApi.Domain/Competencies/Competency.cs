using System.Text.RegularExpressions;
using MeritApi.Domain.Common;

namespace MeritApi.Domain.Competencies;

/// <summary>A competency (kompetensi) of the dictionary that position standards and assessments refer to by code.</summary>
public sealed partial class Competency
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 200;

    private Competency() { Code = Name = string.Empty; } // EF

    public Competency(string code, string name, CompetencyCategory category, string? description = null)
    {
        if (!IsValidCode(code))
            throw new ArgumentException($"'{code}' is not a valid competency code.", nameof(code));
        Code = code;
        Name = Guard.NotBlank(name, nameof(name), NameMaxLength);
        Category = Enum.IsDefined(category) ? category : throw new ArgumentOutOfRangeException(nameof(category));
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public CompetencyCategory Category { get; private set; }
    public string? Description { get; private set; }

    /// <summary>Upper-case letters, digits and dashes, starting with a letter: stable across systems and URLs.</summary>
    public static bool IsValidCode(string? code) =>
        code is { Length: > 0 and <= CodeMaxLength } && CodePattern().IsMatch(code);

    [GeneratedRegex("^[A-Z][A-Z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
