using MeritApi.Domain.Common;
using MeritApi.Domain.Competencies;
using MeritApi.Domain.MeritOnly;

namespace MeritApi.Domain.Tests.MeritOnly;

public sealed class NonMeritVocabularyTests
{
    [TestCase("Agama (religion)", new[] { "agama", "religion" })]
    [TestCase("AGAMA-01", new[] { "agama" })]
    [TestCase("religion_score", new[] { "religion" })]
    [TestCase("Date of Birth", new[] { "date of birth" })]
    [TestCase("tanggal_lahir / tempat-lahir", new[] { "tanggal lahir", "tempat lahir" })]
    [TestCase("Jenis  Kelamin", new[] { "jenis kelamin" })]
    [TestCase("asal daerah dan suku", new[] { "asal daerah", "suku" })]
    [TestCase("Ras, Usia, Umur", new[] { "ras", "usia", "umur" })]
    [TestCase("Partai politik", new[] { "partai", "politik" })]
    [TestCase("Keluarga dan kerabat", new[] { "keluarga", "kerabat" })]
    [TestCase("Disabilitas", new[] { "disabilitas" })]
    [TestCase("Marital status; sex; age", new[] { "marital status", "sex", "age" })]
    public void Finds_each_term_once_as_a_whole_word_in_any_case(string text, string[] expected) =>
        Assert.That(NonMeritVocabulary.FindIn(text), Is.EqualTo(expected));

    [TestCase("Managing change")]
    [TestCase("Storage management")]
    [TestCase("Rasio keuangan")]
    [TestCase("Usaha mikro")]
    [TestCase("Originality")]
    [TestCase("Pagamento")]
    [TestCase("AGAMA2")]
    [TestCase("Sextant navigation")]
    [TestCase("")]
    [TestCase(null)]
    public void A_word_that_merely_contains_a_term_is_not_one(string? text) =>
        Assert.That(NonMeritVocabulary.FindIn(text), Is.Empty);

    [Test]
    public void A_competency_with_a_term_needs_an_approved_justification()
    {
        var refused = Assert.Throws<NonMeritVocabularyException>(() => new Competency("T-AGAMA", "Penyuluhan agama", CompetencyCategory.Technical));
        Assert.That((refused!.Field, refused.Terms), Is.EqualTo(("code", (IReadOnlyList<string>)["agama"])));

        var at = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        var approved = new Competency("T-AGAMA", "Penyuluhan agama", CompetencyCategory.Technical, null,
            new VocabularyJustification("The religious counsellor's counselling skill, not a religion.", "admin-1", at));
        Assert.That((approved.VocabularyExemption!.Terms, approved.VocabularyExemption.ApprovedBy, approved.VocabularyExemption.ApprovedAt),
            Is.EqualTo(((IReadOnlyList<string>)["agama"], "admin-1", at)));

        Assert.That(Assert.Throws<InvalidFieldException>(() => new Competency("T-AGAMA", "Penyuluhan agama", CompetencyCategory.Technical, null,
            new VocabularyJustification("short", "admin-1", at)))!.Rule.Id, Is.EqualTo("justification-required"));
        Assert.That(Assert.Throws<InvalidFieldException>(() => new Competency("T-KARIER", "Konseling karier", CompetencyCategory.Technical, null,
            new VocabularyJustification("The religious counsellor's counselling skill, not a religion.", "admin-1", at)))!.Rule.Id,
            Is.EqualTo("justification-not-needed"));
        Assert.That(new Competency("T-KARIER", "Konseling karier", CompetencyCategory.Technical).VocabularyExemption, Is.Null);
    }
}
