using Mediator;
using MeritApi.Application.AssessingBodies;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Employees;
using MeritApi.Domain.Common;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Succession;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Succession.Commands.FormSuccessionPool;

internal sealed class FormSuccessionPoolCommandHandler(IApplicationDbContext db, TimeProvider clock, IAuditScope audit)
    : ICommandHandler<FormSuccessionPoolCommand, SuccessionPoolSummaryDto>
{
    public async ValueTask<SuccessionPoolSummaryDto> Handle(FormSuccessionPoolCommand command, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        if (command.VacantOn is { } vacantOn && vacantOn < today)
            throw RequestValidation.Failure("vacantOn", "A position falling vacant falls vacant on a day to come.");
        var target = await db.Positions.AsNoTracking().Include(p => p.Standard).FirstOrDefaultAsync(p => p.Id == command.TargetPositionId, cancellationToken)
                     ?? throw new NotFoundException("Position", command.TargetPositionId);
        var run = command.MappingRunId is { } runId
            ? await db.TalentMappingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
              ?? throw new NotFoundException("Talent-mapping run", runId)
            : await db.TalentMappingRuns.AsNoTracking().OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken)
              ?? throw new DomainException(Rules.NoMappingRun, "No talent-mapping run has been made: map the agency before forming a succession pool.");
        var policy = await db.ScoringPolicies.AsNoTracking().FirstAsync(p => p.Version == run.PolicyVersion, cancellationToken);

        // Boxes 7–9 of the run; those already in the target position are not its successors.
        var talent = await db.MappingPlacements.AsNoTracking()
            .Where(p => p.MappingRunId == run.Id && p.TalentBox >= SuccessionPool.MinimumBox && p.PositionId != target.Id)
            .OrderBy(p => p.EmployeeId).Select(p => new { p.EmployeeId, p.TalentBox, p.Total }).ToListAsync(cancellationToken);
        var accredited = await db.AccreditedBodiesAsync(policy.AccreditedBodiesOnly, cancellationToken);
        var context = ScoringContext.ForPolicy(policy, target.StandardInCodeOrder(), null, today.Year - 1, today, accredited);
        var evidence = await db.ReadEvidenceAsync([.. talent.Select(t => t.EmployeeId)], context, cancellationToken);

        var pool = SuccessionPool.Form(Guid.CreateVersion7(), target, command.Reason, command.VacantOn, run.Id, run.Sequence, policy, today,
            [.. talent.Zip(evidence, (t, e) => (t.TalentBox, t.Total, e.Evidence))], clock.Now());
        db.SuccessionPools.Add(pool);
        audit.Touch(pool.Id, target.Id, run.Id);
        return SuccessionPoolSummaryDto.From(pool);
    }
}
