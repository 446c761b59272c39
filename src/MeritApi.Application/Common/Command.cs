using System.Text.Json.Serialization;
using Mediator;
using MeritApi.Application.Common.Idempotency;

namespace MeritApi.Application.Common;

/// <summary>
/// Every command of the API. The client's Idempotency-Key travels with the command as message data (the endpoint sets it
/// from the header), so the one transaction owner, <see cref="Behaviours.TransactionBehaviour{TMessage,TResponse}"/>, looks
/// it up and stores the answer in the same transaction as the command's effect.
/// </summary>
public abstract record Command<TResponse> : ICommand<TResponse>, IIdempotentCommand
{
    /// <summary>Not part of what the command asks for: two sends differing only in their key are the same request.</summary>
    [JsonIgnore]
    public IdempotencyKey? IdempotencyKey { get; init; }
}

/// <summary>What the transaction owner reads of a command, whatever its response type.</summary>
public interface IIdempotentCommand
{
    IdempotencyKey? IdempotencyKey { get; }
}
