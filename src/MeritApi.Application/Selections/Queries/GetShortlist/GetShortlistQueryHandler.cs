using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Queries.GetShortlist;

internal sealed class GetShortlistQueryHandler(IApplicationDbContext db) : IQueryHandler<GetShortlistQuery, ShortlistDto>
{
    public async ValueTask<ShortlistDto> Handle(GetShortlistQuery query, CancellationToken cancellationToken)
    {
        // One round trip for the selection and the run to read (the one asked for, or the latest).
        var selection = await db.Selections.AsNoTracking().Where(s => s.Id == query.SelectionId)
                            .Select(s => new
                            {
                                s.Places,
                                Revealed = s.IdentitiesRevealedAt != null,
                                Run = db.ScoringRuns.Where(r => r.SelectionId == s.Id && (query.RunId == null || r.Id == query.RunId))
                                    .OrderByDescending(r => r.Sequence)
                                    .Select(r => new { r.Id, r.Sequence, r.ScoredAt, r.PolicyVersion })
                                    .FirstOrDefault(),
                            })
                            .FirstOrDefaultAsync(cancellationToken)
                        ?? throw new NotFoundException("Selection", query.SelectionId);
        var run = selection.Run ?? throw RunLookup.RunNotFound(query.SelectionId, query.RunId);

        var results = db.CandidateResults.AsNoTracking().Where(r => r.ScoringRunId == run.Id);
        results = query.IncludeIneligible
            ? results.Where(r => r.Rank == null || query.Top == null || r.Rank <= query.Top)
            : results.Where(r => r.Rank != null && (query.Top == null || r.Rank <= query.Top));

        // Ranked candidates first by rank (PostgreSQL sorts NULL ranks last); within a shared rank (and among the unranked)
        // the candidate code only makes paging stable — it carries no merit meaning and the rank stays shared. This is
        // the order of the (run, rank, merit, code) index, so a page is a range scan of it.
        var page = await results
            .OrderBy(r => r.Rank).ThenByDescending(r => r.MeritScore).ThenBy(r => r.CandidateCode)
            .Select(r => new ShortlistEntryDto(r.Rank, r.CandidateId, r.CandidateCode, r.MaskedNip,
                selection.Revealed ? db.Employees.Where(e => e.Id == r.EmployeeId).Select(e => e.Name).First() : null,
                r.Jpm, r.JpmBand, r.PerformanceScore, r.MeritScore, r.TalentBox, r.TalentBox >= 7, r.Eligible, r.IneligibilityReasons))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);

        return new ShortlistDto(query.SelectionId, run.Id, run.Sequence, run.ScoredAt, run.PolicyVersion, selection.Places, query.Top,
            selection.Revealed, page);
    }
}
