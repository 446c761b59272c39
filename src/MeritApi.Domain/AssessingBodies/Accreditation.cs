using MeritApi.Domain.Common;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.AssessingBodies;

/// <summary>
/// One period in which an assessing body (lembaga penilai kompetensi) is accredited, on the administrator's list that a policy
/// with "accredited bodies only" judges assessments against. A renewal is a new period: the list only grows, so the verdicts
/// of past runs can be retraced against it.
/// </summary>
public sealed class Accreditation
{
    /// <summary>The body's name is compared with an assessment's assessing body, so it is no longer than that.</summary>
    public const int NameMaxLength = CompetencyAssessment.AssessorMaxLength;

    private Accreditation() { Name = string.Empty; } // EF

    public Accreditation(Guid id, string name, DateOnly accreditedFrom, DateOnly? accreditedUntil, DateTimeOffset recordedAt)
    {
        if (accreditedUntil is { } until && until < accreditedFrom)
            throw new InvalidFieldException("accreditedUntil", Rules.AccreditationPeriod,
                $"An accreditation cannot end ({until:yyyy-MM-dd}) before it starts ({accreditedFrom:yyyy-MM-dd}).");
        Id = id;
        Name = Guard.NotBlank(name, nameof(name), NameMaxLength);
        AccreditedFrom = accreditedFrom;
        AccreditedUntil = accreditedUntil;
        RecordedAt = recordedAt;
    }

    /// <summary>
    /// How a body's name is written: letters (any script), digits, spaces and <c>. , ( ) &amp; / ' -</c>, beginning with a letter
    /// or a digit. The name is matched against what assessments name as their body, so it is kept to what names are made of.
    /// </summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 } && name.Length <= NameMaxLength && char.IsLetterOrDigit(name[0])
        && name.All(c => char.IsLetterOrDigit(c) || c is ' ' or '.' or ',' or '(' or ')' or '&' or '/' or '\'' or '-'
                         || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                             or System.Globalization.UnicodeCategory.SpacingCombiningMark);

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public DateOnly AccreditedFrom { get; private set; }

    /// <summary>The last day of the accreditation; null while it has no end date.</summary>
    public DateOnly? AccreditedUntil { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public AccreditedBody ToAccreditedBody() => new(Name, AccreditedFrom, AccreditedUntil);

    /// <summary>Two periods of the same body may not overlap: which one accredited an assessment must never be in doubt.</summary>
    public void EnsureNoOverlapWith(IEnumerable<Accreditation> sameBody)
    {
        foreach (var other in sameBody)
        {
            if (!ToAccreditedBody().Names(other.Name))
                continue;
            var overlaps = AccreditedFrom <= (other.AccreditedUntil ?? DateOnly.MaxValue)
                           && other.AccreditedFrom <= (AccreditedUntil ?? DateOnly.MaxValue);
            if (overlaps)
                throw new DomainException(Rules.AccreditationOverlap,
                    $"'{other.Name}' is already accredited from {other.AccreditedFrom:yyyy-MM-dd}" +
                    (other.AccreditedUntil is { } until ? $" until {until:yyyy-MM-dd}" : " without an end date") +
                    "; a renewal starts after the period it follows.");
        }
    }
}
