using MeritApi.Application.Common;
using MeritApi.Application.Common.Interfaces;

namespace MeritApi.Application.TalentMapping.Commands.RunTalentMapping;

/// <summary>
/// Maps a population onto the nine-box: the whole agency, or <see cref="Units"/>; under <see cref="PolicyVersion"/> (default
/// the newest), judging assessments on <see cref="ReferenceDate"/> (default today) and counting the SKP years up to
/// <see cref="LatestPerformanceYear"/> (default the year before the reference date).
/// </summary>
public sealed record RunTalentMappingCommand(IReadOnlyList<string> Units, int? PolicyVersion, DateOnly? ReferenceDate, int? LatestPerformanceYear)
    : Command<TalentMappingRunDto>, IAuditedCommand
{
    public static string AuditName => "RunTalentMapping";
}
