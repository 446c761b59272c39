using FluentValidation;
using FluentValidation.Results;

namespace MeritApi.Application.Common.Exceptions;

/// <summary>
/// Raises the same 400 a validator would, for rules only a handler can check (e.g. an unknown competency code).
/// </summary>
public static class RequestValidation
{
    public static ValidationException Failure(string field, string message) =>
        new([new ValidationFailure(field, message)]);
}
