using System.Linq.Expressions;
using FluentValidation;

namespace MeritApi.Api.Endpoints.Employees;

/// <summary>The optional position an employee holds, as registration and the import take it: both checked alike.</summary>
internal static class PositionHeldRules
{
    public static void IncludePositionHeld<T>(this AbstractValidator<T> validator, Expression<Func<T, Guid?>> position,
        Expression<Func<T, DateOnly?>> since, DateOnly today)
    {
        var sinceOf = since.Compile();
        validator.RuleFor(position).NotEqual(Guid.Empty).WithMessage("'currentPositionId' is a position's id, not the empty UUID.");
        validator.RuleFor(position).NotNull().When(x => sinceOf(x) is not null)
            .WithMessage("'inPositionSince' needs 'currentPositionId': the date a position was taken up says which position.");
        validator.RuleFor(since).Must(d => d is null || d <= today).WithMessage("'inPositionSince' cannot be after today.");
    }
}
