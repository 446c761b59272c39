using FluentValidation;
using MeritApi.Application.Common.Models;

namespace MeritApi.Application.Common.Validation;

public static class PagedQueryRules
{
    /// <summary>The page rules every list query shares.</summary>
    public static void IncludePaging<T>(this AbstractValidator<T> validator) where T : IPagedQuery
    {
        validator.RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        validator.RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
    }
}
