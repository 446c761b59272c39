using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Application.Common.Models;
using MeritApi.Application.Common.Validation;
using MeritApi.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Audit.Queries.ListAuditEntries;

/// <summary>The audit trail in sequence order, optionally only what touched a selection, one actor's, or a time range.</summary>
public sealed record ListAuditEntriesQuery(
    Guid? SelectionId, string? Actor, DateTimeOffset? From, DateTimeOffset? To, int Page = 1, int PageSize = Paging.DefaultPageSize)
    : IQuery<PagedList<AuditEntryDto>>, IPagedQuery;

/// <summary>An audit entry; in a decision file with <see cref="InclusionProof"/>, its proof against the file's checkpoint.</summary>
public sealed record AuditEntryDto(
    long Sequence, DateTimeOffset OccurredAt, string Actor, string Role, string Command, IReadOnlyList<Guid> TouchedIds,
    string RequestId, string BodyDigest, string? OutcomeDigest, string PreviousHash, string Hash, string Scheme,
    InclusionProof? InclusionProof = null)
{
    public static AuditEntryDto From(AuditEntry e) => new(e.Sequence, e.OccurredAt, e.Actor, e.Role, e.Command, e.TouchedIds,
        e.RequestId, e.BodyDigest, e.OutcomeDigest, e.PreviousHash, e.Hash, e.Scheme);
}

internal sealed class ListAuditEntriesQueryValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public ListAuditEntriesQueryValidator()
    {
        this.IncludePaging();
        RuleFor(q => q.Actor).OptionalText(200);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null);
    }
}

internal sealed class ListAuditEntriesQueryHandler(IApplicationDbContext db) : IQueryHandler<ListAuditEntriesQuery, PagedList<AuditEntryDto>>
{
    public async ValueTask<PagedList<AuditEntryDto>> Handle(ListAuditEntriesQuery query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (query.SelectionId is { } selectionId)
            entries = entries.Where(e => e.TouchedIds.Contains(selectionId));
        if (query.Actor is not null)
            entries = entries.Where(e => e.Actor == query.Actor);
        // Instants may come in any offset (an auditor in Jakarta writes +07:00); the database compares in UTC.
        if (query.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            entries = entries.Where(e => e.OccurredAt >= fromUtc);
        }
        if (query.To is { } to)
        {
            var toUtc = to.ToUniversalTime();
            entries = entries.Where(e => e.OccurredAt <= toUtc);
        }
        var page = await entries.OrderBy(e => e.Sequence).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        return page.Map(AuditEntryDto.From);
    }
}

/// <summary>RFC 9162 §2.1.3: the entry is leaf <see cref="LeafIndex"/> of the tree of <see cref="TreeSize"/>; hashes base64.</summary>
public sealed record InclusionProof(long LeafIndex, long TreeSize, string LeafHash, IReadOnlyList<string> Proof);
