using MeritApi.Api.Infrastructure;
using MeritApi.Application.DevelopmentActivities.Queries.GetJpCompliance;
using MeritApi.Application.DevelopmentActivities.Queries.ListDevelopmentActivities;
using MeritApi.Application.DevelopmentActivities.Queries.ListExpiringCertificates;
using MeritApi.Domain.Development;

namespace MeritApi.Api.Endpoints.DevelopmentActivities;

/// <summary>The query of <c>GET /api/v1/employees/{id}/development-activities</c>.</summary>
public sealed record ListDevelopmentActivitiesRequest(int? Year, int Page, int PageSize) : IQueryRequest<ListDevelopmentActivitiesRequest>
{
    public static ListDevelopmentActivitiesRequest Read(QueryReader query) => new(query.Number(nameof(Year)), query.Page(), query.PageSize());

    public ListDevelopmentActivitiesQuery ToQuery(Guid employeeId) => new(employeeId, Year, Page, PageSize);
}

/// <summary>The query of <c>GET /api/v1/development-compliance</c>: the year (default: the current one), a unit, a standing.</summary>
public sealed record JpComplianceRequest(int? Year, string? Unit, JpStanding? Standing, int Page, int PageSize) : IQueryRequest<JpComplianceRequest>
{
    public static JpComplianceRequest Read(QueryReader query) => new(query.Number(nameof(Year)), query.Text(nameof(Unit)),
        query.Enum<JpStanding>(nameof(Standing)), query.Page(), query.PageSize());

    public GetJpComplianceQuery ToQuery(int currentYear) => new(Year ?? currentYear, Unit, Standing, Page, PageSize);
}

/// <summary>The query of <c>GET /api/v1/development-activities/certificates/expiring</c>.</summary>
public sealed record ExpiringCertificatesRequest(int? WithinDays, string? Unit, int Page, int PageSize) : IQueryRequest<ExpiringCertificatesRequest>
{
    public static ExpiringCertificatesRequest Read(QueryReader query) =>
        new(query.Number(nameof(WithinDays)), query.Text(nameof(Unit)), query.Page(), query.PageSize());

    public ListExpiringCertificatesQuery ToQuery() =>
        new(WithinDays ?? ListExpiringCertificatesQuery.DefaultWithinDays, Unit, Page, PageSize);
}
