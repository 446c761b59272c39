using Mediator;
using MeritApi.Application.Audit;
using MeritApi.Application.Audit.Queries.GetSigningKey;
using MeritApi.Application.Audit.Queries.ListAuditEntries;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Positions;
using MeritApi.Application.ScoringPolicies;
using MeritApi.Domain.Rationales;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Queries.GetDecisionFile;

/// <summary>
/// One selection's complete, self-contained file for archiving and offline verification
/// (src/MeritApi.Domain/Canonical/SPECIFICATION.md): the position and its standard, the policy, every scoring run, the
/// rationale of every result of the latest run — the decided one, since a decision is refused on any other and closes the
/// selection — each with its seal and scheme, the decision, every audit entry that touched the selection with its
/// inclusion proof to one signed checkpoint, that checkpoint, and the public key it names.
/// </summary>
/// <remarks>
/// The rationales are read as they are written (<see cref="DecisionFileDto.LatestRunRationales"/> is streamed by the
/// serializer from one database cursor), so a 100,000-candidate file costs bounded memory.
/// </remarks>
public sealed record GetDecisionFileQuery(Guid SelectionId) : IQuery<DecisionFileDto>;

public sealed record DecisionFileDto(
    string Format,
    DateTimeOffset GeneratedAt,
    SelectionDto Selection,
    PositionDto Position,
    ScoringPolicyDto Policy,
    IReadOnlyList<ScoringRunDto> ScoringRuns,
    DecisionDto? Decision,
    IReadOnlyList<DecisionChoiceDto> ReasonedChoices,
    IReadOnlyList<DecisionChoiceDto> MeritDeviations,
    IReadOnlyList<AuditEntryDto> AuditEntries,
    CheckpointDto? Checkpoint,
    SigningKeyDto SigningKey,
    IAsyncEnumerable<CandidateRationale> LatestRunRationales)
{
    public const string CurrentFormat = "meritapi-decision-file-v2";
}


internal sealed class GetDecisionFileQueryHandler(IApplicationDbContext db, TimeProvider clock, ILogSigningKey key)
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

        var decision = await db.Decisions.AsNoTracking().FirstOrDefaultAsync(d => d.SelectionId == selection.Id, cancellationToken);
        var decisionDto = decision is null ? null : DecisionDto.From(decision);

        // The file is the selection as of the latest checkpoint: every entry of the selection it covers (each command signs
        // one, so that is every entry committed before it), each proved against it.
        var checkpoint = await db.LatestCheckpointAsync(cancellationToken);
        var covered = checkpoint?.TreeSize ?? 0;
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.TouchedIds.Contains(selection.Id) && e.Sequence <= covered)
            .OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var entries = new List<AuditEntryDto>();
        if (checkpoint is not null && audit.Count > 0)
        {
            var tree = await db.TreeAsync(checkpoint.TreeSize, cancellationToken);
            foreach (var entry in audit)
                entries.Add(AuditEntryDto.From(entry) with
                {
                    InclusionProof = new InclusionProof(entry.LeafIndex, checkpoint.TreeSize, Convert.ToBase64String(entry.LeafHash()),
                        [.. tree.Inclusion(entry.LeafIndex, checkpoint.TreeSize).Select(Convert.ToBase64String)]),
                });
        }

        return new DecisionFileDto(DecisionFileDto.CurrentFormat, clock.Now(), SelectionDto.From(selection), PositionDto.From(position),
            ScoringPolicyDto.From(policy), [.. runs.Select(ScoringRunDto.From)], decisionDto,
            decisionDto?.Choices.Where(c => c.ReasonedChoice).ToList() ?? [],
            decisionDto?.Choices.Where(c => c.MeritDeviation).ToList() ?? [],
            entries, checkpoint is null ? null : CheckpointDto.From(checkpoint),
            SigningKeyDto.From(key),
            runs.Count == 0 ? AsyncEnumerable.Empty<CandidateRationale>() : Rationales(selection.Id, policy, runs[^1], cancellationToken));
    }

    /// <summary>The latest run's rationales in listing order, from one streaming query: rows are read as they are written.</summary>
    private async IAsyncEnumerable<CandidateRationale> Rationales(Guid selectionId, ScoringPolicy policy, ScoringRun run,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var results = db.CandidateResults.AsNoTracking().Where(r => r.ScoringRunId == run.Id).OrderBy(r => r.ListPosition)
            .AsAsyncEnumerable().WithCancellation(cancellationToken);
        await foreach (var result in results)
            yield return RationaleBuilder.Build(selectionId, policy, run.MinimumGrade, run.ReferenceDate, result, run.SealScheme) with { Seal = result.Seal };
    }
}
