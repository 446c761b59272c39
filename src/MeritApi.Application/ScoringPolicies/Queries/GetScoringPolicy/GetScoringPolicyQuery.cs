using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.ScoringPolicies.Queries.GetScoringPolicy;

public sealed record GetScoringPolicyQuery(int Version) : IQuery<ScoringPolicyDto>;

internal sealed class GetScoringPolicyQueryHandler(IApplicationDbContext db) : IQueryHandler<GetScoringPolicyQuery, ScoringPolicyDto>
{
    public async ValueTask<ScoringPolicyDto> Handle(GetScoringPolicyQuery query, CancellationToken cancellationToken)
    {
        var policy = await db.ScoringPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Version == query.Version, cancellationToken)
                     ?? throw new NotFoundException("Scoring policy version", query.Version);
        return ScoringPolicyDto.From(policy);
    }
}
