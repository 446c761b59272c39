using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Audit;
using MeritApi.Domain.Scoring;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.ScoringPolicies.Commands.CreateScoringPolicy;

internal sealed class CreateScoringPolicyCommandHandler(IApplicationDbContext db, TimeProvider clock, IAuditScope audit)
    : ICommandHandler<CreateScoringPolicyCommand, ScoringPolicyDto>
{
    public async ValueTask<ScoringPolicyDto> Handle(CreateScoringPolicyCommand command, CancellationToken cancellationToken)
    {
        // Two administrators racing get the same number; the primary key turns the loser into a 409.
        var next = await db.ScoringPolicies.MaxAsync(p => (int?)p.Version, cancellationToken) + 1 ?? ScoringPolicy.DefaultVersion;
        var policy = new ScoringPolicy(next, command.CompetenceWeight, command.PerformanceWeight,
            command.PerformanceYearWeights, command.BandSet, command.MinimumRating, command.Description,
            clock.Now(), command.NearTieThreshold, command.AssessmentValidity);
        db.ScoringPolicies.Add(policy);
        audit.Touch(AuditIds.ForScoringPolicy(policy.Version));
        return ScoringPolicyDto.From(policy);
    }
}
