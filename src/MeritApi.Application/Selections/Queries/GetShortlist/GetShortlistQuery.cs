using Mediator;
using MeritApi.Application.Common.Models;
using MeritApi.Domain.Scoring;

namespace MeritApi.Application.Selections.Queries.GetShortlist;

/// <summary>
/// The ranked shortlist of a selection from one scoring run (the latest unless <see cref="RunId"/> is given).
/// <see cref="Top"/> keeps candidates ranked N or better, so a tie at the boundary keeps everyone who shares
/// it. Ineligible candidates are listed after the ranked ones only when asked for.
/// </summary>
public sealed record GetShortlistQuery(
    Guid SelectionId,
    Guid? RunId,
    int? Top,
    bool IncludeIneligible = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<ShortlistDto>, IPagedQuery;

/// <summary>
/// A shortlist line. Blind until the committee revealed identities: the candidate code is the only identifier, and no
/// digit of the NIP is shown (its digits encode date of birth, appointment month and sex). After the reveal, the full NIP
/// and the name.
/// </summary>
public sealed record ShortlistEntryDto(
    int? Rank,
    Guid CandidateId,
    string CandidateCode,
    string? Nip,
    string? Name,
    decimal Jpm,
    JpmBand JpmBand,
    decimal PerformanceScore,
    decimal MeritScore,
    int TalentBox,
    bool InTalentPool,
    bool Eligible,
    IReadOnlyList<IneligibilityReason> IneligibilityReasons,
    decimal? GapToNextRank,
    bool NearTie);

public sealed record ShortlistDto(
    Guid SelectionId,
    Guid ScoringRunId,
    int RunSequence,
    DateTimeOffset ScoredAt,
    int PolicyVersion,
    int Places,
    int? Top,
    bool IdentitiesRevealed,
    PagedList<ShortlistEntryDto> Candidates);
