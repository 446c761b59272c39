using System.Reflection;
using FluentValidation;

namespace MeritApi.Api.Infrastructure;

/// <summary>
/// The edge's validation: every request record with a validator (<c>Endpoints/&lt;Resource&gt;/&lt;Name&gt;RequestValidator</c>)
/// is checked before its endpoint builds a command, and every failure of the record is reported at once by its JSON path
/// (FluentValidation's <see cref="ValidationException"/>, answered 400). Past this point a command carries only values its
/// domain types accept: a <c>Nip</c>, a <c>Grade</c>, required fields present.
/// </summary>
public static class RequestValidation
{
    public static IServiceCollection AddRequestValidators(this IServiceCollection services) =>
        services.AddValidatorsFromAssembly(Assembly.GetExecutingAssembly(), includeInternalTypes: true);

    /// <summary>Validates the endpoint's validated parameters; endpoints without any get no filter at all.</summary>
    public static TBuilder ValidateRequests<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var registered = factory.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
            var validated = factory.MethodInfo.GetParameters()
                .Select((parameter, index) => (Index: index, Validator: typeof(IValidator<>).MakeGenericType(parameter.ParameterType)))
                .Where(p => registered.IsService(p.Validator))
                .ToArray();
            if (validated.Length == 0)
                return next;
            return async context =>
            {
                foreach (var (index, validatorType) in validated)
                {
                    if (context.Arguments[index] is not { } argument)
                        continue;
                    var validator = (IValidator)context.HttpContext.RequestServices.GetRequiredService(validatorType);
                    var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
                    if (!result.IsValid)
                        throw new ValidationException(result.Errors);
                }
                return await next(context);
            };
        });
}
