using FluentValidation;
using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Employees;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.DevelopmentActivities.Queries.ListExpiringCertificates;

/// <summary>Certificates that lapse within <see cref="WithinDays"/> days from today (today included), soonest first.</summary>
public sealed record ListExpiringCertificatesQuery(int WithinDays, string? Unit, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<ExpiringCertificateDto>>, IPagedQuery
{
    public const int DefaultWithinDays = 90;
    public const int MaxWithinDays = 3650;
}

public sealed record ExpiringCertificateDto(Guid EmployeeId, string Nip, string Name, string Unit, Guid ActivityId, string Title, string CertificateNumber,
    DateOnly ValidUntil, int DaysLeft);

internal sealed class ListExpiringCertificatesQueryValidator : AbstractValidator<ListExpiringCertificatesQuery>
{
    public ListExpiringCertificatesQueryValidator()
    {
        this.IncludePaging();
        RuleFor(q => q.WithinDays).InclusiveBetween(0, ListExpiringCertificatesQuery.MaxWithinDays);
        RuleFor(q => q.Unit).OptionalText(Employee.UnitMaxLength);
    }
}

internal sealed class ListExpiringCertificatesQueryHandler(IApplicationDbContext db, TimeProvider clock)
    : IQueryHandler<ListExpiringCertificatesQuery, PagedList<ExpiringCertificateDto>>
{
    public async ValueTask<PagedList<ExpiringCertificateDto>> Handle(ListExpiringCertificatesQuery query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var last = today.AddDays(query.WithinDays);
        var certificates =
            from a in db.DevelopmentActivities.AsNoTracking()
            join e in db.Employees.AsNoTracking() on a.EmployeeId equals e.Id
            where a.CertificateNumber != null && a.CertificateValidUntil >= today && a.CertificateValidUntil <= last
                  && (query.Unit == null || e.Unit == query.Unit)
            orderby a.CertificateValidUntil, e.Nip, a.Id
            select new { e.Id, e.Nip, e.Name, e.Unit, ActivityId = a.Id, a.Title, a.CertificateNumber, a.CertificateValidUntil };
        var page = await certificates.ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return page.Map(c => new ExpiringCertificateDto(c.Id, c.Nip.Value, c.Name, c.Unit, c.ActivityId, c.Title, c.CertificateNumber!,
            c.CertificateValidUntil!.Value, c.CertificateValidUntil.Value.DayNumber - today.DayNumber));
    }
}
