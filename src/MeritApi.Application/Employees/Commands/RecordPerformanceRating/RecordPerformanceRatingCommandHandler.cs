using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Concurrency;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Employees.Commands.RecordPerformanceRating;

internal sealed class RecordPerformanceRatingCommandHandler(IApplicationDbContext db, TimeProvider clock, IAuditScope audit,
    IRowVersions versions)
    : ICommandHandler<RecordPerformanceRatingCommand, PerformanceRatingDto>
{
    public async ValueTask<PerformanceRatingDto> Handle(RecordPerformanceRatingCommand command, CancellationToken cancellationToken)
    {
        await versions.EnsureAsync(VersionedResource.Employee, command.EmployeeId, command.IfMatch, cancellationToken);
        var employee = await db.Employees.Include(e => e.PerformanceRatings)
                           .FirstOrDefaultAsync(e => e.Id == command.EmployeeId, cancellationToken)
                       ?? throw new NotFoundException("Employee", command.EmployeeId);
        employee.RecordPerformanceRating(command.Year, command.Rating, clock.Now());
        audit.Touch(employee.Id);
        return PerformanceRatingDto.From(employee.PerformanceRatings.Single(r => r.Year == command.Year));
    }
}
