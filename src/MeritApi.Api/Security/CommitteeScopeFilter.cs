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
        if (CommitteeScope.IsScoped(user) && !CommitteeScope.MaySee(user, CommitteeScope.SelectionOf(context.HttpContext)))
            return CommitteeScope.Refusal("The token's committee is not assigned to this selection.");
        return await next(context);
    }
}

/// <summary>Which selections a committee token may see (its "selection" claims); other roles are not scoped.</summary>
public static class CommitteeScope
{
    public static bool IsScoped(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Committee) && !user.IsInRole(Roles.Auditor) && !user.IsInRole(Roles.HrSystem);

    public static bool MaySee(ClaimsPrincipal user, string? selectionId) =>
        Guid.TryParse(selectionId, out var id) &&
        user.FindAll(Roles.SelectionClaim).Any(c => Guid.TryParse(c.Value, out var allowed) && allowed == id);

    /// <summary>The 403 for a selection outside the token's committee.</summary>
    public static IResult Refusal(string detail) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status403Forbidden,
        Type = ProblemTypes.Forbidden,
        Title = "Not this committee's selection",
        Detail = detail,
    });

    /// <summary>The selection a request acts on (its route's selection id), if any.</summary>
    public static string? SelectionOf(HttpContext http) => http.Request.RouteValues[CommitteeScopeFilter.SelectionRouteValue] as string;
}
