using MeritApi.Domain.Common;
using MeritApi.Domain.Employees;

namespace MeritApi.Domain.Scoring;

/// <summary>
/// A versioned, explicit scoring policy. Versions are never edited: a change is a new version, so every
/// stored result can be recomputed under exactly the rules it was scored with.
/// </summary>
public sealed class ScoringPolicy
{
    public const int DefaultVersion = 1;
    public const int MaxCountedYears = 5;
    public const int DescriptionMaxLength = 500;
    public const decimal MaxNearTieThreshold = 10m;

    private List<decimal> _performanceYearWeights = [];

    private ScoringPolicy() { } // EF

    public ScoringPolicy(int version, decimal competenceWeight, decimal performanceWeight,
        IReadOnlyList<decimal> performanceYearWeights, JpmBandSet bandSet, PerformanceRating minimumRating,
        string? description, DateTimeOffset createdAt, decimal nearTieThreshold = RankRobustness.DefaultNearTieThreshold,
        AssessmentValidityRule? assessmentValidity = null)
    {
        if (version < 1)
            throw new ArgumentOutOfRangeException(nameof(version), "Policy versions start at 1.");
        if (competenceWeight < 0 || performanceWeight < 0 || competenceWeight + performanceWeight != 1m)
            throw new DomainException(Rules.PolicyWeights, "Competence and performance weights must be non-negative and add up to 1.");
        if (performanceYearWeights.Count is < 1 or > MaxCountedYears)
            throw new DomainException(Rules.PolicyYears, $"A policy counts between 1 and {MaxCountedYears} performance years.");
        if (performanceYearWeights.Any(w => w <= 0) || performanceYearWeights.Sum() != 1m)
            throw new DomainException(Rules.PolicyYearWeights, "Performance year weights must be positive and add up to 1.");
        if (!Enum.IsDefined(bandSet))
            throw new ArgumentOutOfRangeException(nameof(bandSet));
        if (!Enum.IsDefined(minimumRating))
            throw new ArgumentOutOfRangeException(nameof(minimumRating));
        if (nearTieThreshold is < 0 or > MaxNearTieThreshold)
            throw new InvalidFieldException("nearTieThreshold", Rules.PolicyNearTieThreshold,
                $"A near-tie threshold is between 0 and {MaxNearTieThreshold} merit points.");

        Version = version;
        CompetenceWeight = competenceWeight;
        PerformanceWeight = performanceWeight;
        _performanceYearWeights = [.. performanceYearWeights];
        BandSet = bandSet;
        MinimumRating = minimumRating;
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        NearTieThreshold = nearTieThreshold;
        AssessmentValidityYears = assessmentValidity?.ValidityYears;
        AccreditedBodiesOnly = assessmentValidity?.AccreditedBodiesOnly ?? false;
        CreatedAt = createdAt;
    }

    public int Version { get; private set; }
    public decimal CompetenceWeight { get; private set; }
    public decimal PerformanceWeight { get; private set; }

    /// <summary>Weights of the counted performance years, latest year first.</summary>
    public IReadOnlyList<decimal> PerformanceYearWeights => _performanceYearWeights;

    public int CountedYears => PerformanceYearWeights.Count;
    public JpmBandSet BandSet { get; private set; }

    /// <summary>Eligibility: each counted year needs a rating at least this good.</summary>
    public PerformanceRating MinimumRating { get; private set; }

    public string? Description { get; private set; }

    /// <summary>Two neighbouring ranks whose merit differs by less than this are flagged as near-tied (DESIGN §4).</summary>
    public decimal NearTieThreshold { get; private set; } = RankRobustness.DefaultNearTieThreshold;
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>How long an assessment counts (null: however old, as version 1 scores).</summary>
    public int? AssessmentValidityYears { get; private set; }

    /// <summary>Only assessments by a body accredited on the day it assessed count (only with a validity period).</summary>
    public bool AccreditedBodiesOnly { get; private set; }

    /// <summary>The validity rule of assessments (DESIGN §3), or null when this version has none.</summary>
    public AssessmentValidityRule? AssessmentValidity =>
        AssessmentValidityYears is { } years ? new AssessmentValidityRule(years, AccreditedBodiesOnly) : null;

    /// <summary>Version 1 as DESIGN §3 defines it; seeded by a migration.</summary>
    public static ScoringPolicy CreateDefault(DateTimeOffset createdAt) =>
        new(DefaultVersion, 0.5m, 0.5m, [0.6m, 0.4m], JpmBandSet.Filling, PerformanceRating.Good,
            "Default policy: competence 0.5, performance 0.5; two SKP years weighted 0.6 (latest) and 0.4; Filling bands; each counted year at least Good.",
            createdAt);

    /// <summary>
    /// The lawful-evidence policy (Peraturan BKN 26/2019 Art. 29(4)): version 1's weights and gates, with assessments valid for
    /// three years; a migration adds it as the next version, which new selections then use by default.
    /// </summary>
    public static ScoringPolicy CreateLawfulEvidence(int version, DateTimeOffset createdAt) =>
        new(version, 0.5m, 0.5m, [0.6m, 0.4m], JpmBandSet.Filling, PerformanceRating.Good,
            "Version 1 with lawful evidence: a competency assessment counts for 3 years from its date to the selection's opening date (Peraturan BKN 26/2019 Art. 29(4)).",
            createdAt, assessmentValidity: new AssessmentValidityRule(AssessmentValidityRule.DefaultValidityYears, accreditedBodiesOnly: false));
}
