using MeritApi.Api.Infrastructure;
using MeritApi.Application.Employees.Queries.ListEmployees;

namespace MeritApi.Api.Endpoints.Employees;

/// <summary>The query of <c>GET /api/v1/employees</c>.</summary>
public sealed record ListEmployeesRequest(string? Nip, string? Unit, int Page, int PageSize) : IQueryRequest<ListEmployeesRequest>
{
    public static ListEmployeesRequest Read(QueryReader query) =>
        new(query.Text(nameof(Nip)), query.Text(nameof(Unit)), query.Page(), query.PageSize());

    public ListEmployeesQuery ToQuery() => new(Nip, Unit, Page, PageSize);
}
