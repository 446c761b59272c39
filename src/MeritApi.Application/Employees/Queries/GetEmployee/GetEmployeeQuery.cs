using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Employees.Queries.GetEmployee;

public sealed record GetEmployeeQuery(Guid Id) : IQuery<EmployeeDetailsDto>;

internal sealed class GetEmployeeQueryHandler(IApplicationDbContext db) : IQueryHandler<GetEmployeeQuery, EmployeeDetailsDto>
{
    public async ValueTask<EmployeeDetailsDto> Handle(GetEmployeeQuery query, CancellationToken cancellationToken)
    {
        var e = await db.Employees.AsNoTracking()
                    .Include(x => x.Assessments).Include(x => x.PerformanceRatings)
                    .FirstOrDefaultAsync(x => x.Id == query.Id, cancellationToken)
                ?? throw new NotFoundException("Employee", query.Id);
        return new EmployeeDetailsDto(e.Id, e.Nip.Value, e.Name, e.Grade.ToString(), e.Unit, e.CurrentPositionId, e.InPositionSince, e.EmploymentType,
            [.. e.Assessments.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt)
                .Select(CompetencyAssessmentDto.From)],
            [.. e.PerformanceRatings.OrderByDescending(r => r.Year).Select(PerformanceRatingDto.From)]);
    }
}
