using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace MeritApi.Testing;

/// <summary>
/// Validators as the host registers them (<see cref="AddValidators"/>: the application's, which also installs the camelCase
/// property-name resolver, and where tested the API's request validators), with a fixed clock. Pure: no database.
/// </summary>
public abstract class ValidatorFixture
{
    private ServiceProvider? _services;

    protected TestClock Clock { get; } = new();

    [OneTimeSetUp]
    public void BuildContainer()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        AddValidators(services);
        _services = services.BuildServiceProvider();
    }

    /// <summary>Registers the validators under test, as the host does.</summary>
    protected abstract void AddValidators(IServiceCollection services);

    [OneTimeTearDown]
    public void DisposeContainer() => _services?.Dispose();

    /// <summary>Runs the single validator registered for the message's type.</summary>
    protected ValidationResult Validate(object message)
    {
        using var scope = _services!.CreateScope();
        var validatorType = typeof(IValidator<>).MakeGenericType(message.GetType());
        var validators = scope.ServiceProvider.GetServices(validatorType).Cast<IValidator>().ToList();
        Assert.That(validators, Has.Count.EqualTo(1), $"validators registered for {message.GetType().Name}");
        return validators[0].Validate(new ValidationContext<object>(message));
    }

    protected void AssertValid(object message)
    {
        var result = Validate(message);
        Assert.That(result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"), Is.Empty);
    }

    /// <summary>The message fails on exactly these JSON paths (no more, no fewer).</summary>
    protected ValidationResult AssertInvalid(object message, params string[] propertyNames)
    {
        var result = Validate(message);
        Assert.That(result.Errors.Select(e => e.PropertyName).Distinct(), Is.EquivalentTo(propertyNames),
            string.Join("; ", result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}")));
        return result;
    }
}
