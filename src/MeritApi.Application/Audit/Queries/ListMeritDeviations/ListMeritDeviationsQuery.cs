using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Decisions;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Audit.Queries.ListMeritDeviations;

/// <summary>
/// Every committee choice of someone outside the top n, across selections, newest first: those within the best 3n
/// (lawful, with a written reason) and, flagged, those outside them.
/// </summary>
public sealed record ListMeritDeviationsQuery(
    DateTimeOffset? From, DateTimeOffset? To, Guid? PositionId, bool FlaggedOnly = false, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<MeritDeviationDto>>, IPagedQuery;

public sealed record MeritDeviationDto(
    Guid DecisionId, Guid SelectionId, Guid PositionId, string PositionCode, Guid CandidateId, string CandidateCode, int Rank,
    int Places, ChoiceStanding Standing, bool Flagged, string? Justification, string DecidedBy, DateTimeOffset DecidedAt);

internal sealed class ListMeritDeviationsQueryValidator : AbstractValidator<ListMeritDeviationsQuery>
{
    public ListMeritDeviationsQueryValidator()
    {
        this.IncludePaging();
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}

internal sealed class ListMeritDeviationsQueryHandler(IApplicationDbContext db)
    : IQueryHandler<ListMeritDeviationsQuery, PagedList<MeritDeviationDto>>
{
    public async ValueTask<PagedList<MeritDeviationDto>> Handle(ListMeritDeviationsQuery query, CancellationToken cancellationToken)
    {
        // Instants may come in any offset (an auditor in Jakarta writes +07:00); the database compares in UTC.
        var fromUtc = query.From?.ToUniversalTime();
        var toUtc = query.To?.ToUniversalTime();
        var deviations =
            from d in db.Decisions.AsNoTracking()
            from c in d.Choices
            join s in db.Selections on d.SelectionId equals s.Id
            join p in db.Positions on s.PositionId equals p.Id
            where c.Standing != ChoiceStanding.TopRanked
                  && (!query.FlaggedOnly || c.Standing == ChoiceStanding.OutsideBestThree)
                  && (query.PositionId == null || s.PositionId == query.PositionId)
                  && (fromUtc == null || d.DecidedAt >= fromUtc)
                  && (toUtc == null || d.DecidedAt <= toUtc)
            orderby d.DecidedAt descending, c.Rank
            select new MeritDeviationDto(d.Id, d.SelectionId, s.PositionId, p.Code, c.CandidateId, c.CandidateCode, c.Rank, d.Places,
                c.Standing, c.Standing == ChoiceStanding.OutsideBestThree, d.Justification, d.DecidedBy, d.DecidedAt);
        return await deviations.ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
    }
}
