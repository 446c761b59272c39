using FluentValidation;

namespace MeritApi.Application.Selections.Queries.ExportShortlist;

internal sealed class ExportShortlistQueryValidator : AbstractValidator<ExportShortlistQuery>
{
    public ExportShortlistQueryValidator() => RuleFor(q => q.Top).GreaterThanOrEqualTo(1);
}
