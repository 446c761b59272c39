using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Competencies;

namespace MeritApi.Application.Competencies.Commands.RegisterCompetency;

/// <summary>
/// Adds a competency to the dictionary (usually a technical one from the agency's own dictionary). A competency whose code,
/// name or description uses non-merit vocabulary is refused, unless an administrator sends a <see cref="Justification"/>
/// saying why the term names a skill (e.g. "penyuluhan agama", religious counselling); that exception is audited and
/// listed for auditors.
/// </summary>
public sealed record RegisterCompetencyCommand(string Code, string Name, CompetencyCategory Category, string? Description,
    string? Justification = null) : Command<CompetencyDto>, IAuditedCommand
{
    public static string AuditName => "RegisterCompetency";
}
