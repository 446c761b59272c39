using System.ComponentModel.DataAnnotations;
using MeritApi.Api.Infrastructure;
using MeritApi.Application.DevelopmentNeeds.Queries.GetDevelopmentPlan;
using MeritApi.Application.DevelopmentNeeds.Queries.ListDevelopmentNeeds;
using MeritApi.Application.DevelopmentNeeds.Queries.SummariseDevelopmentNeeds;

namespace MeritApi.Api.Endpoints.DevelopmentNeeds;

/// <summary>
/// The query of the inventory endpoints: whose needs (<see cref="Unit"/>, <see cref="EmployeeId"/>), against which standard
/// (<see cref="TargetPositionId"/>, else each employee's own position), judged on which day (<see cref="AsOf"/>, default
/// today), and as <c>json</c> or <c>csv</c> (the inventory and the plan).
/// </summary>
public sealed record DevelopmentNeedsRequest(string? Unit, Guid? EmployeeId, Guid? TargetPositionId, DateOnly? AsOf,
    [AllowedValues(DevelopmentNeedsRequest.Json, DevelopmentNeedsRequest.Csv)] string? Format) : IQueryRequest<DevelopmentNeedsRequest>
{
    public const string Json = "json", Csv = "csv";

    public static DevelopmentNeedsRequest Read(QueryReader query) => new(query.Text(nameof(Unit)), query.Id(nameof(EmployeeId)),
        query.Id(nameof(TargetPositionId)), query.Date(nameof(AsOf)), query.OneOf(nameof(Format), Json, Csv));

    public ListDevelopmentNeedsQuery ToList() => new(Unit, EmployeeId, TargetPositionId, AsOf);

    public SummariseDevelopmentNeedsQuery ToSummary() => new(Unit, TargetPositionId, AsOf);

    public GetDevelopmentPlanQuery ToPlan() => new(Unit, TargetPositionId, AsOf);
}
