using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Employees;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.DevelopmentPlans.Queries.ListDevelopmentPlans;

/// <summary>Plans, newest first, of one unit or of an employee, each with its open and closed gaps as they stand today.</summary>
public sealed record ListDevelopmentPlansQuery(string? Unit, Guid? EmployeeId, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<IndividualDevelopmentPlanDto>>, IPagedQuery;

internal sealed class ListDevelopmentPlansQueryValidator : AbstractValidator<ListDevelopmentPlansQuery>
{
    public ListDevelopmentPlansQueryValidator()
    {
        this.IncludePaging();
        RuleFor(q => q.Unit).OptionalText(Employee.UnitMaxLength);
    }
}

internal sealed class ListDevelopmentPlansQueryHandler(IApplicationDbContext db, TimeProvider clock)
    : IQueryHandler<ListDevelopmentPlansQuery, PagedList<IndividualDevelopmentPlanDto>>
{
    public async ValueTask<PagedList<IndividualDevelopmentPlanDto>> Handle(ListDevelopmentPlansQuery query, CancellationToken cancellationToken)
    {
        var plans = from p in db.DevelopmentPlans.AsNoTracking()
                    join e in db.Employees.AsNoTracking() on p.EmployeeId equals e.Id
                    where (query.Unit == null || e.Unit == query.Unit) && (query.EmployeeId == null || p.EmployeeId == query.EmployeeId)
                    orderby p.CreatedAt descending, p.Id
                    select p;
        var page = await plans.ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        var views = await PlanViews.ViewAsync(db, clock, page.Items, cancellationToken);
        return new PagedList<IndividualDevelopmentPlanDto>(views, page.Page, page.PageSize, page.TotalCount);
    }
}
