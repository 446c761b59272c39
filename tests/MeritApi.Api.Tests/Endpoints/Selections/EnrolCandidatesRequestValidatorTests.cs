using MeritApi.Api.Endpoints.Selections;
using MeritApi.Application.Selections.Commands.EnrolCandidates;

namespace MeritApi.Api.Tests.Endpoints.Selections;

public sealed class EnrolCandidatesRequestValidatorTests : RequestValidatorFixture
{
    private static EnrolCandidatesRequest Enrol(IReadOnlyList<Guid>? ids) => new(ids);

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
