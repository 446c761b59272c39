using MeritApi.Api.Endpoints.Employees;
using MeritApi.Domain.Employees;

namespace MeritApi.Api.Tests.Endpoints.Employees;

public sealed class RegisterEmployeeRequestValidatorTests : RequestValidatorFixture
{
    private static readonly RegisterEmployeeRequest Valid = new("198503152010011002", "Siti Rahmawati", "III/c", "Biro Umum");

    [Test]
    public void A_complete_employee_is_valid() => AssertValid(Valid);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("19850315201001100")]
    [TestCase("1985031520100110021")]
    [TestCase("19850315201001100A")]
    [TestCase("198503152010 11002")]
    [TestCase("１９８５０３１５２０１００１１００２")]
    public void A_nip_that_is_not_exactly_18_ascii_digits_is_reported_on_nip(string? nip) =>
        AssertInvalid(Valid with { Nip = nip }, "nip");

    [TestCase("I/a")]
    [TestCase("I/d")]
    [TestCase("II/b")]
    [TestCase("III/d")]
    [TestCase("IV/a")]
    [TestCase("IV/e")]
    public void Every_grade_of_the_ladder_is_valid(string grade) => AssertValid(Valid with { Grade = grade });

    [TestCase(null)]
    [TestCase("")]
    [TestCase("III/e")]
    [TestCase("I/e")]
    [TestCase("IV/f")]
    [TestCase("V/a")]
    [TestCase("iii/a")]
    [TestCase("III/A")]
    [TestCase("III-a")]
    [TestCase("III/")]
    [TestCase("/a")]
    [TestCase(" III/a")]
    [TestCase("III/ab")]
    public void A_grade_outside_I_a_to_IV_e_is_reported_on_grade(string? grade) =>
        AssertInvalid(Valid with { Grade = grade }, "grade");

    [Test]
    public void Name_and_unit_are_required_and_bounded()
    {
        AssertInvalid(Valid with { Name = "", Unit = null }, "name", "unit");
        AssertInvalid(Valid with { Name = new string('n', Employee.NameMaxLength + 1), Unit = new string('u', Employee.UnitMaxLength + 1) },
            "name", "unit");
        AssertValid(Valid with { Name = new string('n', Employee.NameMaxLength), Unit = new string('u', Employee.UnitMaxLength) });
    }
}
