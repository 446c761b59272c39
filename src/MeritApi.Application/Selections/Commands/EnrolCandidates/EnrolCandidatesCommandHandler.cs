using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Common;
using MeritApi.Domain.Succession;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Selections.Commands.EnrolCandidates;

internal sealed class EnrolCandidatesCommandHandler(IApplicationDbContext db, ISelectionLock locks, TimeProvider clock, IAuditScope audit)
    : ICommandHandler<EnrolCandidatesCommand, IReadOnlyList<CandidateDto>>
{
    public async ValueTask<IReadOnlyList<CandidateDto>> Handle(EnrolCandidatesCommand command, CancellationToken cancellationToken)
    {
        // The selection row carries the candidate counter. Enrolments queue on its lock, then read it (each statement sees
        // what the one before committed), so concurrent enrolments all succeed with consecutive codes. Its concurrency token
        // still turns a scoring run racing an enrolment into a 409 for one of them.
        if (!await locks.LockAsync(command.SelectionId, cancellationToken))
            throw new NotFoundException("Selection", command.SelectionId);
        var selection = await db.Selections.FirstOrDefaultAsync(s => s.Id == command.SelectionId, cancellationToken)
                        ?? throw new NotFoundException("Selection", command.SelectionId);
        var ids = command.EmployeeIds;

        var known = await db.Employees.Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        var unknown = ids.Except(known).ToList();
        if (unknown.Count > 0)
            throw new NotFoundException("Employee", string.Join(", ", unknown.Take(20)));

        // A selection from a succession pool takes the pool's approved members only (one approved since it opened may join).
        if (selection.SuccessionPoolId is { } poolId)
        {
            var approved = await db.SuccessionMembers.Where(m => m.PoolId == poolId && m.Status == MemberStatus.Approved)
                .Select(m => m.EmployeeId).ToListAsync(cancellationToken);
            var outside = ids.Except(approved).ToList();
            if (outside.Count > 0)
                throw new DomainException(Rules.NotApprovedSuccessor,
                    $"The selection is from a succession pool: only its approved members may be enrolled, not {string.Join(", ", outside.Take(20))}.");
        }

        var already = await db.Candidates.Where(c => c.SelectionId == selection.Id && ids.Contains(c.EmployeeId))
            .Select(c => c.EmployeeId).ToListAsync(cancellationToken);
        if (already.Count > 0)
            throw new ConflictException(Rules.AlreadyEnrolled,
                $"Already enrolled in this selection: {string.Join(", ", already.Take(20))}.");

        var now = clock.Now();
        var candidates = ids.Select(id => selection.Enrol(Guid.CreateVersion7(), id, now)).ToList();
        db.Candidates.AddRange(candidates);
        audit.Touch([selection.Id, .. candidates.Select(c => c.Id)]);
        return [.. candidates.Select(CandidateDto.From)];
    }
}
