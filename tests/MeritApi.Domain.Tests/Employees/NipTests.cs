using MeritApi.Domain.Employees;

namespace MeritApi.Domain.Tests.Employees;

[TestFixture]
public class NipTests
{
    private const string ValidNip = "198501012010011001";

    [Test]
    public void ParsesEighteenDigits()
    {
        var nip = Nip.Parse(ValidNip);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(nip.Value, Is.EqualTo(ValidNip));
            Assert.That(nip.ToString(), Is.EqualTo(ValidNip));
            Assert.That(nip, Is.EqualTo(Nip.Parse(ValidNip)));
            Assert.That(Nip.IsValid(ValidNip), Is.True);
        }
    }

    [Test]
    public void NullIsInvalid() => Assert.That(Nip.IsValid(null), Is.False);
}
