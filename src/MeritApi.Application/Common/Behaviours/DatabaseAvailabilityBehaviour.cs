using Mediator;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.Common.Behaviours;

/// <summary>
/// The outermost behaviour of every message: an unreachable database surfaces as the Application's own
/// <see cref="DatabaseUnavailableException"/>, so the edge maps one type of ours instead of knowing Npgsql's.
/// </summary>
public sealed class DatabaseAvailabilityBehaviour<TMessage, TResponse>(IDatabaseFailures failures) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not (DatabaseUnavailableException or CommitOutcomeUnknownException) && failures.IsUnavailable(ex))
        {
            throw new DatabaseUnavailableException(ex);
        }
    }
}
