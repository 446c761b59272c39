using FluentValidation;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.Selections.Commands.OpenSelection;
using MeritApi.Domain.Selections;

namespace MeritApi.Api.Endpoints.Selections;

/// <summary>
/// The body of <c>POST /api/v1/selections</c>. With <c>successionPoolId</c> the selection is the pool's: for its target position
/// (<c>positionId</c> may then be left out), enrolling its approved members.
/// </summary>
public sealed record OpenSelectionRequest(Guid? PositionId, SelectionKind? Kind, int? Places, int? PolicyVersion,
    int? LatestPerformanceYear, string? Reference, Guid? SuccessionPoolId = null)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static OpenSelectionRequest Example => new(new Guid("0196a000-0000-7000-8000-0000000000a1"), SelectionKind.Promotion, 1, null, 2025, "SELEKSI/JPT/2026/01");

    /// <summary>Only after <see cref="OpenSelectionRequestValidator"/> has passed.</summary>
    public OpenSelectionCommand ToCommand() => new(PositionId, Kind!.Value, Places, PolicyVersion, LatestPerformanceYear, Reference, SuccessionPoolId);
}

internal sealed class OpenSelectionRequestValidator : AbstractValidator<OpenSelectionRequest>
{
    public OpenSelectionRequestValidator(TimeProvider clock)
    {
        RuleFor(c => c.PositionId).NotNull().When(c => c.SuccessionPoolId is null).NotEqual(Guid.Empty);
        RuleFor(c => c.SuccessionPoolId).NotEqual(Guid.Empty).WithMessage("'successionPoolId' must be a succession pool's id.");
        RuleFor(c => c.Kind).RequiredEnum();
        RuleFor(c => c.Places).InclusiveBetween(1, Selection.MaxPlaces);
        RuleFor(c => c.PolicyVersion).GreaterThanOrEqualTo(1);
        RuleFor(c => c.LatestPerformanceYear).ValidLatestPerformanceYear(clock);
        RuleFor(c => c.Reference).OptionalText(Selection.ReferenceMaxLength);
    }
}
