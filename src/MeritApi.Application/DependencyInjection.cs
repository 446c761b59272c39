using System.Reflection;
using FluentValidation;
using Mediator;
using MeritApi.Application.Common.Behaviours;
using MeritApi.Application.Common.Idempotency;
using MeritApi.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeritApi.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Error keys and messages use the JSON field names clients send ("standard[0].requiredLevel").
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonName(member);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : JsonName(member);

        services.AddValidatorsFromAssembly(Assembly.GetExecutingAssembly(), includeInternalTypes: true);
        services.AddMediator((MediatorOptions options) =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // Outermost first: database unavailability as our own exception; refuse invalid input before a transaction
            // opens; then the one transaction owner of commands.
            options.PipelineBehaviors = [typeof(DatabaseAvailabilityBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(TransactionBehaviour<,>)];
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IRequestContext, SystemRequestContext>();
        services.AddScoped<IAuditScope, AuditScope>();
        services.AddScoped<IdempotentReplay>();
        return services;
    }

    private static string JsonName(MemberInfo member) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
}
