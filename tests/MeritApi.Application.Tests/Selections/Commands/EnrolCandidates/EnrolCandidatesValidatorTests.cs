using MeritApi.Application.Selections.Commands.EnrolCandidates;
using MeritApi.Application.Tests.Support;

namespace MeritApi.Application.Tests.Selections.Commands.EnrolCandidates;

public sealed class EnrolCandidatesValidatorTests : ValidatorFixture
{
    private static EnrolCandidatesCommand Enrol(IReadOnlyList<Guid>? ids) => new(Guid.NewGuid(), ids);

    private static List<Guid> NewIds(int count) => [.. Enumerable.Range(0, count).Select(_ => Guid.NewGuid())];

    [Test]
    public void Distinct_employee_ids_are_valid() => AssertValid(Enrol(NewIds(3)));

    [Test]
    public void A_missing_or_empty_list_is_reported_on_employeeIds()
    {
        AssertInvalid(Enrol(null), "employeeIds");
        AssertInvalid(Enrol([]), "employeeIds");
    }

    [Test]
    public void A_duplicate_id_is_reported_on_employeeIds()
    {
        var id = Guid.NewGuid();
        var result = AssertInvalid(Enrol([id, Guid.NewGuid(), id]), "employeeIds");
        Assert.That(result.Errors.Single().ErrorMessage, Does.Contain("only once"));
    }

    [Test]
    public void Ten_thousand_ids_are_valid_but_more_are_reported_on_employeeIds()
    {
        AssertValid(Enrol(NewIds(EnrolCandidatesCommand.MaxPerRequest)));
        var result = AssertInvalid(Enrol(NewIds(EnrolCandidatesCommand.MaxPerRequest + 1)), "employeeIds");
        Assert.That(result.Errors.Single().ErrorMessage, Does.Contain("10000"));
    }

    [Test]
    public void An_empty_guid_is_reported_on_its_index() =>
        AssertInvalid(Enrol([Guid.NewGuid(), Guid.Empty]), "employeeIds[1]");
}
