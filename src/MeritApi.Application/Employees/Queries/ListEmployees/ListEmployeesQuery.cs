using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Employees;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Employees.Queries.ListEmployees;

/// <summary>Employees by NIP order, optionally only the one with a given NIP or those of one unit.</summary>
public sealed record ListEmployeesQuery(string? Nip, string? Unit, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<EmployeeDto>>, IPagedQuery;

internal sealed class ListEmployeesQueryValidator : AbstractValidator<ListEmployeesQuery>
{
    public ListEmployeesQueryValidator()
    {
        this.IncludePaging();
        RuleFor(q => q.Nip).Must(n => n is null || Nip.IsValid(n)).WithMessage("A NIP has exactly 18 digits.");
        RuleFor(q => q.Unit).OptionalText(Employee.UnitMaxLength);
    }
}

internal sealed class ListEmployeesQueryHandler(IApplicationDbContext db) : IQueryHandler<ListEmployeesQuery, PagedList<EmployeeDto>>
{
    public async ValueTask<PagedList<EmployeeDto>> Handle(ListEmployeesQuery query, CancellationToken cancellationToken)
    {
        var employees = db.Employees.AsNoTracking();
        if (query.Nip is not null)
        {
            var nip = Nip.Parse(query.Nip);
            employees = employees.Where(e => e.Nip == nip);
        }
        if (query.Unit is not null)
            employees = employees.Where(e => e.Unit == query.Unit);
        var page = await employees.OrderBy(e => e.Nip).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return page.Map(EmployeeDto.From);
    }
}
