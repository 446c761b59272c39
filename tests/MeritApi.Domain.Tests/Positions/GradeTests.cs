using MeritApi.Domain.Positions;

namespace MeritApi.Domain.Tests.Positions;

[TestFixture]
public class GradeTests
{
    [TestCase("I/a", 1, 'a', 1)]
    [TestCase("I/d", 1, 'd', 4)]
    [TestCase("II/a", 2, 'a', 5)]
    [TestCase("II/d", 2, 'd', 8)]
    [TestCase("III/c", 3, 'c', 11)]
    [TestCase("IV/a", 4, 'a', 13)]
    [TestCase("IV/e", 4, 'e', 17)]
    public void ParsesGrades(string text, int group, char room, int ordinal)
    {
        var grade = Grade.Parse(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(grade.Group, Is.EqualTo(group));
            Assert.That(grade.Room, Is.EqualTo(room));
            Assert.That(grade.Ordinal, Is.EqualTo(ordinal)); // (group − 1) × 4 + room index + 1
            Assert.That(grade.ToString(), Is.EqualTo(text));
        }
    }

    [TestCase("III/e")] // 'e' exists only in group IV
    [TestCase("I/e")]
    [TestCase("II/e")]
    [TestCase("IV/f")]
    [TestCase("V/a")]
    [TestCase("iv/a")]
    [TestCase("IV/A")]
    [TestCase("IVa")]
    [TestCase("IV/")]
    [TestCase("/a")]
    [TestCase("IV/ab")]
    [TestCase(" III/c")]
    [TestCase("")]
    public void RejectsNonGrades(string text)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Grade.TryParse(text, out _), Is.False);
            Assert.Throws<FormatException>(() => Grade.Parse(text));
        }
    }

    [Test]
    public void NullIsNotAGrade() => Assert.That(Grade.TryParse(null, out _), Is.False);

    [Test]
    public void AllListsTheSeventeenGradesInOrder()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Grade.All, Has.Count.EqualTo(17)); // 4 + 4 + 4 + 5
            Assert.That(Grade.All.Select(g => g.Ordinal), Is.EqualTo(Enumerable.Range(1, 17)));
            Assert.That(Grade.All, Is.Ordered.Ascending);
            Assert.That(Grade.All[0].ToString(), Is.EqualTo("I/a"));
            Assert.That(Grade.All[^1].ToString(), Is.EqualTo("IV/e"));
            Assert.That(Grade.All.Select(g => Grade.Parse(g.ToString())), Is.EqualTo(Grade.All));
        }
    }

    [TestCase("III/b", "III/c")]
    [TestCase("II/d", "III/a")]
    [TestCase("I/a", "IV/e")]
    [TestCase("IV/d", "IV/e")]
    public void Ordering(string lower, string higher)
    {
        var low = Grade.Parse(lower);
        var high = Grade.Parse(higher);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(low < high, Is.True);
            Assert.That(low <= high, Is.True);
            Assert.That(high > low, Is.True);
            Assert.That(high >= low, Is.True);
            Assert.That(low > high, Is.False);
            Assert.That(low.CompareTo(high), Is.Negative);
            Assert.That(high.CompareTo(low), Is.Positive);
        }
    }

    [Test]
    public void EqualGradesCompareEqual()
    {
        var a = Grade.Parse("III/c");
        var b = Grade.Parse("III/c");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(a, Is.EqualTo(b));
            Assert.That(a.CompareTo(b), Is.Zero);
            Assert.That(a <= b && a >= b, Is.True);
        }
    }
}
