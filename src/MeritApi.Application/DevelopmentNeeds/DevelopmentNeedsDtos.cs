using MeritApi.Domain.Development;

namespace MeritApi.Application.DevelopmentNeeds;

public sealed record DevelopmentNeedDto(string CompetencyCode, int RequiredLevel, int? AssessedLevel, DateOnly? AssessedOn, int Gap, NeedKind Kind,
    string Reason)
{
    public static DevelopmentNeedDto From(DevelopmentNeed n) => new(n.CompetencyCode, n.RequiredLevel, n.AssessedLevel, n.AssessedOn, n.Gap, n.Kind, n.Reason);
}

/// <summary>One employee's line of the inventory: whom, against which position, and each competency they do not meet.</summary>
public sealed record EmployeeDevelopmentNeedsDto(Guid EmployeeId, string Nip, string Name, string Unit, Guid PositionId, string PositionCode,
    IReadOnlyList<DevelopmentNeedDto> Needs);

/// <summary>The employees in scope with their needs, judged as <see cref="Basis"/> says; read as enumerated, once.</summary>
public sealed record DevelopmentNeedsInventory(InventoryBasis Basis, IAsyncEnumerable<EmployeeDevelopmentNeedsDto> Employees);

/// <summary>Each employee in scope with their needs (those who meet the standard have none), as the stream reads them.</summary>
internal static class InventoryStream
{
    public static async IAsyncEnumerable<(EmployeeStandardEvidence Employee, IReadOnlyList<DevelopmentNeed> Needs)> ReadAsync(
        IDevelopmentEvidenceReader reader, DevelopmentScope scope, Domain.Scoring.AssessmentScreen screen,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var employee in reader.ReadAsync(scope, cancellationToken))
            yield return (employee, NeedsInventory.Of(employee.Standard, screen));
    }
}
