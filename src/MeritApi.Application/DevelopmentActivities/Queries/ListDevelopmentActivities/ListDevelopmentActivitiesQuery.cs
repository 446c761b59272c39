using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Employees;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.DevelopmentActivities.Queries.ListDevelopmentActivities;

/// <summary>An employee's development activities, newest first; with <see cref="Year"/>, those counting towards that year.</summary>
public sealed record ListDevelopmentActivitiesQuery(Guid EmployeeId, int? Year, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<DevelopmentActivityDto>>, IPagedQuery;

internal sealed class ListDevelopmentActivitiesQueryValidator : AbstractValidator<ListDevelopmentActivitiesQuery>
{
    public ListDevelopmentActivitiesQueryValidator()
    {
        this.IncludePaging();
        RuleFor(q => q.Year).InclusiveBetween(Employee.FirstRatingYear, 2100);
    }
}

internal sealed class ListDevelopmentActivitiesQueryHandler(IApplicationDbContext db)
    : IQueryHandler<ListDevelopmentActivitiesQuery, PagedList<DevelopmentActivityDto>>
{
    public async ValueTask<PagedList<DevelopmentActivityDto>> Handle(ListDevelopmentActivitiesQuery query, CancellationToken cancellationToken)
    {
        if (!await db.Employees.AnyAsync(e => e.Id == query.EmployeeId, cancellationToken))
            throw new NotFoundException("Employee", query.EmployeeId);
        var activities = db.DevelopmentActivities.AsNoTracking().Where(a => a.EmployeeId == query.EmployeeId);
        if (query.Year is { } year)
            activities = activities.Where(a => a.EndDate >= new DateOnly(year, 1, 1) && a.EndDate <= new DateOnly(year, 12, 31));
        var page = await activities.OrderByDescending(a => a.EndDate).ThenByDescending(a => a.Id)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return page.Map(DevelopmentActivityDto.From);
    }
}
