using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;
using Microsoft.EntityFrameworkCore;
using MeritApi.Application.Common;

namespace MeritApi.Application.Selections.Commands.RunScoring;

internal sealed class RunScoringCommandHandler(
    IApplicationDbContext db, IScoringEvidenceReader evidenceReader, IScoringRunWriter runs, TimeProvider clock, IAuditScope audit)
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

        var evidence = await ReadEvidenceAsync(selection, context, cancellationToken);
        // Read committed: an enrolment that committed after the selection was read shows in the candidates. Storing this
        // run would fail on the selection's concurrency token anyway; say why now, before scoring anyone.
        if (evidence.Count != selection.CandidateCount)
            throw new ConflictException("concurrent-update",
                "Candidates were enrolled in this selection while the run was starting; run scoring again to include them.");

        var scores = evidence.Select(e => MeritScorer.Score(context, e.Evidence)).ToList();
        var ranks = Ranking.Rank([.. scores.Select(s => s.Eligible ? s.RankKey : (RankKey?)null)]);
        var results = evidence.Select((e, i) => new CandidateResult(e.Candidate, e.Nip, e.Evidence.Grade, scores[i], ranks[i])).ToList();

        var run = selection.RecordScoringRun(Guid.CreateVersion7(), clock.Now(), policy, position.MinimumGrade, results);
        await runs.AddAsync(run, cancellationToken);
        audit.Touch(selection.Id, run.Id);
        audit.RecordOutcome(run.ResultsDigest);
        return ScoringRunDto.From(run);
    }

    private sealed record CandidateEvidenceRow(Candidate Candidate, Nip Nip, CandidateEvidence Evidence);

    /// <summary>The candidates with their employees' NIP and grade, then their evidence in two streaming reads.</summary>
    private async Task<List<CandidateEvidenceRow>> ReadEvidenceAsync(Selection selection, ScoringContext context,
        CancellationToken cancellationToken)
    {
        var candidates = await (
                from c in db.Candidates.AsNoTracking()
                join e in db.Employees on c.EmployeeId equals e.Id
                where c.SelectionId == selection.Id
                orderby c.Number
                select new { Candidate = c, e.Nip, e.Grade })
            .ToListAsync(cancellationToken);

        var evidence = await evidenceReader.ReadAsync(selection.Id, [.. context.Standard.Select(s => s.CompetencyCode)],
            context.CountedYears.Min(y => y.Year), selection.LatestPerformanceYear, cancellationToken);

        IReadOnlyDictionary<string, int> noAssessments = new Dictionary<string, int>();
        IReadOnlyDictionary<int, PerformanceRating> noRatings = new Dictionary<int, PerformanceRating>();
        return [.. candidates.Select(c => new CandidateEvidenceRow(c.Candidate, c.Nip, new CandidateEvidence(
            c.Candidate.Id, c.Grade,
            evidence.LatestLevels.GetValueOrDefault(c.Candidate.EmployeeId, noAssessments),
            evidence.Ratings.GetValueOrDefault(c.Candidate.EmployeeId, noRatings))))];
    }
}
