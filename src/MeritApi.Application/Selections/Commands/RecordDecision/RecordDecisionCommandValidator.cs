using FluentValidation;
using MeritApi.Domain.Decisions;
using MeritApi.Domain.Selections;

namespace MeritApi.Application.Selections.Commands.RecordDecision;

internal sealed class RecordDecisionCommandValidator : AbstractValidator<RecordDecisionCommand>
{
    public RecordDecisionCommandValidator()
    {
        RuleFor(c => c.ScoringRunId).NotEmpty().WithMessage("'scoringRunId' must name the scoring run the committee reviewed.");
        RuleFor(c => c.CandidateIds).NotEmpty()
            .Must(ids => ids is null || ids.Count <= Selection.MaxPlaces).WithMessage($"At most {Selection.MaxPlaces} candidates can be chosen.")
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Each candidate can be chosen only once.");
        RuleForEach(c => c.CandidateIds).NotEmpty();
        // A justification is prose: line breaks and tabs are fine, other control characters are not.
        RuleFor(c => c.Justification).MaximumLength(SelectionDecision.JustificationMaxLength)
            .Must(j => j is null || !j.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')))
            .WithMessage("'justification' must not contain control characters.");
    }
}
