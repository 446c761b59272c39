using System.Text.RegularExpressions;
using MeritApi.Domain.Common;
using MeritApi.Domain.MeritOnly;

namespace MeritApi.Domain.Competencies;

/// <summary>
/// A competency (kompetensi) of the dictionary that position standards and assessments refer to by code. The dictionary
/// is a scoring input, so its code, name and description may not use non-merit vocabulary, unless an administrator
/// registered the competency with a written justification (<see cref="VocabularyExemption"/>).
/// </summary>
public sealed partial class Competency
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;

    private Competency() { Code = Name = string.Empty; } // EF

    public Competency(string code, string name, CompetencyCategory category, string? description = null,
        VocabularyJustification? justification = null)
    {
        if (!IsValidCode(code))
            throw new ArgumentException($"'{code}' is not a valid competency code.", nameof(code));
        Code = code;
        Name = Guard.NotBlank(name, nameof(name), NameMaxLength);
        Category = Enum.IsDefined(category) ? category : throw new ArgumentOutOfRangeException(nameof(category));
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();

        var (field, terms) = NonMeritTermsOf(Code, Name, Description);
        if (terms.Count > 0)
            VocabularyExemption = justification is null
                ? throw new NonMeritVocabularyException(field, terms)
                : new VocabularyExemption(terms, justification);
        else if (justification is not null)
            throw new InvalidFieldException("justification", Rules.JustificationNotNeeded,
                "This competency uses no non-merit term, so it needs no justification; leave it out.");
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public CompetencyCategory Category { get; private set; }
    public string? Description { get; private set; }

    /// <summary>The administrator's approved exception, when the competency uses non-merit vocabulary; null otherwise.</summary>
    public VocabularyExemption? VocabularyExemption { get; private set; }

    /// <summary>Upper-case letters, digits and dashes, starting with a letter: stable across systems and URLs.</summary>
    public static bool IsValidCode(string? code) =>
        code is { Length: > 0 and <= CodeMaxLength } && CodePattern().IsMatch(code);

    /// <summary>Every non-merit term of the three texts, and the first field that uses one.</summary>
    private static (string Field, IReadOnlyList<string> Terms) NonMeritTermsOf(string code, string name, string? description)
    {
        string? field = null;
        var terms = new List<string>();
        foreach (var (text, label) in new[] { (code, "code"), (name, "name"), (description, "description") })
        {
            var found = NonMeritVocabulary.FindIn(text);
            if (found.Count == 0)
                continue;
            field ??= label;
            terms.AddRange(found.Where(t => !terms.Contains(t)));
        }
        return (field ?? string.Empty, terms);
    }

    [GeneratedRegex("^[A-Z][A-Z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}

/// <summary>An administrator's written reason for registering a competency that uses non-merit vocabulary.</summary>
public sealed record VocabularyJustification(string Text, string ApprovedBy, DateTimeOffset ApprovedAt)
{
    public const int MinimumLength = 20;
    public const int MaxLength = 2000;
}

/// <summary>
/// The approved exception of a competency that uses non-merit vocabulary: which terms, why it is a skill and not a
/// non-merit ground, who approved it and when. Listed for auditors.
/// </summary>
public sealed class VocabularyExemption
{
    private VocabularyExemption() { Terms = []; Justification = ApprovedBy = string.Empty; } // EF

    internal VocabularyExemption(IReadOnlyList<string> terms, VocabularyJustification justification)
    {
        var text = justification.Text?.Trim() ?? string.Empty;
        if (text.Length < VocabularyJustification.MinimumLength)
            throw new InvalidFieldException("justification", Rules.JustificationRequired,
                $"A justification of at least {VocabularyJustification.MinimumLength} characters must say why the term(s) " +
                $"{string.Join(", ", terms.Select(t => $"'{t}'"))} name a skill and not a non-merit ground.");
        Terms = [.. terms];
        Justification = Guard.NotBlank(text, nameof(justification), VocabularyJustification.MaxLength);
        ApprovedBy = justification.ApprovedBy;
        ApprovedAt = justification.ApprovedAt;
    }

    public IReadOnlyList<string> Terms { get; private set; }
    public string Justification { get; private set; }
    public string ApprovedBy { get; private set; }
    public DateTimeOffset ApprovedAt { get; private set; }
}
