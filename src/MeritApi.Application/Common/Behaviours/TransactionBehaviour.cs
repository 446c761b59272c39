using System.Text.Json;
using System.Text.Json.Serialization;
using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Idempotency;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Audit;
using MeritApi.Domain.Rationales;
using Microsoft.Extensions.Options;

namespace MeritApi.Application.Common.Behaviours;

/// <summary>
/// The one transaction owner of every command, and the one place it commits. Inside the unit of work (one transaction,
/// retried from scratch by the execution strategy while the connection fails before the commit):
/// <list type="number">
/// <item>with an Idempotency-Key, its lock and lookup: a stored answer is replayed (or the key's reuse refused) without
/// running anything;</item>
/// <item>the handler, which changes tracked entities and names the records it touched;</item>
/// <item>the stored answer for the key;</item>
/// <item>the one <c>SaveChanges</c>;</item>
/// <item>the audit entry, appended under the trail's lock only now that the effect is flushed, so the lock every command
/// queues on is held for two round trips (the entry and its checkpoint) and the commit;</item>
/// <item>the commit.</item>
/// </list>
/// A command that is not recorded did not happen, and vice versa; a retried attempt starts with an empty audit scope.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(
    IUnitOfWork unitOfWork, IApplicationDbContext db, IAuditTrail trail, IAuditScope audit, IRequestContext request,
    IIdempotencyStore idempotency, IdempotentReplay replay, IOptions<IdempotencyOptions> options, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand, IAuditedCommand, IIdempotentCommand
{
    /// <summary>How a stored answer is kept: the response's own shape, enums by name.</summary>
    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var key = message.IdempotencyKey;
        // The command serialised at most once, and only where it is needed (an import's is megabytes): the request as the
        // command asks for it (route values included, the key excluded), for the key's fingerprint and, where the request
        // had no HTTP body, for the audit entry's body digest.
        string? json = null, fingerprint = null;
        string Json() => json ??= JsonSerializer.Serialize(message);
        string Fingerprint() => fingerprint ??= RationaleSeal.Sha256Hex($"{TMessage.AuditName}\n{Json()}");
        return new(unitOfWork.ExecuteAsync(async ct =>
        {
            audit.Reset();
            var now = clock.GetUtcNow();
            if (key is not null && await idempotency.LockAndFindAsync(key, now, ct) is { } stored)
                return Replay(stored, Fingerprint());

            var response = await next(message, ct);
            if (audit.Touched.Count == 0)
                throw new InvalidOperationException($"{TMessage.AuditName} touched no record: its handler must name what it changed.");
            if (key is not null)
                idempotency.Add(key, new StoredResponse(Fingerprint(), JsonSerializer.Serialize(response, StoredJson), now,
                    now + options.Value.Retention));

            await db.SaveChangesAsync(ct);
            await trail.AppendAsync(new AuditRecord(request.Actor, request.Role, TMessage.AuditName, audit.Touched, request.RequestId,
                request.BodyDigest ?? RationaleSeal.Sha256Hex(Json()), audit.OutcomeDigest), ct);
            return response;
        }, cancellationToken));
    }

    /// <remarks>
    /// A replay is authorized as the original was: the endpoint's authorization and committee scope have already passed for
    /// this request, and a matching fingerprint means the same command on the same records (the selection included).
    /// </remarks>
    private TResponse Replay(StoredResponse stored, string fingerprint)
    {
        if (stored.RequestFingerprint != fingerprint)
            throw new IdempotencyKeyReusedException();
        replay.Mark();
        return JsonSerializer.Deserialize<TResponse>(stored.Response, StoredJson)
               ?? throw new InvalidOperationException("A stored response is never null.");
    }
}
