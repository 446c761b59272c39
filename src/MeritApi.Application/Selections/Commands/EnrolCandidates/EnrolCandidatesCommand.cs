using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.Selections.Commands.EnrolCandidates;

/// <summary>Enrols employees as candidates of a selection; each gets a blind candidate code.</summary>
public sealed record EnrolCandidatesCommand(Guid SelectionId, IReadOnlyList<Guid> EmployeeIds) : Command<IReadOnlyList<CandidateDto>>, IAuditedCommand
{
    public static string AuditName => "EnrolCandidates";

    public const int MaxPerRequest = 10_000;
}
