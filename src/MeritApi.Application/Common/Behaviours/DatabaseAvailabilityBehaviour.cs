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
        catch (Exception ex) when (!CarriesItsOwnVerdict(ex) && failures.IsUnavailable(ex))
        {
            throw new DatabaseUnavailableException(ex);
        }
    }

    /// <summary>
    /// The Domain's and the Application's exceptions already say what happened (a conflict translated from a deadlock
    /// keeps the deadlock as its inner exception, and is still a 409); only Infrastructure's and libraries' are classified.
    /// </summary>
    private static bool CarriesItsOwnVerdict(Exception exception) =>
        exception is FluentValidation.ValidationException ||
        exception.GetType().Assembly == typeof(Domain.Common.DomainException).Assembly ||
        exception.GetType().Assembly == typeof(DatabaseUnavailableException).Assembly;
}
