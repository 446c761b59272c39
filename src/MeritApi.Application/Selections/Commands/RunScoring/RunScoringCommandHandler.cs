using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;
using Microsoft.EntityFrameworkCore;
using MeritApi.Application.Common;

namespace MeritApi.Application.Selections.Commands.RunScoring;

internal sealed class RunScoringCommandHandler(IApplicationDbContext db, IScoringRunWriter runs, TimeProvider clock, IAuditScope audit)
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

    /// <summary>
    /// Reads all candidates' evidence in three set-based queries (candidates with their employees, the
    /// standard's assessments, the counted years' ratings) instead of one query per candidate.
    /// </summary>
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

        var codes = context.Standard.Select(s => s.CompetencyCode).ToList();
        var assessments = await (
                from a in db.CompetencyAssessments
                join c in db.Candidates on a.EmployeeId equals c.EmployeeId
                where c.SelectionId == selection.Id && codes.Contains(a.CompetencyCode)
                select new { a.EmployeeId, a.CompetencyCode, a.Level, a.AssessedOn, a.RecordedAt })
            .ToListAsync(cancellationToken);
        // The most recent assessment of each competency counts (by date assessed, then by when recorded).
        var latestLevels = assessments
            .GroupBy(a => a.EmployeeId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g
                .GroupBy(a => a.CompetencyCode)
                .ToDictionary(c => c.Key, c => c.MaxBy(a => (a.AssessedOn, a.RecordedAt))!.Level));

        var firstYear = context.CountedYears.Min(y => y.Year);
        var lastYear = selection.LatestPerformanceYear;
        var ratings = await (
                from r in db.PerformanceRatings
                join c in db.Candidates on r.EmployeeId equals c.EmployeeId
                where c.SelectionId == selection.Id && r.Year >= firstYear && r.Year <= lastYear
                select new { r.EmployeeId, r.Year, r.Rating })
            .ToListAsync(cancellationToken);
        var ratingsByEmployee = ratings.GroupBy(r => r.EmployeeId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, PerformanceRating>)g.ToDictionary(r => r.Year, r => r.Rating));

        IReadOnlyDictionary<string, int> noAssessments = new Dictionary<string, int>();
        IReadOnlyDictionary<int, PerformanceRating> noRatings = new Dictionary<int, PerformanceRating>();
        return [.. candidates.Select(c => new CandidateEvidenceRow(c.Candidate, c.Nip, new CandidateEvidence(
            c.Candidate.Id, c.Grade,
            latestLevels.GetValueOrDefault(c.Candidate.EmployeeId, noAssessments),
            ratingsByEmployee.GetValueOrDefault(c.Candidate.EmployeeId, noRatings))))];
    }
}
