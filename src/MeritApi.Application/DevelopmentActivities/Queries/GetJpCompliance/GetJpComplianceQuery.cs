using FluentValidation;
using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Development;
using MeritApi.Domain.Employees;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.DevelopmentActivities.Queries.GetJpCompliance;

/// <summary>
/// The development hours of a year against PP 11/2017 Art. 203(4): each employee's JP (activities ending that year) judged
/// against the 20 JP minimum of a PNS or the 24 JP cap of a PPPK, rolled up by unit; the employees listed (by NIP, paged) are
/// all, or only those of one <see cref="Standing"/> (who falls short, say). One grouped query for the whole scope.
/// </summary>
public sealed record GetJpComplianceQuery(int Year, string? Unit, JpStanding? Standing, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<JpComplianceDto>, IPagedQuery;

public sealed record EmployeeJpDto(Guid EmployeeId, string Nip, string Name, string Unit, EmploymentType? EmploymentType, decimal Jp, JpStanding Standing,
    decimal Shortfall);

public sealed record UnitJpDto(string Unit, int Employees, decimal TotalJp, decimal AverageJp, int Compliant, int BelowMinimum, int AboveCap,
    int EmploymentTypeUnknown);

public sealed record JpComplianceDto(int Year, decimal PnsMinimumJp, decimal PppkCapJp, IReadOnlyList<UnitJpDto> ByUnit,
    PagedList<EmployeeJpDto> Employees);

internal sealed class GetJpComplianceQueryValidator : AbstractValidator<GetJpComplianceQuery>
{
    public GetJpComplianceQueryValidator(TimeProvider clock)
    {
        this.IncludePaging();
        RuleFor(q => q.Year).InclusiveBetween(Employee.FirstRatingYear, clock.Today().Year);
        RuleFor(q => q.Unit).OptionalText(Employee.UnitMaxLength);
        RuleFor(q => q.Standing).IsInEnum();
    }
}

internal sealed class GetJpComplianceQueryHandler(IApplicationDbContext db) : IQueryHandler<GetJpComplianceQuery, JpComplianceDto>
{
    public async ValueTask<JpComplianceDto> Handle(GetJpComplianceQuery query, CancellationToken cancellationToken)
    {
        var (from, to) = (new DateOnly(query.Year, 1, 1), new DateOnly(query.Year, 12, 31));
        var employees = db.Employees.AsNoTracking();
        if (query.Unit is { } unit)
            employees = employees.Where(e => e.Unit == unit);
        // Every employee in scope, with the JP of the year summed by PostgreSQL (0 without activities): one statement.
        var rows = await employees
            .Select(e => new
            {
                e.Id,
                e.Nip,
                e.Name,
                e.Unit,
                e.EmploymentType,
                Jp = db.DevelopmentActivities.Where(a => a.EmployeeId == e.Id && a.EndDate >= from && a.EndDate <= to).Sum(a => (decimal?)a.Jp) ?? 0m,
            })
            .ToListAsync(cancellationToken);
        var judged = rows.Select(r => new EmployeeJpDto(r.Id, r.Nip.Value, r.Name, r.Unit, r.EmploymentType, r.Jp,
            JpCompliance.Judge(r.EmploymentType, r.Jp), JpCompliance.Shortfall(r.EmploymentType, r.Jp))).ToList();

        var byUnit = judged.GroupBy(e => e.Unit).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new UnitJpDto(g.Key, g.Count(), g.Sum(e => e.Jp),
                Math.Round(g.Average(e => e.Jp), 2, MidpointRounding.ToEven), g.Count(e => e.Standing == JpStanding.Compliant),
                g.Count(e => e.Standing == JpStanding.BelowMinimum), g.Count(e => e.Standing == JpStanding.AboveCap),
                g.Count(e => e.Standing == JpStanding.EmploymentTypeUnknown)))
            .ToList();
        var listed = judged.Where(e => query.Standing is not { } standing || e.Standing == standing)
            .OrderBy(e => e.Nip, StringComparer.Ordinal).ToList();
        var page = new PagedList<EmployeeJpDto>([.. listed.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)], query.Page, query.PageSize,
            listed.Count);
        return new JpComplianceDto(query.Year, JpCompliance.PnsMinimumJp, JpCompliance.PppkCapJp, byUnit, page);
    }
}
