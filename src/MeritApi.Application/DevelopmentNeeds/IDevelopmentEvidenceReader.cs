using MeritApi.Domain.Development;

namespace MeritApi.Application.DevelopmentNeeds;

/// <summary>Whose needs, against which standard: each employee's own position, or <see cref="TargetPositionId"/> for all.</summary>
public sealed record DevelopmentScope(string? Unit, Guid? EmployeeId, Guid? TargetPositionId);

/// <summary>One employee, the position whose standard they are measured against, and their assessments of its competencies.</summary>
public sealed record EmployeeStandardEvidence(Guid EmployeeId, string Nip, string Name, string Unit, Guid PositionId, string PositionCode,
    IReadOnlyList<StandardLineEvidence> Standard);

/// <summary>
/// Streams the employees in scope with the standard they are measured against and every assessment of its competencies, in
/// one set-based query (no query per employee): 100,000 employees with ten assessments each are a million rows, read as they
/// arrive and never held at once. Employees without a position (and no target) are not in the inventory; order: by NIP.
/// </summary>
public interface IDevelopmentEvidenceReader
{
    IAsyncEnumerable<EmployeeStandardEvidence> ReadAsync(DevelopmentScope scope, CancellationToken cancellationToken);
}
