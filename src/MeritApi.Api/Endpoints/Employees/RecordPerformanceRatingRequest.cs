using MeritApi.Application.Employees.Commands.RecordPerformanceRating;
using MeritApi.Domain.Employees;

namespace MeritApi.Api.Endpoints.Employees;

/// <summary>The body of <c>PUT /api/v1/employees/{id}/performance-ratings/{year}</c>; employee and year come from the route.</summary>
public sealed record RecordPerformanceRatingRequest(PerformanceRating? Rating)
{
    public RecordPerformanceRatingCommand ToCommand(Guid employeeId, int year) => new(employeeId, year, Rating);
}
