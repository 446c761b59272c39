using Mediator;
using MeritApi.Application.Selections.Queries.GetShortlist;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;

namespace MeritApi.Application.Selections.Queries.ExportShortlist;

/// <summary>
/// The whole shortlist of one scoring run (the latest unless <see cref="RunId"/> is given) for a document a committee
/// prints or files: every line the filter selects, never a page of it, read as a stream so that a national run's 100,000
/// lines are not held in memory. <see cref="Top"/> and <see cref="IncludeIneligible"/> select as on the shortlist.
/// </summary>
public sealed record ExportShortlistQuery(Guid SelectionId, Guid? RunId, int? Top, bool IncludeIneligible = false)
    : IQuery<ShortlistExport>;

/// <summary>What a printed shortlist states above its table: which selection, position, policy and run it lists.</summary>
public sealed record ShortlistHeading(
    Guid SelectionId,
    string? Reference,
    SelectionKind Kind,
    int Places,
    string PositionCode,
    string PositionTitle,
    int PolicyVersion,
    decimal CompetenceWeight,
    decimal PerformanceWeight,
    Guid ScoringRunId,
    int RunSequence,
    DateTimeOffset ScoredAt,
    int CandidateCount,
    int EligibleCount,
    string ResultsDigest,
    decimal NearTieThreshold,
    WeightSensitivity? WeightSensitivity,
    int? Top,
    bool IdentitiesRevealed);

/// <summary>The heading and the lines; the lines are read from the database as they are enumerated, once.</summary>
public sealed record ShortlistExport(ShortlistHeading Heading, IAsyncEnumerable<ShortlistEntryDto> Lines);
