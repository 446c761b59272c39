using FluentValidation;
using MeritApi.Application.Selections.Commands.EnrolCandidates;

namespace MeritApi.Api.Endpoints.Selections;

/// <summary>The body of <c>POST /api/v1/selections/{id}/candidates</c>; the selection comes from the route.</summary>
public sealed record EnrolCandidatesRequest(IReadOnlyList<Guid>? EmployeeIds)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static EnrolCandidatesRequest Example => new([new Guid("0196a000-0000-7000-8000-0000000000e1"), new Guid("0196a000-0000-7000-8000-0000000000e2")]);

    /// <summary>Only after <see cref="EnrolCandidatesRequestValidator"/> has passed.</summary>
    public EnrolCandidatesCommand ToCommand(Guid selectionId) => new(selectionId, EmployeeIds!);
}

internal sealed class EnrolCandidatesRequestValidator : AbstractValidator<EnrolCandidatesRequest>
{
    public EnrolCandidatesRequestValidator()
    {
        RuleFor(c => c.EmployeeIds).NotEmpty()
            .Must(ids => ids is null || ids.Count <= EnrolCandidatesCommand.MaxPerRequest)
            .WithMessage($"At most {EnrolCandidatesCommand.MaxPerRequest} employees can be enrolled per request.")
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count)
            .WithMessage("Each employee can be enrolled only once.");
        RuleForEach(c => c.EmployeeIds).NotEmpty();
    }
}
