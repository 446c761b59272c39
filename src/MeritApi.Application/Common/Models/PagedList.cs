using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Common.Models;

/// <summary>One page of a list, with what a client needs to fetch the others.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

    /// <summary>The same page with each item mapped (for entities loaded whole and mapped in memory).</summary>
    public PagedList<TOut> Map<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Page, PageSize, TotalCount);
}

/// <summary>Queries that return a <see cref="PagedList{T}"/> take their page the same way.</summary>
public interface IPagedQuery
{
    int Page { get; }
    int PageSize { get; }
}

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static async Task<PagedList<T>> ToPagedListAsync<T>(this IQueryable<T> ordered, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        // A first page that is not full is the whole list: no need to count (the usual case for top-N shortlists).
        var total = page == 1 && items.Count < pageSize ? items.Count : await ordered.CountAsync(cancellationToken);
        return new PagedList<T>(items, page, pageSize, total);
    }
}
