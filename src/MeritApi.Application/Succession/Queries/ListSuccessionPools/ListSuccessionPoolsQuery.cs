using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Succession;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Succession.Queries.ListSuccessionPools;

/// <summary>Pools, newest first; of one target position if asked.</summary>
public sealed record ListSuccessionPoolsQuery(Guid? TargetPositionId, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<SuccessionPoolSummaryDto>>, IPagedQuery;

internal sealed class ListSuccessionPoolsQueryValidator : AbstractValidator<ListSuccessionPoolsQuery>
{
    public ListSuccessionPoolsQueryValidator() => this.IncludePaging();
}

internal sealed class ListSuccessionPoolsQueryHandler(IApplicationDbContext db) : IQueryHandler<ListSuccessionPoolsQuery, PagedList<SuccessionPoolSummaryDto>>
{
    public async ValueTask<PagedList<SuccessionPoolSummaryDto>> Handle(ListSuccessionPoolsQuery query, CancellationToken cancellationToken) =>
        await db.SuccessionPools.AsNoTracking()
            .Where(p => query.TargetPositionId == null || p.TargetPositionId == query.TargetPositionId)
            .OrderByDescending(p => p.FormedAt).ThenBy(p => p.Id)
            .Select(p => new SuccessionPoolSummaryDto(p.Id, p.TargetPositionId, p.TargetPositionCode, p.Reason, p.VacantOn, p.MappingRunId,
                p.MappingRunSequence, p.ReferenceDate, p.PolicyVersion, p.FormedAt, p.Members.Count,
                p.Members.Count(m => m.Status == MemberStatus.Approved)))
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
}
