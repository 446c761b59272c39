using Mediator;
using MeritApi.Application.AssessingBodies;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Common;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Commands.RunScoring;

/// <summary>Reads the evidence, scores and ranks every candidate, seals and stores the run; each stage is a span of its own.</summary>
internal sealed class RunScoringCommandHandler(
    IApplicationDbContext db, IScoringEvidenceReader evidenceReader, IScoringRunWriter runs, TimeProvider clock, IAuditScope audit)
    : ICommandHandler<RunScoringCommand, ScoringRunDto>
{
    public async ValueTask<ScoringRunDto> Handle(RunScoringCommand command, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var selection = await db.Selections.FirstOrDefaultAsync(s => s.Id == command.SelectionId, cancellationToken)
                        ?? throw new NotFoundException("Selection", command.SelectionId);
        var position = await db.Positions.AsNoTracking().Include(p => p.Standard)
            .FirstAsync(p => p.Id == selection.PositionId, cancellationToken);
        var policy = await db.ScoringPolicies.AsNoTracking().FirstAsync(p => p.Version == selection.PolicyVersion, cancellationToken);
        var accredited = await db.AccreditedBodiesAsync(policy.AccreditedBodiesOnly, cancellationToken);
        var context = ScoringContext.ForPolicy(policy,
            position.StandardInCodeOrder(),
            position.MinimumGrade, selection.LatestPerformanceYear, selection.ReferenceDate, accredited);

        IReadOnlyList<ScoringCandidate> candidates;
        using (var reading = ApplicationTelemetry.Source.StartActivity("scoring.read-evidence"))
        {
            candidates = await evidenceReader.ReadAsync(selection.Id, [.. context.Standard.Select(s => s.CompetencyCode)],
                [.. context.CountedYears.Select(y => y.Year)], context.Screen, cancellationToken);
            reading?.SetTag("meritapi.candidates", candidates.Count);
        }
        // Read committed: an enrolment that committed after the selection was read shows in the candidates. Storing this
        // run would fail on the selection's concurrency token anyway; say why now, before scoring anyone.
        if (candidates.Count != selection.CandidateCount)
            throw new ConflictException(Rules.ConcurrentUpdate,
                "Candidates were enrolled in this selection while the run was starting; run scoring again to include them.");

        ScoringRun run;
        using (ApplicationTelemetry.Source.StartActivity("scoring.score-rank-seal"))
            run = selection.Score(Guid.CreateVersion7(), clock.Now(), context, candidates);
        using (ApplicationTelemetry.Source.StartActivity("scoring.write"))
            await runs.AddAsync(run, cancellationToken);
        audit.Touch(selection.Id, run.Id);
        audit.RecordOutcome(run.ResultsDigest);
        ApplicationTelemetry.ScoringRunDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        ApplicationTelemetry.ScoringRunCandidates.Record(candidates.Count);
        return ScoringRunDto.From(run);
    }
}
