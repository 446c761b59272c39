using Mediator;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Queries.ExportShortlist;

internal sealed class ExportShortlistQueryHandler(IShortlistReader shortlists, IApplicationDbContext db)
    : IQueryHandler<ExportShortlistQuery, ShortlistExport>
{
    public async ValueTask<ShortlistExport> Handle(ExportShortlistQuery query, CancellationToken cancellationToken)
    {
        var run = await db.FindRunAsync(query.SelectionId, query.RunId, cancellationToken);
        var s = await (
            from selection in db.Selections.AsNoTracking()
            where selection.Id == query.SelectionId
            join position in db.Positions.AsNoTracking() on selection.PositionId equals position.Id
            join policy in db.ScoringPolicies.AsNoTracking() on run.PolicyVersion equals policy.Version
            select new
            {
                selection.Reference,
                selection.Kind,
                selection.Places,
                position.Code,
                position.Title,
                policy.CompetenceWeight,
                policy.PerformanceWeight,
                Revealed = selection.IdentitiesRevealedAt != null,
            }).SingleAsync(cancellationToken);
        var heading = new ShortlistHeading(query.SelectionId, s.Reference, s.Kind, s.Places, s.Code, s.Title, run.PolicyVersion,
            s.CompetenceWeight, s.PerformanceWeight, run.Id, run.Sequence, run.ScoredAt, run.CandidateCount, run.EligibleCount,
            run.ResultsDigest, run.NearTieThreshold, run.WeightSensitivity, query.Top, s.Revealed);
        return new ShortlistExport(heading,
            shortlists.ReadAsync(run.Id, query.Top, query.IncludeIneligible, s.Revealed, 0, int.MaxValue, cancellationToken));
    }
}
