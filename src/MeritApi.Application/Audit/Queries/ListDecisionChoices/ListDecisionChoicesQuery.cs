using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Decisions;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Audit.Queries.ListDecisionChoices;

/// <summary>
/// Every committee choice of one standing outside the top n, across selections, newest first: the reasoned choices
/// (within the best 3n, lawful with a written reason) or the merit deviations (outside the best 3n, flagged).
/// </summary>
public sealed record ListDecisionChoicesQuery(
    ChoiceStanding Standing, DateTimeOffset? From, DateTimeOffset? To, Guid? PositionId, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<DecisionChoiceListingDto>>, IPagedQuery;

public sealed record DecisionChoiceListingDto(
    Guid DecisionId, Guid SelectionId, Guid PositionId, string PositionCode, Guid CandidateId, string CandidateCode, int Rank,
    int Places, ChoiceStanding Standing, bool Flagged, string? Justification, string DecidedBy, DateTimeOffset DecidedAt);

internal sealed class ListDecisionChoicesQueryValidator : AbstractValidator<ListDecisionChoicesQuery>
{
    public ListDecisionChoicesQueryValidator()
    {
        this.IncludePaging();
        RuleFor(q => q.Standing).NotEqual(ChoiceStanding.TopRanked).IsInEnum();
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}

internal sealed class ListDecisionChoicesQueryHandler(IApplicationDbContext db)
    : IQueryHandler<ListDecisionChoicesQuery, PagedList<DecisionChoiceListingDto>>
{
    public async ValueTask<PagedList<DecisionChoiceListingDto>> Handle(ListDecisionChoicesQuery query, CancellationToken cancellationToken)
    {
        // Instants may come in any offset (an auditor in Jakarta writes +07:00); the database compares in UTC.
        var fromUtc = query.From?.ToUniversalTime();
        var toUtc = query.To?.ToUniversalTime();
        var choices =
            from d in db.Decisions.AsNoTracking()
            from c in d.Choices
            join s in db.Selections on d.SelectionId equals s.Id
            join p in db.Positions on s.PositionId equals p.Id
            where c.Standing == query.Standing
                  && (query.PositionId == null || s.PositionId == query.PositionId)
                  && (fromUtc == null || d.DecidedAt >= fromUtc)
                  && (toUtc == null || d.DecidedAt <= toUtc)
            orderby d.DecidedAt descending, c.Rank
            select new DecisionChoiceListingDto(d.Id, d.SelectionId, s.PositionId, p.Code, c.CandidateId, c.CandidateCode, c.Rank, d.Places,
                c.Standing, c.Standing == ChoiceStanding.MeritDeviation, d.Justification, d.DecidedBy, d.DecidedAt);
        return await choices.ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
