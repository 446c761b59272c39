using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Development;

/// <summary>Why a competency is in the inventory.</summary>
public enum NeedKind
{
    /// <summary>A valid assessment below the required level: a gap to close by development.</summary>
    BelowStandard = 1,

    /// <summary>No valid assessment (never assessed, expired, or by an unaccredited body): assess before planning.</summary>
    NeedsAssessment = 2,
}

/// <summary>One competency of a standard with the employee's assessments of it, newest first (by date, then recording).</summary>
public sealed record StandardLineEvidence(string CompetencyCode, int RequiredLevel, IReadOnlyList<AssessmentEvidence> AssessmentsNewestFirst);

/// <summary>
/// One line of the development-needs inventory (AKPK): a competency of the standard the employee does not meet, with the
/// valid assessment that shows it (if any), the gap (assessed − required, a missing assessment counting 0) and why.
/// </summary>
public sealed record DevelopmentNeed(string CompetencyCode, int RequiredLevel, int? AssessedLevel, DateOnly? AssessedOn, int Gap, NeedKind Kind,
    string Reason);

/// <summary>
/// The development-needs inventory of PP 11/2017 Art. 205–206, per employee against a standard (the position held, or one to
/// be held): from valid assessments only, as the assessment validity rule judges them on a day. A competency whose valid
/// assessment reaches the required level is no need; one below it is a gap; one without a valid assessment needs assessment.
/// </summary>
public static class NeedsInventory
{
    public static IReadOnlyList<DevelopmentNeed> Of(IReadOnlyList<StandardLineEvidence> standard, AssessmentScreen screen)
    {
        List<DevelopmentNeed>? needs = null;
        foreach (var line in standard)
        {
            var (counted, passed) = screen.LatestValid(line.AssessmentsNewestFirst);
            if (counted is { } valid)
            {
                if (valid.Level < line.RequiredLevel)
                    (needs ??= []).Add(new DevelopmentNeed(line.CompetencyCode, line.RequiredLevel, valid.Level, valid.AssessedOn,
                        valid.Level - line.RequiredLevel, NeedKind.BelowStandard,
                        $"assessed {valid.Level} on {valid.AssessedOn:yyyy-MM-dd}, {line.RequiredLevel - valid.Level} below the required {line.RequiredLevel}"));
                continue;
            }
            var reason = passed.Count == 0 ? "never assessed" : $"needs reassessment: its latest assessment {passed[0].Verdict.Reason}";
            (needs ??= []).Add(new DevelopmentNeed(line.CompetencyCode, line.RequiredLevel, null, null, -line.RequiredLevel, NeedKind.NeedsAssessment, reason));
        }
        return needs ?? (IReadOnlyList<DevelopmentNeed>)[];
    }

    /// <summary>The JP suggested per level to close (20 JP, a year's minimum for a PNS, PP 11/2017 Art. 203(4)).</summary>
    public const int SuggestedJpPerLevel = 20;

    /// <summary>
    /// MeritApi's suggested form of a plan row (Art. 207), a starting point for the agency's own choice: one level to close is
    /// coached in the workplace; two or more call for training. A competency that needs assessment is assessed first (no form).
    /// </summary>
    public static (DevelopmentForm? Form, int Jp) Suggestion(DevelopmentNeed need) => need.Kind == NeedKind.NeedsAssessment
        ? (null, 0)
        : (need.Gap == -1 ? DevelopmentForm.Coaching : DevelopmentForm.Training, -need.Gap * SuggestedJpPerLevel);
}
