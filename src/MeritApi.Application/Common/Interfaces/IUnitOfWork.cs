namespace MeritApi.Application.Common.Interfaces;

/// <summary>Runs one command's work in a single database transaction: all of it is committed, or none.</summary>
public interface IUnitOfWork
{
    Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
