using FluentValidation;

namespace MeritApi.Application.Selections.Commands.EnrolCandidates;

internal sealed class EnrolCandidatesCommandValidator : AbstractValidator<EnrolCandidatesCommand>
{
    public EnrolCandidatesCommandValidator()
    {
        RuleFor(c => c.EmployeeIds).NotEmpty()
            .Must(ids => ids is null || ids.Count <= EnrolCandidatesCommand.MaxPerRequest)
            .WithMessage($"At most {EnrolCandidatesCommand.MaxPerRequest} employees can be enrolled per request.")
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count)
            .WithMessage("Each employee can be enrolled only once.");
        RuleForEach(c => c.EmployeeIds).NotEmpty();
    }
}
