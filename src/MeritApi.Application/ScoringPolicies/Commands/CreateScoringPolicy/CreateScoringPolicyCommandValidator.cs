using FluentValidation;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Scoring;

namespace MeritApi.Application.ScoringPolicies.Commands.CreateScoringPolicy;

internal sealed class CreateScoringPolicyCommandValidator : AbstractValidator<CreateScoringPolicyCommand>
{
    public CreateScoringPolicyCommandValidator()
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
    }
}
