namespace MeritApi.Domain.Employees;

/// <summary>A registered position an employee holds, and the day they took it up when known.</summary>
public sealed record PositionHeld(Guid PositionId, DateOnly? Since);
