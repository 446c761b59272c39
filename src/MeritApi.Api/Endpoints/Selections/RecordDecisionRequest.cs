using FluentValidation;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.Selections.Commands.RecordDecision;
using MeritApi.Domain.Decisions;
using MeritApi.Domain.Selections;

namespace MeritApi.Api.Endpoints.Selections;

/// <summary>The body of <c>POST /api/v1/selections/{id}/decision</c>; the selection comes from the route.</summary>
public sealed record RecordDecisionRequest(Guid? ScoringRunId, IReadOnlyList<Guid>? CandidateIds, string? Justification)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static RecordDecisionRequest Example => new(new Guid("0196a000-0000-7000-8000-0000000000b1"), [new Guid("0196a000-0000-7000-8000-0000000000c1")], null);

    /// <summary>Only after <see cref="RecordDecisionRequestValidator"/> has passed.</summary>
    public RecordDecisionCommand ToCommand(Guid selectionId) => new(selectionId, ScoringRunId!.Value, CandidateIds!, Justification);
}

internal sealed class RecordDecisionRequestValidator : AbstractValidator<RecordDecisionRequest>
{
    public RecordDecisionRequestValidator()
    {
        RuleFor(c => c.ScoringRunId).NotEmpty().WithMessage("'scoringRunId' must name the scoring run the committee reviewed.");
        RuleFor(c => c.CandidateIds).NotEmpty()
            .Must(ids => ids is null || ids.Count <= Selection.MaxPlaces).WithMessage($"At most {Selection.MaxPlaces} candidates can be chosen.")
            .Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Each candidate can be chosen only once.");
        RuleForEach(c => c.CandidateIds).NotEmpty();
        RuleFor(c => c.Justification).OptionalProse(SelectionDecision.JustificationMaxLength);
    }
}
