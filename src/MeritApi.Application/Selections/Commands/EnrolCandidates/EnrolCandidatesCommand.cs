using System.Text.Json.Serialization;
using Mediator;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.Selections.Commands.EnrolCandidates;

/// <summary>Enrols employees as candidates of a selection; each gets a blind candidate code.</summary>
public sealed record EnrolCandidatesCommand(IReadOnlyList<Guid>? EmployeeIds) : ICommand<IReadOnlyList<CandidateDto>>, IAuditedCommand
{
    public static string AuditName => "EnrolCandidates";

    public const int MaxPerRequest = 10_000;

    [JsonIgnore]
    public Guid SelectionId { get; init; }
}
