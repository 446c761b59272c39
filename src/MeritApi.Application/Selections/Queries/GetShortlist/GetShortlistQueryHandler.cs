using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Queries.GetShortlist;

/// <remarks>
/// The busiest read of the API. Every value a query uses is a plain local (not a member of the message or of an earlier
/// result): EF then binds it as a parameter, whereas member chains and conditionals in a query are re-evaluated by
/// compiling an expression on every request, which cost more CPU than the rest of the request.
/// </remarks>
internal sealed class GetShortlistQueryHandler(IApplicationDbContext db) : IQueryHandler<GetShortlistQuery, ShortlistDto>
{
    public async ValueTask<ShortlistDto> Handle(GetShortlistQuery query, CancellationToken cancellationToken)
    {
        var (selectionId, runId, top) = (query.SelectionId, query.RunId, query.Top);

        // One round trip for the run to read (the one asked for, or the latest) with its selection's figures.
        var head = await db.ScoringRuns.AsNoTracking()
            .Where(r => r.SelectionId == selectionId && (runId == null || r.Id == runId))
            .OrderByDescending(r => r.Sequence)
            .Join(db.Selections, r => r.SelectionId, s => s.Id, (r, s) => new
            {
                r.Id, r.Sequence, r.ScoredAt, r.PolicyVersion, s.Places, Revealed = s.IdentitiesRevealedAt != null,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            if (!await db.Selections.AnyAsync(s => s.Id == selectionId, cancellationToken))
                throw new NotFoundException("Selection", selectionId);
            throw RunLookup.RunNotFound(selectionId, runId);
        }

        var scoringRunId = head.Id;
        var results = db.CandidateResults.AsNoTracking().Where(r => r.ScoringRunId == scoringRunId);
        results = query.IncludeIneligible
            ? results.Where(r => r.Rank == null || top == null || r.Rank <= top)
            : results.Where(r => r.Rank != null && (top == null || r.Rank <= top));

        // Ranked candidates first by rank (PostgreSQL sorts NULL ranks last); within a shared rank (and among the unranked)
        // the candidate code only makes paging stable — it carries no merit meaning and the rank stays shared. This is
        // the order of the (run, rank, merit, code) index, so a page is a range scan of it.
        var ordered = results.OrderBy(r => r.Rank).ThenByDescending(r => r.MeritScore).ThenBy(r => r.CandidateCode);
        var page = head.Revealed
            ? await ordered.Select(r => new ShortlistEntryDto(r.Rank, r.CandidateId, r.CandidateCode, r.MaskedNip,
                    db.Employees.Where(e => e.Id == r.EmployeeId).Select(e => e.Name).First(),
                    r.Jpm, r.JpmBand, r.PerformanceScore, r.MeritScore, r.TalentBox, r.TalentBox >= 7, r.Eligible, r.IneligibilityReasons))
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken)
            : await ordered.Select(r => new ShortlistEntryDto(r.Rank, r.CandidateId, r.CandidateCode, r.MaskedNip, null,
                    r.Jpm, r.JpmBand, r.PerformanceScore, r.MeritScore, r.TalentBox, r.TalentBox >= 7, r.Eligible, r.IneligibilityReasons))
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);

        return new ShortlistDto(selectionId, head.Id, head.Sequence, head.ScoredAt, head.PolicyVersion, head.Places, top, head.Revealed, page);
    }
}
