using MeritApi.Application.Selections.Commands.EnrolCandidates;

namespace MeritApi.Api.Endpoints.Selections;

/// <summary>The body of <c>POST /api/v1/selections/{id}/candidates</c>; the selection comes from the route.</summary>
public sealed record EnrolCandidatesRequest(IReadOnlyList<Guid>? EmployeeIds)
{
    public EnrolCandidatesCommand ToCommand(Guid selectionId) => new(selectionId, EmployeeIds);
}
