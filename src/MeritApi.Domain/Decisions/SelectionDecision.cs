using MeritApi.Domain.Common;
using MeritApi.Domain.Selections;

namespace MeritApi.Domain.Decisions;

/// <summary>How far a chosen candidate stands from the top of the ranking.</summary>
public enum ChoiceStanding
{
    /// <summary>Within the top n for n places: the merit choice, no reason needed.</summary>
    TopRanked = 1,

    /// <summary>Outside the top n but within the best 3n: lawful, with a written reason (recorded as a deviation).</summary>
    WithinBestThree = 2,

    /// <summary>Outside the best 3n: a merit deviation that auditors must look at.</summary>
    OutsideBestThree = 3,
}

/// <summary>One chosen candidate as the ranking stood when the committee decided.</summary>
public sealed class DecisionChoice
{
    private DecisionChoice() { CandidateCode = string.Empty; } // EF

    internal DecisionChoice(CandidateResult result, ChoiceStanding standing)
    {
        CandidateId = result.CandidateId;
        CandidateCode = result.CandidateCode;
        Rank = result.Rank!.Value;
        MeritScore = result.MeritScore;
        Standing = standing;
    }

    public Guid CandidateId { get; private set; }
    public string CandidateCode { get; private set; }
    public int Rank { get; private set; }
    public decimal MeritScore { get; private set; }
    public ChoiceStanding Standing { get; private set; }
}

/// <summary>
/// The selection committee's choice (keputusan panitia seleksi) from the latest scoring run, with its justification.
/// As in open selection, the lawful choice for n places is among the best 3n eligible candidates; anyone chosen
/// outside the top n needs a written justification and is recorded as a merit deviation for auditors.
/// </summary>
public sealed class SelectionDecision
{
    public const int MinimumJustificationLength = 100;
    public const int JustificationMaxLength = 4000;

    private readonly List<DecisionChoice> _choices = [];

    private SelectionDecision() { DecidedBy = string.Empty; } // EF

    internal SelectionDecision(Guid id, Selection selection, ScoringRun run, IReadOnlyList<CandidateResult> chosen,
        string? justification, string decidedBy, DateTimeOffset decidedAt)
    {
        Id = id;
        SelectionId = selection.Id;
        ScoringRunId = run.Id;
        Places = selection.Places;
        Justification = string.IsNullOrWhiteSpace(justification) ? null : justification.Trim();
        DecidedBy = decidedBy;
        DecidedAt = decidedAt;

        foreach (var result in chosen)
        {
            if (!result.Eligible || result.Rank is not { } rank)
                throw new DomainException("ineligible-choice",
                    $"Candidate {result.CandidateCode} is not eligible and cannot be chosen: {string.Join(" ", result.IneligibilityReasons.Select(r => r.Detail))}");
            var standing = rank <= Places ? ChoiceStanding.TopRanked
                : rank <= 3 * Places ? ChoiceStanding.WithinBestThree
                : ChoiceStanding.OutsideBestThree;
            if (standing != ChoiceStanding.TopRanked && (Justification?.Length ?? 0) < MinimumJustificationLength)
                throw new ArgumentException(
                    $"Candidate {result.CandidateCode} is ranked {rank}, outside the top {Places}: choosing them needs a written justification " +
                    $"of at least {MinimumJustificationLength} characters, and is recorded as a merit deviation.", nameof(justification));
            _choices.Add(new DecisionChoice(result, standing));
        }
    }

    public Guid Id { get; private set; }
    public Guid SelectionId { get; private set; }
    public Guid ScoringRunId { get; private set; }
    public int Places { get; private set; }
    public string? Justification { get; private set; }
    public string DecidedBy { get; private set; }
    public DateTimeOffset DecidedAt { get; private set; }
    public IReadOnlyList<DecisionChoice> Choices => _choices;

    public IEnumerable<DecisionChoice> Deviations => _choices.Where(c => c.Standing != ChoiceStanding.TopRanked);
}
