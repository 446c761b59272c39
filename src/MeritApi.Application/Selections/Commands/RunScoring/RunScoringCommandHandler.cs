using System.Diagnostics;
using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MeritApi.Application.Selections.Commands.RunScoring;

internal sealed partial class RunScoringCommandHandler(
    IApplicationDbContext db, IScoringEvidenceReader evidenceReader, IScoringRunWriter runs, TimeProvider clock, IAuditScope audit,
    ILogger<RunScoringCommandHandler> logger)
    : ICommandHandler<RunScoringCommand, ScoringRunDto>
{
    public async ValueTask<ScoringRunDto> Handle(RunScoringCommand command, CancellationToken cancellationToken)
    {
        var selection = await db.Selections.FirstOrDefaultAsync(s => s.Id == command.SelectionId, cancellationToken)
                        ?? throw new NotFoundException("Selection", command.SelectionId);
        var position = await db.Positions.AsNoTracking().Include(p => p.Standard)
            .FirstAsync(p => p.Id == selection.PositionId, cancellationToken);
        var policy = await db.ScoringPolicies.AsNoTracking().FirstAsync(p => p.Version == selection.PolicyVersion, cancellationToken);
        var context = new ScoringContext(policy,
            [.. position.Standard.OrderBy(r => r.CompetencyCode, StringComparer.Ordinal).Select(r => (r.CompetencyCode, r.RequiredLevel))],
            position.MinimumGrade, selection.LatestPerformanceYear);

        var started = Stopwatch.GetTimestamp();
        var candidates = await evidenceReader.ReadAsync(selection.Id, [.. context.Standard.Select(s => s.CompetencyCode)],
            [.. context.CountedYears.Select(y => y.Year)], cancellationToken);
        var read = Stopwatch.GetTimestamp();
        // Read committed: an enrolment that committed after the selection was read shows in the candidates. Storing this
        // run would fail on the selection's concurrency token anyway; say why now, before scoring anyone.
        if (candidates.Count != selection.CandidateCount)
            throw new ConflictException("concurrent-update",
                "Candidates were enrolled in this selection while the run was starting; run scoring again to include them.");

        // Each candidate is scored from their own evidence alone, so the scoring spreads over the cores.
        var scores = new CandidateScore[candidates.Count];
        Parallel.For(0, scores.Length, i => scores[i] = MeritScorer.Score(context, candidates[i].Evidence));
        var ranks = Ranking.Rank(scores);
        var results = new CandidateResult[candidates.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var c = candidates[i];
            results[i] = new CandidateResult(c.CandidateId, c.EmployeeId, c.CandidateCode, c.Evidence.Grade, scores[i], ranks[i]);
        }
        var scored = Stopwatch.GetTimestamp();
        var run = selection.RecordScoringRun(Guid.CreateVersion7(), clock.Now(), policy, position.MinimumGrade, results);
        var sealedAt = Stopwatch.GetTimestamp();
        await runs.AddAsync(run, cancellationToken);
        var (readFor, scoredFor, sealedFor, writtenFor) = (Stopwatch.GetElapsedTime(started, read), Stopwatch.GetElapsedTime(read, scored),
            Stopwatch.GetElapsedTime(scored, sealedAt), Stopwatch.GetElapsedTime(sealedAt));
        LogRunScored(logger, run.Id, run.CandidateCount, readFor, scoredFor, sealedFor, writtenFor);
        audit.Touch(selection.Id, run.Id);
        audit.RecordOutcome(run.ResultsDigest);
        return ScoringRunDto.From(run);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Scoring run {RunId}: {Candidates} candidates; read in {Read}, scored in {Scored}, sealed in {Sealed}, written in {Written}")]
    private static partial void LogRunScored(ILogger logger, Guid runId, int candidates, TimeSpan read, TimeSpan scored, TimeSpan @sealed,
        TimeSpan written);
}
