using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Rationales;

namespace MeritApi.Application.Rationales.Queries.GetRationale;

/// <summary>The full rationale of one candidate's result in a scoring run, with the seal fixed at scoring time.</summary>
public sealed record GetRationaleQuery(Guid SelectionId, Guid RunId, Guid CandidateId) : IQuery<CandidateRationale>;

internal sealed class GetRationaleQueryHandler(IApplicationDbContext db) : IQueryHandler<GetRationaleQuery, CandidateRationale>
{
    public async ValueTask<CandidateRationale> Handle(GetRationaleQuery query, CancellationToken cancellationToken) =>
        (await db.ReadStoredResultAsync(query.SelectionId, query.RunId, query.CandidateId, cancellationToken)).PublishedRationale();
}
