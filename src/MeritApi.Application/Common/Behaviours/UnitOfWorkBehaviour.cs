using Mediator;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.Common.Behaviours;

/// <summary>
/// Every command runs in one transaction and is saved at the end: it takes effect completely or not at all,
/// together with its audit entry. Queries do not pass through here.
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork, IApplicationDbContext db)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken) =>
        new(unitOfWork.ExecuteAsync(async ct =>
        {
            var response = await next(message, ct);
            await db.SaveChangesAsync(ct);
            return response;
        }, cancellationToken));
}
