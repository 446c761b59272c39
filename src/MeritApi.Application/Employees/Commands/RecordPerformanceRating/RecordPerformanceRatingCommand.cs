using System.Text.Json.Serialization;
using Mediator;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Employees;

namespace MeritApi.Application.Employees.Commands.RecordPerformanceRating;

/// <summary>Records (or corrects) the SKP rating of one calendar year.</summary>
public sealed record RecordPerformanceRatingCommand(PerformanceRating? Rating) : ICommand<PerformanceRatingDto>, IAuditedCommand
{
    public static string AuditName => "RecordPerformanceRating";

    [JsonIgnore]
    public Guid EmployeeId { get; init; }

    [JsonIgnore]
    public int Year { get; init; }
}
