using Mediator;
using MeritApi.Application.Audit.Queries.ListAuditEntries;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Positions;
using MeritApi.Application.ScoringPolicies;
using MeritApi.Domain.Rationales;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Queries.GetDecisionFile;

/// <summary>
/// One selection's complete file for archiving: the position and its standard, the policy, every scoring run,
/// the rationale of every result of the latest run (each with its seal), the decision, its deviations and
/// every audit entry that touched the selection.
/// </summary>
public sealed record GetDecisionFileQuery(Guid SelectionId) : IQuery<DecisionFileDto>;

public sealed record DecisionFileDto(
    DateTimeOffset GeneratedAt,
    SelectionDto Selection,
    PositionDto Position,
    ScoringPolicyDto Policy,
    IReadOnlyList<ScoringRunDto> ScoringRuns,
    IReadOnlyList<CandidateRationale> LatestRunRationales,
    DecisionDto? Decision,
    IReadOnlyList<DecisionChoiceDto> ReasonedChoices,
    IReadOnlyList<DecisionChoiceDto> MeritDeviations,
    IReadOnlyList<AuditEntryDto> AuditEntries);

internal sealed class GetDecisionFileQueryHandler(IApplicationDbContext db, TimeProvider clock)
    : IQueryHandler<GetDecisionFileQuery, DecisionFileDto>
{
    public async ValueTask<DecisionFileDto> Handle(GetDecisionFileQuery query, CancellationToken cancellationToken)
    {
        var selection = await db.Selections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.SelectionId, cancellationToken)
                        ?? throw new NotFoundException("Selection", query.SelectionId);
        var position = await db.Positions.AsNoTracking().Include(p => p.Standard)
            .FirstAsync(p => p.Id == selection.PositionId, cancellationToken);
        var policy = await db.ScoringPolicies.AsNoTracking().FirstAsync(p => p.Version == selection.PolicyVersion, cancellationToken);
        var runs = await db.ScoringRuns.AsNoTracking().Where(r => r.SelectionId == selection.Id).OrderBy(r => r.Sequence)
            .ToListAsync(cancellationToken);

        var rationales = new List<CandidateRationale>();
        if (runs.Count > 0)
        {
            var latest = runs[^1];
            var results = await db.CandidateResults.AsNoTracking().Where(r => r.ScoringRunId == latest.Id)
                .OrderBy(r => r.Rank == null).ThenBy(r => r.Rank).ThenBy(r => r.CandidateCode).ToListAsync(cancellationToken);
            rationales.AddRange(results.Select(r =>
                RationaleBuilder.Build(selection.Id, policy, latest.MinimumGrade, r, latest.SealScheme) with { Seal = r.Seal }));
        }

        var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.SelectionId == selection.Id, cancellationToken);
        var decisionDto = decision is null ? null : DecisionDto.From(decision);
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.TouchedIds.Contains(selection.Id)).OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);

        return new DecisionFileDto(clock.Now(), SelectionDto.From(selection), PositionDto.From(position), ScoringPolicyDto.From(policy),
            [.. runs.Select(ScoringRunDto.From)], rationales, decisionDto,
            decisionDto?.Choices.Where(c => c.ReasonedChoice).ToList() ?? [],
            decisionDto?.Choices.Where(c => c.MeritDeviation).ToList() ?? [],
            [.. audit.Select(AuditEntryDto.From)]);
    }
}
