using MeritApi.Domain.Employees;

namespace MeritApi.Application.Employees.Commands.ImportEmployees;

/// <summary>
/// Stores the employees an import creates, with their assessments and ratings, in bulk and inside the command's
/// transaction. A batch of 10,000 new employees is 130,000 rows; through the change tracker the inserts, not the
/// database, would dominate the import. Employees already on record are updated through the tracker as usual.
/// </summary>
public interface INewEmployeesWriter
{
    Task AddAsync(IReadOnlyList<Employee> employees, CancellationToken cancellationToken);
}
