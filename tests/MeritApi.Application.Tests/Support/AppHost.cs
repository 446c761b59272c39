using Mediator;
using MeritApi.Infrastructure;
using MeritApi.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MeritApi.Application.Tests.Support;

/// <summary>
/// The application as the API composes it (AddApplication + AddInfrastructure on a real PostgreSQL), with a
/// controllable clock. Every message is sent in its own DI scope, as one HTTP request would be.
/// </summary>
public sealed class AppHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public AppHost(string connectionString, TestClock? clock = null, Action<IServiceCollection>? configure = null)
    {
        Clock = clock ?? new TestClock();
        var services = new ServiceCollection();
        // Registered before AddApplication, whose TryAddSingleton then keeps this one.
        services.AddSingleton<TimeProvider>(Clock);
        services.AddLogging().AddApplication().AddInfrastructure(connectionString, TestLogKey.Options);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public TestClock Clock { get; }

    public IServiceProvider Services => _services;

    public async Task<TResponse> Send<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public async Task<TResponse> Send<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
