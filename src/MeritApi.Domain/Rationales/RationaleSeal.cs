using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MeritApi.Domain.Canonical;

namespace MeritApi.Domain.Rationales;

/// <summary>
/// SHA-256 over a canonical form of a rationale without its seal, in the scheme the rationale names
/// (<see cref="SealSchemes"/>; src/MeritApi.Domain/Canonical/SPECIFICATION.md), so anyone can recompute it from the published rationale.
/// <see cref="SealSchemes.V2"/>: MeritApi canonical JSON (<see cref="CanonicalJson"/>) of every member but "seal".
/// <see cref="SealSchemes.V1"/> (runs sealed before it): members in declaration order with camelCase names, nothing omitted
/// (the seal written as null), enums by name, decimals as JSON numbers without trailing zeros, relaxed escaping.
/// </summary>
/// <remarks>
/// Both are written by hand rather than by a serializer: a national run seals 100,000 rationales, and this writes each one
/// into a reused per-thread buffer, several times faster. Tests prove the bytes equal those of the general definitions
/// (the serializer with the v1 options; <see cref="CanonicalJson.Canonicalize"/> of the API's JSON for v2) for thousands of
/// random rationales.
/// </remarks>
public static class RationaleSeal
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;
    [ThreadStatic] private static CanonicalJsonWriter? t_canonical;

    public static string Compute(CandidateRationale rationale)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        if (rationale.SealScheme == SealSchemes.V2)
        {
            var canonical = t_canonical ??= new CanonicalJsonWriter();
            canonical.Reset();
            WriteCanonicalV2(canonical, rationale);
            SHA256.HashData(canonical.Written, hash);
            return Convert.ToHexStringLower(hash);
        }
        if (rationale.SealScheme != SealSchemes.V1)
            throw new ArgumentException($"Unknown seal scheme '{rationale.SealScheme}'.", nameof(rationale));
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriterOptions);
        writer.Reset(buffer);
        WriteCanonical(writer, rationale);
        writer.Flush();

        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The canonical form of <paramref name="rationale"/> without its seal, in its scheme (what <see cref="Compute"/> hashes).</summary>
    public static byte[] CanonicalBytes(CandidateRationale rationale)
    {
        if (rationale.SealScheme == SealSchemes.V2)
            return CanonicalDocument(rationale);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            WriteCanonical(writer, rationale);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The canonical JSON (§2 of the specification) of the rationale document without its seal, whatever its scheme: what a
    /// version-2 seal hashes, and the form in which a published rationale is compared with one rebuilt from its evidence.
    /// </summary>
    public static byte[] CanonicalDocument(CandidateRationale rationale)
    {
        var canonical = new CanonicalJsonWriter();
        WriteCanonicalV2(canonical, rationale);
        return canonical.ToArray();
    }

    private static void WriteCanonical(Utf8JsonWriter w, CandidateRationale r)
    {
        w.WriteStartObject();
        w.WriteString(Names.SelectionId, r.SelectionId);
        w.WriteString(Names.ScoringRunId, r.ScoringRunId);
        w.WriteString(Names.CandidateId, r.CandidateId);
        w.WriteString(Names.CandidateCode, r.CandidateCode);

        var policy = r.Policy;
        w.WriteStartObject(Names.Policy);
        w.WriteNumber(Names.Version, policy.Version);
        WriteDecimal(w, Names.CompetenceWeight, policy.CompetenceWeight);
        WriteDecimal(w, Names.PerformanceWeight, policy.PerformanceWeight);
        w.WriteStartArray(Names.PerformanceYearWeights);
        foreach (var weight in policy.PerformanceYearWeights)
            WriteDecimalValue(w, weight);
        w.WriteEndArray();
        w.WriteString(Names.BandSet, policy.BandSet.ToString());
        w.WriteString(Names.MinimumRating, policy.MinimumRating.ToString());
        w.WriteString(Names.PositionMinimumGrade, policy.PositionMinimumGrade);
        w.WriteEndObject();

        var evidence = r.Evidence;
        w.WriteStartObject(Names.Evidence);
        w.WriteString(Names.Grade, evidence.Grade);
        w.WriteStartArray(Names.Competencies);
        foreach (var line in evidence.Competencies)
        {
            w.WriteStartObject();
            w.WriteString(Names.CompetencyCode, line.CompetencyCode);
            w.WriteNumber(Names.RequiredLevel, line.RequiredLevel);
            WriteNullableNumber(w, Names.AssessedLevel, line.AssessedLevel);
            w.WriteNumber(Names.Gap, line.Gap);
            w.WriteNumber(Names.CreditedLevel, line.CreditedLevel);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray(Names.PerformanceYears);
        foreach (var year in evidence.PerformanceYears)
        {
            w.WriteStartObject();
            w.WriteNumber(Names.Year, year.Year);
            WriteDecimal(w, Names.Weight, year.Weight);
            w.WriteString(Names.Rating, year.Rating?.ToString());
            w.WriteNumber(Names.RatingValue, year.RatingValue);
            WriteDecimal(w, Names.WeightedValue, year.WeightedValue);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();

        var jpm = r.JobPersonMatch;
        w.WriteStartObject(Names.JobPersonMatch);
        w.WriteString(Names.Formula, jpm.Formula);
        w.WriteNumber(Names.CreditedLevels, jpm.CreditedLevels);
        w.WriteNumber(Names.RequiredLevels, jpm.RequiredLevels);
        WriteDecimal(w, Names.Unrounded, jpm.Unrounded);
        WriteDecimal(w, Names.Published, jpm.Published);
        w.WriteStartArray(Names.MissingCompetencies);
        foreach (var code in jpm.MissingCompetencies)
            w.WriteStringValue(code);
        w.WriteEndArray();
        w.WriteEndObject();

        var band = r.Band;
        w.WriteStartObject(Names.Band);
        w.WriteString(Names.BandSet, band.BandSet.ToString());
        WriteDecimal(w, Names.TopBandFrom, band.TopBandFrom);
        WriteDecimal(w, Names.MiddleBandFrom, band.MiddleBandFrom);
        w.WriteString(Names.Band, band.Band.ToString());
        w.WriteString(Names.IndonesianTerm, band.IndonesianTerm);
        w.WriteEndObject();

        var performance = r.Performance;
        w.WriteStartObject(Names.Performance);
        w.WriteString(Names.Formula, performance.Formula);
        WriteDecimal(w, Names.WeightedRatingSum, performance.WeightedRatingSum);
        WriteDecimal(w, Names.Unrounded, performance.Unrounded);
        WriteDecimal(w, Names.Published, performance.Published);
        w.WriteEndObject();

        var merit = r.Merit;
        w.WriteStartObject(Names.Merit);
        w.WriteString(Names.Formula, merit.Formula);
        WriteDecimal(w, Names.CompetenceWeight, merit.CompetenceWeight);
        WriteDecimal(w, Names.Jpm, merit.Jpm);
        WriteDecimal(w, Names.CompetencePart, merit.CompetencePart);
        WriteDecimal(w, Names.PerformanceWeight, merit.PerformanceWeight);
        WriteDecimal(w, Names.PerformanceScore, merit.PerformanceScore);
        WriteDecimal(w, Names.PerformancePart, merit.PerformancePart);
        WriteDecimal(w, Names.Unrounded, merit.Unrounded);
        WriteDecimal(w, Names.Published, merit.Published);
        w.WriteString(Names.Rounding, merit.Rounding);
        w.WriteEndObject();

        var box = r.TalentBox;
        w.WriteStartObject(Names.TalentBox);
        w.WriteString(Names.Potential, box.Potential.ToString());
        w.WriteString(Names.PerformanceLevel, box.PerformanceLevel.ToString());
        w.WriteNumber(Names.Box, box.Box);
        w.WriteBoolean(Names.InTalentPool, box.InTalentPool);
        w.WriteString(Names.Meaning, box.Meaning);
        w.WriteEndObject();

        var eligibility = r.Eligibility;
        w.WriteStartObject(Names.Eligibility);
        w.WriteBoolean(Names.Eligible, eligibility.Eligible);
        w.WriteStartArray(Names.Reasons);
        foreach (var reason in eligibility.Reasons)
        {
            w.WriteStartObject();
            w.WriteString(Names.Code, reason.Code.ToString());
            w.WriteString(Names.Detail, reason.Detail);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();

        var rank = r.Rank;
        w.WriteStartObject(Names.Rank);
        WriteNullableNumber(w, Names.Rank, rank.Rank);
        w.WriteString(Names.DecidedBy, rank.DecidedBy?.ToString());
        w.WriteNumber(Names.LatestRatingValue, rank.LatestRatingValue);
        w.WriteString(Names.Explanation, rank.Explanation);
        w.WriteEndObject();

        // The seal is part of the form, always null: a rationale is sealed as if it had none yet.
        w.WriteNull(Names.Seal);
        w.WriteEndObject();
    }

    /// <summary>Version 2: every member but the seal, sorted by name at every level; every number a string.</summary>
    private static void WriteCanonicalV2(CanonicalJsonWriter w, CandidateRationale r)
    {
        w.StartObject();
        var band = r.Band;
        w.Name("band");
        w.StartObject();
        w.Name("band");
        w.Text(band.Band.ToString());
        w.Name("bandSet");
        w.Text(band.BandSet.ToString());
        w.Name("indonesianTerm");
        w.Text(band.IndonesianTerm);
        w.Name("middleBandFrom");
        w.Number(band.MiddleBandFrom);
        w.Name("topBandFrom");
        w.Number(band.TopBandFrom);
        w.EndObject();

        w.Name("candidateCode");
        w.Text(r.CandidateCode);
        w.Name("candidateId");
        w.Text(r.CandidateId.ToString());

        var eligibility = r.Eligibility;
        w.Name("eligibility");
        w.StartObject();
        w.Name("eligible");
        w.Bool(eligibility.Eligible);
        w.Name("reasons");
        w.StartArray();
        foreach (var reason in eligibility.Reasons)
        {
            w.StartObject();
            w.Name("code");
            w.Text(reason.Code.ToString());
            w.Name("detail");
            w.Text(reason.Detail);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();

        var evidence = r.Evidence;
        w.Name("evidence");
        w.StartObject();
        w.Name("competencies");
        w.StartArray();
        foreach (var line in evidence.Competencies)
        {
            w.StartObject();
            w.Name("assessedLevel");
            w.WholeNumber(line.AssessedLevel);
            OptionalDate(w, "assessedOn", line.AssessedOn);
            w.Name("competencyCode");
            w.Text(line.CompetencyCode);
            w.Name("creditedLevel");
            w.WholeNumber(line.CreditedLevel);
            w.Name("gap");
            w.WholeNumber(line.Gap);
            if (line.PassedOver is { } passedOver)
            {
                w.Name("passedOver");
                w.StartArray();
                foreach (var passed in passedOver)
                {
                    w.StartObject();
                    OptionalDate(w, "assessedOn", passed.AssessedOn);
                    w.Name("assessor");
                    w.Text(passed.Assessor);
                    w.Name("level");
                    w.WholeNumber(passed.Level);
                    w.Name("reason");
                    w.Text(passed.Reason);
                    w.Name("refusal");
                    w.Text(passed.Refusal.ToString());
                    w.EndObject();
                }
                w.EndArray();
            }
            w.Name("requiredLevel");
            w.WholeNumber(line.RequiredLevel);
            OptionalDate(w, "validThrough", line.ValidThrough);
            w.EndObject();
        }
        w.EndArray();
        w.Name("grade");
        w.Text(evidence.Grade);
        w.Name("performanceYears");
        w.StartArray();
        foreach (var year in evidence.PerformanceYears)
        {
            w.StartObject();
            w.Name("rating");
            w.Text(year.Rating?.ToString());
            w.Name("ratingValue");
            w.WholeNumber(year.RatingValue);
            w.Name("weight");
            w.Number(year.Weight);
            w.Name("weightedValue");
            w.Number(year.WeightedValue);
            w.Name("year");
            w.WholeNumber(year.Year);
            w.EndObject();
        }
        w.EndArray();
        OptionalDate(w, "referenceDate", evidence.ReferenceDate);
        w.EndObject();

        var jpm = r.JobPersonMatch;
        w.Name("jobPersonMatch");
        w.StartObject();
        w.Name("creditedLevels");
        w.WholeNumber(jpm.CreditedLevels);
        w.Name("formula");
        w.Text(jpm.Formula);
        w.Name("missingCompetencies");
        w.StartArray();
        foreach (var code in jpm.MissingCompetencies)
            w.Text(code);
        w.EndArray();
        w.Name("published");
        w.Number(jpm.Published);
        w.Name("requiredLevels");
        w.WholeNumber(jpm.RequiredLevels);
        w.Name("unrounded");
        w.Number(jpm.Unrounded);
        w.EndObject();

        var merit = r.Merit;
        w.Name("merit");
        w.StartObject();
        w.Name("competencePart");
        w.Number(merit.CompetencePart);
        w.Name("competenceWeight");
        w.Number(merit.CompetenceWeight);
        w.Name("formula");
        w.Text(merit.Formula);
        w.Name("jpm");
        w.Number(merit.Jpm);
        w.Name("performancePart");
        w.Number(merit.PerformancePart);
        w.Name("performanceScore");
        w.Number(merit.PerformanceScore);
        w.Name("performanceWeight");
        w.Number(merit.PerformanceWeight);
        w.Name("published");
        w.Number(merit.Published);
        w.Name("rounding");
        w.Text(merit.Rounding);
        w.Name("unrounded");
        w.Number(merit.Unrounded);
        w.EndObject();

        var performance = r.Performance;
        w.Name("performance");
        w.StartObject();
        w.Name("formula");
        w.Text(performance.Formula);
        w.Name("published");
        w.Number(performance.Published);
        w.Name("unrounded");
        w.Number(performance.Unrounded);
        w.Name("weightedRatingSum");
        w.Number(performance.WeightedRatingSum);
        w.EndObject();

        var policy = r.Policy;
        w.Name("policy");
        w.StartObject();
        if (policy.AccreditedBodiesOnly is { } accreditedOnly)
        {
            w.Name("accreditedBodiesOnly");
            w.Bool(accreditedOnly);
        }
        if (policy.AssessmentValidityYears is { } validityYears)
        {
            w.Name("assessmentValidityYears");
            w.WholeNumber(validityYears);
        }
        w.Name("bandSet");
        w.Text(policy.BandSet.ToString());
        w.Name("competenceWeight");
        w.Number(policy.CompetenceWeight);
        w.Name("minimumRating");
        w.Text(policy.MinimumRating.ToString());
        w.Name("performanceWeight");
        w.Number(policy.PerformanceWeight);
        w.Name("performanceYearWeights");
        w.StartArray();
        foreach (var weight in policy.PerformanceYearWeights)
            w.Number(weight);
        w.EndArray();
        w.Name("positionMinimumGrade");
        w.Text(policy.PositionMinimumGrade);
        w.Name("version");
        w.WholeNumber(policy.Version);
        w.EndObject();

        var rank = r.Rank;
        w.Name("rank");
        w.StartObject();
        w.Name("decidedBy");
        w.Text(rank.DecidedBy?.ToString());
        w.Name("explanation");
        w.Text(rank.Explanation);
        w.Name("latestRatingValue");
        w.WholeNumber(rank.LatestRatingValue);
        w.Name("rank");
        w.WholeNumber(rank.Rank);
        w.EndObject();

        w.Name("scoringRunId");
        w.Text(r.ScoringRunId.ToString());
        w.Name("sealScheme");
        w.Text(r.SealScheme);
        w.Name("selectionId");
        w.Text(r.SelectionId.ToString());

        var box = r.TalentBox;
        w.Name("talentBox");
        w.StartObject();
        w.Name("box");
        w.WholeNumber(box.Box);
        w.Name("inTalentPool");
        w.Bool(box.InTalentPool);
        w.Name("meaning");
        w.Text(box.Meaning);
        w.Name("performanceLevel");
        w.Text(box.PerformanceLevel.ToString());
        w.Name("potential");
        w.Text(box.Potential.ToString());
        w.EndObject();
        w.EndObject();
    }

    /// <summary>A member the API omits when null (the validity members), as an ISO date.</summary>
    private static void OptionalDate(CanonicalJsonWriter w, string name, DateOnly? value)
    {
        if (value is not { } date)
            return;
        w.Name(name);
        w.Text(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void WriteNullableNumber(Utf8JsonWriter w, JsonEncodedText name, int? value)
    {
        if (value is { } number)
            w.WriteNumber(name, number);
        else
            w.WriteNull(name);
    }

    private static void WriteDecimal(Utf8JsonWriter w, JsonEncodedText name, decimal value)
    {
        w.WritePropertyName(name);
        WriteDecimalValue(w, value);
    }

    private static void WriteDecimalValue(Utf8JsonWriter w, decimal value)
    {
        Span<byte> utf8 = stackalloc byte[CanonicalJson.MaxDecimalLength];
        w.WriteRawValue(CanonicalJson.Normalise(value, utf8), skipInputValidation: true);
    }

    /// <summary>Member names, encoded once.</summary>
    private static class Names
    {
        internal static readonly JsonEncodedText SelectionId = JsonEncodedText.Encode("selectionId");
        internal static readonly JsonEncodedText ScoringRunId = JsonEncodedText.Encode("scoringRunId");
        internal static readonly JsonEncodedText CandidateId = JsonEncodedText.Encode("candidateId");
        internal static readonly JsonEncodedText CandidateCode = JsonEncodedText.Encode("candidateCode");
        internal static readonly JsonEncodedText Policy = JsonEncodedText.Encode("policy");
        internal static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        internal static readonly JsonEncodedText CompetenceWeight = JsonEncodedText.Encode("competenceWeight");
        internal static readonly JsonEncodedText PerformanceWeight = JsonEncodedText.Encode("performanceWeight");
        internal static readonly JsonEncodedText PerformanceYearWeights = JsonEncodedText.Encode("performanceYearWeights");
        internal static readonly JsonEncodedText BandSet = JsonEncodedText.Encode("bandSet");
        internal static readonly JsonEncodedText MinimumRating = JsonEncodedText.Encode("minimumRating");
        internal static readonly JsonEncodedText PositionMinimumGrade = JsonEncodedText.Encode("positionMinimumGrade");
        internal static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
        internal static readonly JsonEncodedText Grade = JsonEncodedText.Encode("grade");
        internal static readonly JsonEncodedText Competencies = JsonEncodedText.Encode("competencies");
        internal static readonly JsonEncodedText CompetencyCode = JsonEncodedText.Encode("competencyCode");
        internal static readonly JsonEncodedText RequiredLevel = JsonEncodedText.Encode("requiredLevel");
        internal static readonly JsonEncodedText AssessedLevel = JsonEncodedText.Encode("assessedLevel");
        internal static readonly JsonEncodedText Gap = JsonEncodedText.Encode("gap");
        internal static readonly JsonEncodedText CreditedLevel = JsonEncodedText.Encode("creditedLevel");
        internal static readonly JsonEncodedText PerformanceYears = JsonEncodedText.Encode("performanceYears");
        internal static readonly JsonEncodedText Year = JsonEncodedText.Encode("year");
        internal static readonly JsonEncodedText Weight = JsonEncodedText.Encode("weight");
        internal static readonly JsonEncodedText Rating = JsonEncodedText.Encode("rating");
        internal static readonly JsonEncodedText RatingValue = JsonEncodedText.Encode("ratingValue");
        internal static readonly JsonEncodedText WeightedValue = JsonEncodedText.Encode("weightedValue");
        internal static readonly JsonEncodedText JobPersonMatch = JsonEncodedText.Encode("jobPersonMatch");
        internal static readonly JsonEncodedText Formula = JsonEncodedText.Encode("formula");
        internal static readonly JsonEncodedText CreditedLevels = JsonEncodedText.Encode("creditedLevels");
        internal static readonly JsonEncodedText RequiredLevels = JsonEncodedText.Encode("requiredLevels");
        internal static readonly JsonEncodedText Unrounded = JsonEncodedText.Encode("unrounded");
        internal static readonly JsonEncodedText Published = JsonEncodedText.Encode("published");
        internal static readonly JsonEncodedText MissingCompetencies = JsonEncodedText.Encode("missingCompetencies");
        internal static readonly JsonEncodedText Band = JsonEncodedText.Encode("band");
        internal static readonly JsonEncodedText TopBandFrom = JsonEncodedText.Encode("topBandFrom");
        internal static readonly JsonEncodedText MiddleBandFrom = JsonEncodedText.Encode("middleBandFrom");
        internal static readonly JsonEncodedText IndonesianTerm = JsonEncodedText.Encode("indonesianTerm");
        internal static readonly JsonEncodedText Performance = JsonEncodedText.Encode("performance");
        internal static readonly JsonEncodedText WeightedRatingSum = JsonEncodedText.Encode("weightedRatingSum");
        internal static readonly JsonEncodedText Merit = JsonEncodedText.Encode("merit");
        internal static readonly JsonEncodedText Jpm = JsonEncodedText.Encode("jpm");
        internal static readonly JsonEncodedText CompetencePart = JsonEncodedText.Encode("competencePart");
        internal static readonly JsonEncodedText PerformanceScore = JsonEncodedText.Encode("performanceScore");
        internal static readonly JsonEncodedText PerformancePart = JsonEncodedText.Encode("performancePart");
        internal static readonly JsonEncodedText Rounding = JsonEncodedText.Encode("rounding");
        internal static readonly JsonEncodedText TalentBox = JsonEncodedText.Encode("talentBox");
        internal static readonly JsonEncodedText Potential = JsonEncodedText.Encode("potential");
        internal static readonly JsonEncodedText PerformanceLevel = JsonEncodedText.Encode("performanceLevel");
        internal static readonly JsonEncodedText Box = JsonEncodedText.Encode("box");
        internal static readonly JsonEncodedText InTalentPool = JsonEncodedText.Encode("inTalentPool");
        internal static readonly JsonEncodedText Meaning = JsonEncodedText.Encode("meaning");
        internal static readonly JsonEncodedText Eligibility = JsonEncodedText.Encode("eligibility");
        internal static readonly JsonEncodedText Eligible = JsonEncodedText.Encode("eligible");
        internal static readonly JsonEncodedText Reasons = JsonEncodedText.Encode("reasons");
        internal static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
        internal static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");
        internal static readonly JsonEncodedText Rank = JsonEncodedText.Encode("rank");
        internal static readonly JsonEncodedText DecidedBy = JsonEncodedText.Encode("decidedBy");
        internal static readonly JsonEncodedText LatestRatingValue = JsonEncodedText.Encode("latestRatingValue");
        internal static readonly JsonEncodedText Explanation = JsonEncodedText.Encode("explanation");
        internal static readonly JsonEncodedText Seal = JsonEncodedText.Encode("seal");
    }
}
