using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Competencies;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Competencies.Queries.ListCompetencies;

/// <summary>The competency dictionary; with <see cref="VocabularyExemptionsOnly"/>, only the approved exceptions (for auditors).</summary>
public sealed record ListCompetenciesQuery(CompetencyCategory? Category, int Page = 1, int PageSize = Paging.DefaultPageSize,
    bool VocabularyExemptionsOnly = false) : IQuery<PagedList<CompetencyDto>>, IPagedQuery;

internal sealed class ListCompetenciesQueryValidator : AbstractValidator<ListCompetenciesQuery>
{
    public ListCompetenciesQueryValidator()
    {
        this.IncludePaging();
        RuleFor(q => q.Category).IsInEnum();
    }
}

internal sealed class ListCompetenciesQueryHandler(IApplicationDbContext db)
    : IQueryHandler<ListCompetenciesQuery, PagedList<CompetencyDto>>
{
    public async ValueTask<PagedList<CompetencyDto>> Handle(ListCompetenciesQuery query, CancellationToken cancellationToken) =>
        await db.Competencies.AsNoTracking()
            .Where(c => query.Category == null || c.Category == query.Category)
            .Where(c => !query.VocabularyExemptionsOnly || c.VocabularyExemption != null)
            .OrderBy(c => c.Category).ThenBy(c => c.Code)
            .Select(c => CompetencyDto.From(c))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
}
