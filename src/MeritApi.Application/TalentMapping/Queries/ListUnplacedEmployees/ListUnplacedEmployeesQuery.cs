using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Employees;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.TalentMapping.Queries.ListUnplacedEmployees;

/// <summary>Those of a run's population it could not place, each with every reason, by NIP.</summary>
public sealed record ListUnplacedEmployeesQuery(Guid RunId, string? Unit, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<UnplacedEmployeeDto>>, IPagedQuery;

internal sealed class ListUnplacedEmployeesQueryValidator : AbstractValidator<ListUnplacedEmployeesQuery>
{
    public ListUnplacedEmployeesQueryValidator()
    {
        this.IncludePaging();
        RuleFor(q => q.Unit).OptionalText(Employee.UnitMaxLength);
    }
}

internal sealed class ListUnplacedEmployeesQueryHandler(IApplicationDbContext db) : IQueryHandler<ListUnplacedEmployeesQuery, PagedList<UnplacedEmployeeDto>>
{
    public async ValueTask<PagedList<UnplacedEmployeeDto>> Handle(ListUnplacedEmployeesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.TalentMappingRuns.AnyAsync(r => r.Id == query.RunId, cancellationToken))
            throw new NotFoundException("Talent-mapping run", query.RunId);
        var rows = from x in db.MappingExclusions.AsNoTracking()
                   join e in db.Employees.AsNoTracking() on x.EmployeeId equals e.Id
                   where x.MappingRunId == query.RunId && (query.Unit == null || x.Unit == query.Unit)
                   orderby e.Nip
                   select new { x.EmployeeId, e.Nip, e.Name, x.Unit, x.Reasons };
        var page = await rows.ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return new PagedList<UnplacedEmployeeDto>([.. page.Items.Select(x => new UnplacedEmployeeDto(x.EmployeeId, x.Nip.Value, x.Name, x.Unit, x.Reasons))],
            page.Page, page.PageSize, page.TotalCount);
    }
}
