using FluentValidation;
using MeritApi.Application.Common.Validation;

namespace MeritApi.Application.Selections.Queries.GetShortlist;

internal sealed class GetShortlistQueryValidator : AbstractValidator<GetShortlistQuery>
{
    public GetShortlistQueryValidator()
    {
        this.IncludePaging();
        RuleFor(q => q.Top).GreaterThanOrEqualTo(1);
    }
}
