using FluentValidation;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.Employees.Commands.RecordPerformanceRating;
using MeritApi.Domain.Employees;

namespace MeritApi.Api.Endpoints.Employees;

/// <summary>
/// The body of <c>PUT /api/v1/employees/{id}/performance-ratings/{year}</c>; employee and year come from the route (the
/// year's range is the command's rule).
/// </summary>
public sealed record RecordPerformanceRatingRequest(PerformanceRating? Rating)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static RecordPerformanceRatingRequest Example => new(PerformanceRating.VeryGood);

    /// <summary>Only after <see cref="RecordPerformanceRatingRequestValidator"/> has passed.</summary>
    public RecordPerformanceRatingCommand ToCommand(Guid employeeId, int year) => new(employeeId, year, Rating!.Value);
}

internal sealed class RecordPerformanceRatingRequestValidator : AbstractValidator<RecordPerformanceRatingRequest>
{
    public RecordPerformanceRatingRequestValidator() => RuleFor(r => r.Rating).RequiredEnum();
}
