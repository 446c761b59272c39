using MeritApi.Domain.Common;

namespace MeritApi.Domain.Scoring;

/// <summary>An assessing body on the administrator's list, accredited from a date (and until one, when it lapses).</summary>
public sealed record AccreditedBody(string Name, DateOnly AccreditedFrom, DateOnly? AccreditedUntil)
{
    /// <summary>Accredited on that day: both ends of the accreditation count.</summary>
    public bool IsAccreditedOn(DateOnly day) => day >= AccreditedFrom && (AccreditedUntil is not { } until || day <= until);

    /// <summary>The same body: names compared as people write them (case and surrounding spaces aside).</summary>
    public bool Names(string assessor) => string.Equals(Name.Trim(), assessor.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>Why an assessment does not count.</summary>
public enum AssessmentRefusal
{
    /// <summary>Older than the policy's validity on the selection's reference date.</summary>
    Expired = 1,

    /// <summary>Its assessing body was not accredited on the day it assessed (the policy asks for accredited bodies).</summary>
    AssessorNotAccredited = 2,
}

/// <summary>What the rule says of one assessment: whether it counts, until when it is valid and, if not, why.</summary>
public sealed record AssessmentVerdict(bool Counts, DateOnly ValidThrough, AssessmentRefusal? Refusal, string? Reason);

/// <summary>One assessment as the rule reads it.</summary>
public readonly record struct AssessmentEvidence(int Level, DateOnly AssessedOn, string Assessor);

/// <summary>
/// The validity of competency assessments (Peraturan BKN 26/2019 Art. 29(4)): an assessment counts for
/// <see cref="ValidityYears"/> years from its date to the selection's reference date (its opening date), and, when the
/// policy says so, only if its assessing body was accredited on the day it assessed. The period is inclusive: an
/// assessment of 2023-06-01 is valid through 2026-06-01, the day it is exactly three years old, and expired from
/// 2026-06-02. "Valid for three years" is read as "no more than three years old"; the other reading would drop an
/// assessment on its anniversary, a day before a reader of the rule would. An assessment of 29 February is three years
/// old on 28 February (the year has no 29th).
/// </summary>
public sealed record AssessmentValidityRule
{
    public const int DefaultValidityYears = 3;
    public const int MaxValidityYears = 10;

    public AssessmentValidityRule(int validityYears, bool accreditedBodiesOnly)
    {
        ValidityYears = Guard.InRange(validityYears, 1, MaxValidityYears, nameof(validityYears));
        AccreditedBodiesOnly = accreditedBodiesOnly;
    }

    public int ValidityYears { get; }
    public bool AccreditedBodiesOnly { get; }

    public DateOnly ValidThrough(DateOnly assessedOn) => assessedOn.AddYears(ValidityYears);

    public AssessmentVerdict Judge(AssessmentEvidence assessment, DateOnly referenceDate, IReadOnlyCollection<AccreditedBody> accredited) =>
        RefusalOf(assessment, referenceDate, accredited) is { } why
            ? new AssessmentVerdict(false, ValidThrough(assessment.AssessedOn), why, Explain(why, assessment.AssessedOn, assessment.Assessor))
            : new AssessmentVerdict(true, ValidThrough(assessment.AssessedOn), null, null);

    /// <summary>Why the assessment does not count (expiry judged first), or null when it counts; allocates nothing, as a
    /// national run asks it of a million assessments.</summary>
    public AssessmentRefusal? RefusalOf(AssessmentEvidence assessment, DateOnly referenceDate, IReadOnlyCollection<AccreditedBody> accredited)
    {
        if (referenceDate > ValidThrough(assessment.AssessedOn))
            return AssessmentRefusal.Expired;
        if (!AccreditedBodiesOnly)
            return null;
        foreach (var body in accredited)
        {
            if (body.Names(assessment.Assessor) && body.IsAccreditedOn(assessment.AssessedOn))
                return null;
        }
        return AssessmentRefusal.AssessorNotAccredited;
    }

    /// <summary>Why an assessment was passed over, in the words of the rationale: derived from the assessment and this rule
    /// alone, so anyone holding the published rationale words it the same way.</summary>
    public string Explain(AssessmentRefusal refusal, DateOnly assessedOn, string assessor) => refusal switch
    {
        AssessmentRefusal.Expired =>
            $"expired on {ValidThrough(assessedOn).AddDays(1):yyyy-MM-dd} (assessed {assessedOn:yyyy-MM-dd}, valid {ValidityYears} years)",
        AssessmentRefusal.AssessorNotAccredited => $"assessor '{assessor}' not accredited on {assessedOn:yyyy-MM-dd}",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
    };

    /// <summary>
    /// The assessment of one competency that counts, from its assessments newest first (the order "latest" means
    /// everywhere else): the first valid one, with every newer one passed over and why; none when no assessment is valid,
    /// and the competency then counts as missing.
    /// </summary>
    public (AssessmentEvidence? Counted, IReadOnlyList<(AssessmentEvidence Assessment, AssessmentVerdict Verdict)> Passed)
        LatestValid(IEnumerable<AssessmentEvidence> newestFirst, DateOnly referenceDate, IReadOnlyCollection<AccreditedBody> accredited)
    {
        var passed = new List<(AssessmentEvidence, AssessmentVerdict)>();
        foreach (var assessment in newestFirst)
        {
            var verdict = Judge(assessment, referenceDate, accredited);
            if (verdict.Counts)
                return (assessment, passed);
            passed.Add((assessment, verdict));
        }
        return (null, passed);
    }
}

/// <summary>An assessment newer than the one that counts, passed over by the validity rule, as a run stores it.</summary>
public sealed record PassedOverAssessment(int Level, DateOnly AssessedOn, string Assessor, AssessmentRefusal Refusal);

/// <summary>
/// The validity rule as one scoring run applies it: the policy's rule, the selection's reference date (its opening date) and
/// the accredited bodies as the administrator's list stood when the run read it.
/// </summary>
public sealed record AssessmentScreen(AssessmentValidityRule Rule, DateOnly ReferenceDate, IReadOnlyCollection<AccreditedBody> Accredited)
{
    public AssessmentRefusal? RefusalOf(AssessmentEvidence assessment) => Rule.RefusalOf(assessment, ReferenceDate, Accredited);

    /// <summary><see cref="AssessmentValidityRule.LatestValid"/> on this screen's day and list.</summary>
    public (AssessmentEvidence? Counted, IReadOnlyList<(AssessmentEvidence Assessment, AssessmentVerdict Verdict)> Passed)
        LatestValid(IEnumerable<AssessmentEvidence> newestFirst) => Rule.LatestValid(newestFirst, ReferenceDate, Accredited);
}
