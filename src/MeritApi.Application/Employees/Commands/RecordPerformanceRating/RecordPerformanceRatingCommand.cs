using System.Text.Json.Serialization;
using Mediator;
using MeritApi.Domain.Employees;

namespace MeritApi.Application.Employees.Commands.RecordPerformanceRating;

/// <summary>Records (or corrects) the SKP rating of one calendar year.</summary>
public sealed record RecordPerformanceRatingCommand(PerformanceRating? Rating) : ICommand<PerformanceRatingDto>
{
    [JsonIgnore]
    public Guid EmployeeId { get; init; }

    [JsonIgnore]
    public int Year { get; init; }
}
