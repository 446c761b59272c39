using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MeritApi.Domain.Canonical;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Rationales;
using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Tests.Rationales;

/// <summary>
/// The hand-written canonical writers must produce exactly the bytes of the forms' general definitions: for v1, what
/// System.Text.Json produces with the v1 options (how every seal before v2 was computed, so old seals keep verifying); for
/// v2, <see cref="CanonicalJson.Canonicalize"/> of the rationale as the API publishes it, without its seal (what an
/// auditor with any JSON library computes, following src/MeritApi.Domain/Canonical/SPECIFICATION.md).
/// </summary>
public sealed class RationaleSealTests
{
    /// <summary>The canonical form as the serializer defines it.</summary>
    private static readonly JsonSerializerOptions Canonical = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new NormalisedDecimalConverter() },
        // The scheme's name is not part of the v1 form (it did not exist then).
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    if (info.Type == typeof(CandidateRationale) && info.Properties.FirstOrDefault(p => p.Name == "sealScheme") is { } scheme)
                        info.Properties.Remove(scheme);
                },
            },
        },
    };

    /// <summary>The rationale as the API publishes it (web defaults, enums by name).</summary>
    private static readonly JsonSerializerOptions Published = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly string[] Texts =
    [
        "", "M-INTEGRITY", "Σ min(assessed, required) × 100", "quote \" and backslash \\", "tab\tnew\nline\r",
        "\u0001\u001f control", "\u202eRTL override\u202c", "עברית", "<script>&amp;</script>", "emoji 🙂", "'; DROP TABLE x; --",
        "Kompetensi Teknis — Biro Umum", "\u2028\u2029 separators", "\ud800 lone surrogate",
    ];

    [Test]
    public void The_hand_written_canonical_form_is_byte_for_byte_the_serializer_s_for_thousands_of_random_rationales()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 3000; i++)
        {
            var rationale = RandomRationale(random, SealSchemes.V1);
            var expected = JsonSerializer.SerializeToUtf8Bytes(rationale with { Seal = null }, Canonical);

            var actual = RationaleSeal.CanonicalBytes(rationale);

            Assert.That(actual, Is.EqualTo(expected), () => $"rationale {i}:\n{System.Text.Encoding.UTF8.GetString(expected)}");
            Assert.That(RationaleSeal.Compute(rationale), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(expected))));
        }
    }

    [Test]
    public void The_v2_form_is_byte_for_byte_the_canonical_json_of_the_published_rationale_for_thousands_of_random_rationales()
    {
        var random = new Random(20261202);
        for (var i = 0; i < 3000; i++)
        {
            var rationale = RandomRationale(random, SealSchemes.V2);
            var published = JsonSerializer.SerializeToNode(rationale, Published)!.AsObject();
            Assert.That(published.Remove("seal"), "the published rationale carries its seal");
            using var document = JsonDocument.Parse(published.ToJsonString(Published));
            var expected = CanonicalJson.Canonicalize(document.RootElement);

            var actual = RationaleSeal.CanonicalBytes(rationale);

            Assert.That(actual, Is.EqualTo(expected), () => $"rationale {i}:\n{System.Text.Encoding.UTF8.GetString(expected)}");
            Assert.That(RationaleSeal.Compute(rationale), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(expected))));
        }
    }

    [Test]
    public void The_two_schemes_seal_the_same_rationale_differently_and_an_unknown_one_is_refused()
    {
        var rationale = RandomRationale(new Random(11), SealSchemes.V1);
        Assert.That(RationaleSeal.Compute(rationale), Is.Not.EqualTo(RationaleSeal.Compute(rationale with { SealScheme = SealSchemes.V2 })));
        Assert.Throws<ArgumentException>(() => RationaleSeal.Compute(rationale with { SealScheme = "meritapi-seal-v9" }));
    }

    [TestCase(SealSchemes.V1)]
    [TestCase(SealSchemes.V2)]
    public void A_rationale_s_own_seal_does_not_change_its_seal(string scheme)
    {
        var rationale = RandomRationale(new Random(7), scheme);
        var sealedOnce = rationale with { Seal = RationaleSeal.Compute(rationale) };

        Assert.That(RationaleSeal.Compute(sealedOnce), Is.EqualTo(sealedOnce.Seal));
    }

    private static CandidateRationale RandomRationale(Random random, string scheme)
    {
        // A lone surrogate is not Unicode: the API refuses it on input, and no JSON reader hands it back (v1 was tested with it).
        var texts = scheme == SealSchemes.V1 ? Texts : [.. Texts.Where(t => !t.Any(char.IsSurrogate) || t.Contains("🙂", StringComparison.Ordinal))];
        string Text() => texts[random.Next(texts.Length)] + (random.Next(3) == 0 ? random.Next().ToString("x", null) : "");
        decimal Decimal() => random.Next(7) switch
        {
            0 => 0m,
            1 => random.Next(0, 10001) / 100m,
            2 => random.Next(-1000, 1000) / 1000.000m, // trailing zeros in the scale
            3 => decimal.MaxValue / random.Next(1, 1000),
            4 => new decimal(random.Next(), random.Next(), 0, random.Next(2) == 0, (byte)random.Next(0, 29)),
            5 => AwkwardDecimals[random.Next(AwkwardDecimals.Length)],
            _ => 1m / 3m * random.Next(1, 1000),
        };
        T Pick<T>(T[] values) => values[random.Next(values.Length)];
        T? Maybe<T>(T value) where T : struct => random.Next(4) == 0 ? null : value;
        var ratings = Enum.GetValues<PerformanceRating>();
        // The members of the assessment validity rule exist only in the current form (v1 runs were sealed before them); in
        // half of the v2 rationales, so both their presence and their absence are proved.
        var validity = scheme == SealSchemes.V2 && random.Next(2) == 0;
        DateOnly Day() => new DateOnly(2015, 1, 1).AddDays(random.Next(0, 5000));
        CompetencyLine Line()
        {
            var line = new CompetencyLine(Text(), random.Next(1, 6), Maybe(random.Next(1, 6)), random.Next(-5, 5), random.Next(0, 6));
            return !validity ? line : line with
            {
                AssessedOn = random.Next(3) == 0 ? null : Day(),
                ValidThrough = random.Next(3) == 0 ? null : Day(),
                PassedOver = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => new PassedOverLine(random.Next(1, 6), Day(), Text(),
                    Pick(Enum.GetValues<AssessmentRefusal>()), Text()))],
            };
        }

        return new CandidateRationale(
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Text(),
            new RationalePolicy(random.Next(1, 100), Decimal(), Decimal(), [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => Decimal())],
                Pick(Enum.GetValues<JpmBandSet>()), Pick(ratings), random.Next(3) == 0 ? null : Text())
            {
                AssessmentValidityYears = validity ? random.Next(1, 11) : null,
                AccreditedBodiesOnly = validity ? random.Next(2) == 0 : null,
            },
            new RationaleEvidence(Text(),
                [.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => Line())],
                [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => new PerformanceYearLine(random.Next(2000, 2030), Decimal(),
                    Maybe(Pick(ratings)), random.Next(0, 6), Decimal()))])
            {
                ReferenceDate = validity ? Day() : null,
            },
            new JpmStep(Text(), random.Next(0, 60), random.Next(1, 60), Decimal(), Decimal(), [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => Text())]),
            new BandStep(Pick(Enum.GetValues<JpmBandSet>()), Decimal(), Decimal(), Pick(Enum.GetValues<JpmBand>()), Text()),
            new PerformanceStep(Text(), Decimal(), Decimal(), Decimal()),
            new MeritStep(Text(), Decimal(), Decimal(), Decimal(), Decimal(), Decimal(), Decimal(), Decimal(), Decimal(), Text()),
            new TalentBoxStep(Pick(Enum.GetValues<Potential>()), Pick(Enum.GetValues<PerformanceLevel>()), random.Next(1, 10), random.Next(2) == 0, Text()),
            new EligibilityStep(random.Next(2) == 0,
                [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => new IneligibilityReason(Pick(Enum.GetValues<IneligibilityCode>()), Text()))]),
            new RankStep(Maybe(random.Next(1, 100000)), Maybe(Pick(Enum.GetValues<RankDecision>())), random.Next(0, 6), Text()),
            scheme,
            random.Next(2) == 0 ? null : new string('a', 64));
    }

    private static readonly decimal[] AwkwardDecimals =
    [
        0m, 0.000m, new(0, 0, 0, true, 2), -1.10m, 1.50m, 100m, 1000000m, 0.0000000000000000000000000001m, decimal.MaxValue, decimal.MinValue,
        1m / 3m, -2m / 3m, 79.335m, 56.665m, 0.6m * 5m, 12345678901234567890.1234567890m,
    ];

    [TestCaseSource(nameof(AwkwardDecimals))]
    public void Decimals_are_normalised_exactly_as_the_custom_format_does(decimal value)
    {
        Assert.That(CanonicalJson.Normalise(value),
            Is.EqualTo(value.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private sealed class NormalisedDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture),
                skipInputValidation: true);
    }
}
