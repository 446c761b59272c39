using MeritApi.Api.Infrastructure;
using MeritApi.Application;
using MeritApi.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MeritApi.Api.Tests;

/// <summary>The API's request validators, as the host registers them (after the application's, for its name resolver).</summary>
public abstract class RequestValidatorFixture : ValidatorFixture
{
    protected override void AddValidators(IServiceCollection services) => services.AddApplication().AddRequestValidators();
}
