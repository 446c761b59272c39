using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.TalentMapping;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.TalentMapping;

public sealed record TalentMappingRunDto(Guid Id, int Sequence, int PolicyVersion, DateOnly ReferenceDate, int LatestPerformanceYear,
    IReadOnlyList<string> Units, DateTimeOffset MappedAt, int PlacedCount, int UnplacedCount, int TalentPoolCount, string ResultsDigest,
    string SealScheme)
{
    public static TalentMappingRunDto From(TalentMappingRun run) => new(run.Id, run.Sequence, run.PolicyVersion, run.ReferenceDate,
        run.LatestPerformanceYear, run.Units, run.MappedAt, run.PlacedCount, run.UnplacedCount, run.TalentPoolCount,
        run.ResultsDigest, run.SealScheme);
}

/// <summary>How many of a run (or of one unit) stand in a box, with what the box means and its follow-up.</summary>
public sealed record BoxCount(int Box, string Meaning, string FollowUp, bool TalentPool, int Count)
{
    public static IReadOnlyList<BoxCount> AllBoxes(IReadOnlyDictionary<int, int> counts) =>
        [.. Enumerable.Range(1, 9).Reverse().Select(n =>
        {
            var box = TalentBox.FromNumber(n);
            return new BoxCount(n, box.Meaning, box.FollowUp, box.InTalentPool, counts.GetValueOrDefault(n));
        })];
}

public sealed record UnitDistribution(string Unit, int Placed, int Unplaced, int TalentPool, IReadOnlyList<BoxCount> Boxes);

/// <summary>A run with its distribution: per box, and per unit and box.</summary>
public sealed record TalentMappingRunDistributionDto(TalentMappingRunDto Run, IReadOnlyList<BoxCount> Boxes, IReadOnlyList<UnitDistribution> ByUnit);

public sealed record MappingPlacementDto(Guid EmployeeId, string Nip, string Name, string Unit, Guid PositionId, string PositionCode, decimal Jpm,
    JpmBand JpmBand, decimal PerformanceScore, decimal Total, int TalentBox, bool InTalentPool);

/// <summary>
/// A run's placements with who each is, as the list and the export read them: the columns only (never the rationale), the
/// NIP turned into text after the query.
/// </summary>
internal sealed record PlacementRow
{
    public required Guid EmployeeId { get; init; }
    public required Nip Nip { get; init; }
    public required string Name { get; init; }
    public required string Unit { get; init; }
    public required Guid PositionId { get; init; }
    public required string PositionCode { get; init; }
    public required decimal Jpm { get; init; }
    public required JpmBand JpmBand { get; init; }
    public required decimal PerformanceScore { get; init; }
    public required decimal Total { get; init; }
    public required int TalentBox { get; init; }
    public required bool InTalentPool { get; init; }

    public static IQueryable<PlacementRow> Of(IApplicationDbContext db, Guid runId, string? unit) =>
        from p in db.MappingPlacements.AsNoTracking()
        join e in db.Employees.AsNoTracking() on p.EmployeeId equals e.Id
        where p.MappingRunId == runId && (unit == null || p.Unit == unit)
        select new PlacementRow
        {
            EmployeeId = p.EmployeeId,
            Nip = e.Nip,
            Name = e.Name,
            Unit = p.Unit,
            PositionId = p.PositionId,
            PositionCode = p.PositionCode,
            Jpm = p.Jpm,
            JpmBand = p.JpmBand,
            PerformanceScore = p.PerformanceScore,
            Total = p.Total,
            TalentBox = p.TalentBox,
            InTalentPool = p.InTalentPool,
        };

    public MappingPlacementDto ToDto() =>
        new(EmployeeId, Nip.Value, Name, Unit, PositionId, PositionCode, Jpm, JpmBand, PerformanceScore, Total, TalentBox, InTalentPool);
}

public sealed record MappingPlacementDetailDto(MappingPlacementDto Placement, MappingRationale Rationale);

public sealed record UnplacedEmployeeDto(Guid EmployeeId, string Nip, string Name, string Unit, IReadOnlyList<UnplacedDetail> Reasons);

/// <summary>The stored seal of a placement, a column of its own beside the one inside the rationale.</summary>
public static class MappingPlacementColumns
{
    public const string StoredSeal = "StoredSeal";
}
