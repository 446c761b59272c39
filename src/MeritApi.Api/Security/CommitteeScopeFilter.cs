using System.Security.Claims;
using MeritApi.Api.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace MeritApi.Api.Security;

/// <summary>
/// A committee member sees only the selections of their committee: their token lists them in "selection" claims.
/// Another selection answers 403 (the ids are random, so saying "not yours" reveals nothing useful).
/// HR systems and auditors are not scoped.
/// </summary>
public sealed class CommitteeScopeFilter : IEndpointFilter
{
    public const string SelectionRouteValue = "id";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        if (IsScoped(user) && !MaySee(user, context.HttpContext.Request.RouteValues[SelectionRouteValue] as string))
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Type = ProblemTypes.Forbidden,
                Title = "Not this committee's selection",
                Detail = "The token's committee is not assigned to this selection.",
            });
        }
        return await next(context);
    }

    private static bool IsScoped(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Committee) && !user.IsInRole(Roles.Auditor) && !user.IsInRole(Roles.HrSystem);

    private static bool MaySee(ClaimsPrincipal user, string? selectionId) =>
        Guid.TryParse(selectionId, out var id) &&
        user.FindAll(Roles.SelectionClaim).Any(c => Guid.TryParse(c.Value, out var allowed) && allowed == id);
}
