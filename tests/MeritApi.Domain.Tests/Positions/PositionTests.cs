using MeritApi.Domain.Common;
using MeritApi.Domain.Positions;

namespace MeritApi.Domain.Tests.Positions;

[TestFixture]
public class PositionTests
{
    private static Position NewPosition(params (string, int)[] standard) =>
        new(TestData.Id(1), "JPT-01", "Kepala Bagian Kepegawaian", PositionKind.Structural, Grade.Parse("III/c"), standard);

    [Test]
    public void KeepsTheStandardInOrder()
    {
        var position = NewPosition(("INT", 3), ("KS", 3), ("KOM", 4));

        Assert.That(position.Standard.Select(r => (r.CompetencyCode, r.RequiredLevel)),
            Is.EqualTo(new[] { ("INT", 3), ("KS", 3), ("KOM", 4) }));
    }

    [Test]
    public void A_competency_listed_twice_in_a_standard_is_refused()
    {
        var position = NewPosition(("INT", 3));

        using (Assert.EnterMultipleScope())
        {
            var ex = Assert.Throws<DomainException>(() => position.ReplaceStandard([("KS", 3), ("KS", 4)]));
            Assert.That(ex?.Rule.Id, Is.EqualTo("duplicate-requirement"), "a line listed twice, not a competency registered twice");
            Assert.That(ex?.Message, Does.Contain("KS"));
            Assert.That(Assert.Throws<DomainException>(() => NewPosition(("INT", 3), ("INT", 3)))?.Rule.Id,
                Is.EqualTo("duplicate-requirement"));
            // A refused replacement leaves the standard as it was.
            Assert.That(position.Standard.Select(r => (r.CompetencyCode, r.RequiredLevel)), Is.EqualTo(new[] { ("INT", 3) }));
        }
    }

    [Test]
    public void EmptyOrOversizedStandardIsRefused()
    {
        var position = NewPosition(("INT", 3));
        var tooMany = Enumerable.Range(1, Position.MaxStandardSize + 1).Select(i => ($"C{i}", 3)).ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Assert.Throws<DomainException>(() => position.ReplaceStandard([]))?.Rule.Id, Is.EqualTo("empty-standard"));
            Assert.That(Assert.Throws<DomainException>(() => position.ReplaceStandard(tooMany))?.Rule.Id, Is.EqualTo("standard-too-large"));
        }
    }

    [Test]
    public void ReplaceUpdatesInPlaceRemovesAndAdds()
    {
        var position = NewPosition(("INT", 3), ("KS", 3), ("KOM", 4));
        var integrity = position.Standard[0];

        position.ReplaceStandard([("INT", 4), ("KOM", 4), ("TEK-01", 2)]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(position.Standard.Select(r => (r.CompetencyCode, r.RequiredLevel)),
                Is.EqualTo(new[] { ("INT", 4), ("KOM", 4), ("TEK-01", 2) }));
            Assert.That(position.Standard[0], Is.SameAs(integrity)); // same requirement row, new level
            Assert.That(integrity.RequiredLevel, Is.EqualTo(4));
        }
    }

    [Test]
    public void LevelOutsideOneToFiveIsRefused()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Assert.Throws<DomainException>(() => NewPosition(("INT", 6)))?.Rule.Id, Is.EqualTo("invalid-requirement"));
            Assert.That(Assert.Throws<DomainException>(() => NewPosition(("INT", 0)))?.Rule.Id, Is.EqualTo("invalid-requirement"));
        }
    }

    [Test]
    public void FailedReplaceLeavesTheStandardUnchanged()
    {
        // Every line is checked before any is applied: a refused standard leaves the old one untouched.
        var position = NewPosition(("INT", 3), ("KS", 3), ("KOM", 4));

        Assert.Throws<DomainException>(() => position.ReplaceStandard([("INT", 4), ("KOM", 9)]));

        Assert.That(position.Standard.Select(r => (r.CompetencyCode, r.RequiredLevel)),
            Is.EqualTo(new[] { ("INT", 3), ("KS", 3), ("KOM", 4) }));
    }
}
