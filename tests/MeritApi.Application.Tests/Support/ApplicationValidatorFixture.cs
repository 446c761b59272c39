using MeritApi.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MeritApi.Application.Tests.Support;

/// <summary>The application's own validators: its queries' and the commands' rules on values a route supplies.</summary>
public abstract class ApplicationValidatorFixture : ValidatorFixture
{
    protected override void AddValidators(IServiceCollection services) => services.AddApplication();
}
