using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.AssessingBodies.Commands.RegisterAccreditation;

/// <summary>
/// Adds an accreditation period of an assessing body to the administrator's list (a renewal is another period). A policy with
/// "accredited bodies only" counts an assessment only if its body was accredited on the day it assessed.
/// </summary>
public sealed record RegisterAccreditationCommand(string Name, DateOnly AccreditedFrom, DateOnly? AccreditedUntil)
    : Command<AccreditationDto>, IAuditedCommand
{
    public static string AuditName => "RegisterAccreditation";
}
