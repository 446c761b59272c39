using System.Text.Json;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Audit;
using MeritApi.Domain.Rationales;

namespace MeritApi.Application.Common.Behaviours;

/// <summary>
/// Every command appends one audit entry (who, role, what, which records, request id, body digest) in the same
/// transaction as its effect: a command that is not recorded did not happen, and vice versa.
/// </summary>
public sealed class AuditBehaviour<TMessage, TResponse>(
    IApplicationDbContext db, IAuditTrail trail, IAuditScope audit, IRequestContext request)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand, IAuditedCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        // A unit of work retried after a lost connection runs this again from the start: only the last attempt's
        // records are the ones that exist.
        audit.Reset();
        var response = await next(message, cancellationToken);
        if (audit.Touched.Count == 0)
            throw new InvalidOperationException($"{TMessage.AuditName} touched no record: its handler must name what it changed.");
        await db.SaveChangesAsync(cancellationToken);

        await trail.AppendAsync(new AuditRecord(
            request.Actor,
            request.Role,
            TMessage.AuditName,
            audit.Touched,
            request.RequestId,
            request.BodyDigest ?? RationaleSeal.Sha256Hex(JsonSerializer.Serialize(message)),
            audit.OutcomeDigest), cancellationToken);
        return response;
    }
}
