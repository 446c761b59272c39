using FluentValidation;
using MeritApi.Application.Common.Validation;
using MeritApi.Application.ScoringPolicies.Commands.CreateScoringPolicy;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;

namespace MeritApi.Api.Endpoints.ScoringPolicies;

/// <summary>The body of <c>POST /api/v1/scoring-policies</c>.</summary>
public sealed record CreateScoringPolicyRequest(decimal? CompetenceWeight, decimal? PerformanceWeight,
    IReadOnlyList<decimal>? PerformanceYearWeights, JpmBandSet? BandSet, PerformanceRating? MinimumRating, string? Description,
    decimal? NearTieThreshold = null, int? AssessmentValidityYears = null, bool? AccreditedBodiesOnly = null)
{
    /// <summary>The example body of the OpenAPI document.</summary>
    public static CreateScoringPolicyRequest Example => new(0.6m, 0.4m, [0.6m, 0.4m], JpmBandSet.Filling, PerformanceRating.Good, "Promosi JPT 2026: kompetensi 60 %, kinerja 40 %", 0.5m,
        AssessmentValidityRule.DefaultValidityYears, true);

    /// <summary>Only after <see cref="CreateScoringPolicyRequestValidator"/> has passed.</summary>
    public CreateScoringPolicyCommand ToCommand() =>
        new(CompetenceWeight!.Value, PerformanceWeight!.Value, PerformanceYearWeights!, BandSet!.Value, MinimumRating!.Value, Description,
            NearTieThreshold ?? RankRobustness.DefaultNearTieThreshold,
            AssessmentValidityYears is { } years ? new AssessmentValidityRule(years, AccreditedBodiesOnly ?? false) : null);
}

internal sealed class CreateScoringPolicyRequestValidator : AbstractValidator<CreateScoringPolicyRequest>
{
    public CreateScoringPolicyRequestValidator()
    {
        RuleFor(c => c.CompetenceWeight).NotNull().InclusiveBetween(0m, 1m).PrecisionScale(4, 3, true);
        RuleFor(c => c.PerformanceWeight).NotNull().InclusiveBetween(0m, 1m).PrecisionScale(4, 3, true);
        RuleFor(c => c).Must(c => c.CompetenceWeight + c.PerformanceWeight == 1m)
            .When(c => c.CompetenceWeight is not null && c.PerformanceWeight is not null)
            .WithName("performanceWeight").WithMessage("'competenceWeight' and 'performanceWeight' must add up to 1.");
        RuleFor(c => c.PerformanceYearWeights).NotEmpty()
            .Must(w => w is null || w.Count <= ScoringPolicy.MaxCountedYears)
            .WithMessage($"At most {ScoringPolicy.MaxCountedYears} performance years can be counted.")
            .Must(w => w is null || w.Count == 0 || w.Sum() == 1m).WithMessage("'performanceYearWeights' must add up to 1.");
        RuleForEach(c => c.PerformanceYearWeights).GreaterThan(0m).LessThanOrEqualTo(1m).PrecisionScale(4, 3, true);
        RuleFor(c => c.BandSet).RequiredEnum();
        RuleFor(c => c.MinimumRating).RequiredEnum();
        RuleFor(c => c.Description).OptionalText(ScoringPolicy.DescriptionMaxLength);
        RuleFor(c => c.NearTieThreshold).InclusiveBetween(0m, ScoringPolicy.MaxNearTieThreshold).PrecisionScale(4, 2, true);
        RuleFor(c => c.AssessmentValidityYears).InclusiveBetween(1, AssessmentValidityRule.MaxValidityYears);
        RuleFor(c => c.AccreditedBodiesOnly).Must(only => only != true).When(c => c.AssessmentValidityYears is null)
            .WithMessage("'accreditedBodiesOnly' needs 'assessmentValidityYears': accreditation is part of the validity rule.");
    }
}
