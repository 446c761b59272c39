using MeritApi.Application.ScoringPolicies.Commands.CreateScoringPolicy;
using MeritApi.Application.Tests.Support;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Rationales;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MeritApi.Application.Tests.Selections.Commands.RunScoring;

/// <summary>
/// The optimised scoring path (streaming reads into arrays, bulk COPY of the results, parallel seals, statement-level
/// reference checks) must store exactly what the plain domain computation gives on the same evidence. Thousands of
/// random candidates: several assessments per competency (the latest by date assessed, then by time recorded, must
/// win, including same-day re-assessments), assessments of competencies outside the standard, missing assessments,
/// ratings outside the counted years, missing ratings, grades on both sides of the minimum, and many ties.
/// </summary>
public sealed class ScoringEquivalenceTests : IntegrationFixture
{
    private const int Candidates = 3000;
    private const int LatestYear = 2024; // the test clock says 2025-06-15
    private const string MinimumGrade = "III/b";

    private static readonly string[] Grades = ["II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/e"];

    private sealed record Assessment(string Code, int Level, DateOnly AssessedOn, DateTimeOffset RecordedAt, string? Assessor = null);

    private sealed record Person(Guid Id, string Nip, string Grade, List<Assessment> Assessments, Dictionary<int, PerformanceRating> Ratings);

    [Test]
    public async Task Stored_results_of_thousands_of_random_candidates_equal_the_plain_domain_computation()
    {
        var t1 = await Given.CompetencyAsync();
        var t2 = await Given.CompetencyAsync();
        // Required levels adding up to 20 (JPM in steps of 5) and equal year weights under a lenient minimum rating, so
        // that equal merit scores with different JPMs, and equal JPMs with different latest ratings, both occur.
        (string Code, int Level)[] standard = [(t1.Code, 4), (t2.Code, 5), ("M-INTEGRITY", 4), ("M-COOPERATION", 2), ("M-COMMUNICATION", 5)];
        var policy = await App.Send(new CreateScoringPolicyCommand(0.5m, 0.5m, [0.5m, 0.5m], JpmBandSet.Filling, PerformanceRating.NeedsImprovement,
            "Equal year weights (equivalence test)"));
        var position = await Given.PositionAsync(MinimumGrade, standard);
        var selection = await Given.SelectionAsync(position.Id, policy.Version);
        var people = RandomPeople(new Random(20261123), [.. standard.Select(s => s.Code), "M-CHANGE"]);
        await InsertAsync(people);
        var enrolled = await Given.EnrolAsync(selection.Id, [.. people.Select(p => p.Id)]);

        var run = await Given.ScoreAsync(selection.Id);

        // The plain computation: LINQ over the generated evidence, the domain scorer and the domain ranking.
        await using var db = Database.CreateDbContext();
        var storedPolicy = await db.ScoringPolicies.AsNoTracking().SingleAsync(p => p.Version == selection.PolicyVersion);
        var context = new ScoringContext(storedPolicy, [.. standard.OrderBy(s => s.Code, StringComparer.Ordinal)], Grade.Parse(MinimumGrade), LatestYear);
        var scores = people.Select((p, i) => MeritScorer.Score(context, new CandidateEvidence(enrolled[i].Id, Grade.Parse(p.Grade),
                p.Assessments.GroupBy(a => a.Code)
                    .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt).First().Level),
                p.Ratings)))
            .ToList();
        var ranks = Ranking.Rank(scores);

        var stored = await db.CandidateResults.AsNoTracking().Where(r => r.ScoringRunId == run.Id).ToDictionaryAsync(r => r.CandidateId);
        Assert.That((run.CandidateCount, run.EligibleCount, stored.Count), Is.EqualTo((Candidates, scores.Count(s => s.Eligible), Candidates)));
        // The data must exercise what it claims to: ineligible candidates, shared ranks and every tie-break.
        Assert.That(ranks.Where(r => r is not null).Select(r => r!.Value.DecidedBy).Distinct(),
            Is.EquivalentTo(Enum.GetValues<RankDecision>()));
        Assert.That(scores.Count(s => !s.Eligible), Is.GreaterThan(Candidates / 10));

        var mismatches = new List<string>();
        for (var i = 0; i < Candidates; i++)
        {
            var (score, rank, person) = (scores[i], ranks[i], people[i]);
            var result = stored[enrolled[i].Id];
            var expected = (score.JobPersonMatch.Percentage, score.Band, string.Join(';', score.JobPersonMatch.Gaps), score.Performance.Score,
                string.Join(';', score.Performance.Years), score.Performance.LatestRating, score.MeritScore, score.TalentBox.Number, score.Eligible,
                string.Join(';', score.IneligibilityReasons), rank?.Rank, rank?.DecidedBy, Grade.Parse(person.Grade), enrolled[i].Code,
                person.Id);
            var actual = (result.Jpm, result.JpmBand, string.Join(';', result.CompetencyGaps), result.PerformanceScore,
                string.Join(';', result.PerformanceYears), result.LatestRating, result.MeritScore, result.TalentBox, result.Eligible,
                string.Join(';', result.IneligibilityReasons), result.Rank, result.RankDecidedBy, result.Grade, result.CandidateCode,
                result.EmployeeId);
            if (actual != expected)
                mismatches.Add($"candidate {enrolled[i].Code}:\n  expected {expected}\n  stored   {actual}");
            // Each seal is the hash of the rationale of exactly these figures, in the current scheme.
            if (RationaleBuilder.Build(selection.Id, storedPolicy, Grade.Parse(MinimumGrade), null, result, SealSchemes.V2).Seal != result.Seal)
                mismatches.Add($"candidate {enrolled[i].Code}: the stored seal is not the seal of its rationale");
        }
        Assert.That(mismatches, Is.Empty, $"{mismatches.Count} of {Candidates} candidates differ");
        Assert.That(run.Id, Is.Not.EqualTo(Guid.Empty));
        var digest = ScoringRun.DigestOf(stored.Values.Select(r => (r.CandidateId, r.Seal)));
        Assert.That(await db.ScoringRuns.Where(r => r.Id == run.Id).Select(r => r.ResultsDigest).SingleAsync(), Is.EqualTo(digest));
    }

    [Test]
    public async Task Under_a_validity_rule_the_stored_verdicts_equal_the_domain_rule_applied_to_each_competency_s_assessments()
    {
        var t1 = await Given.CompetencyAsync();
        (string Code, int Level)[] standard = [(t1.Code, 4), ("M-INTEGRITY", 3), ("M-COOPERATION", 3)];
        var policy = await App.Send(new CreateScoringPolicyCommand(0.5m, 0.5m, [0.6m, 0.4m], JpmBandSet.Filling, PerformanceRating.NeedsImprovement,
            "Validity, accredited bodies only (equivalence test)", AssessmentValidity: new AssessmentValidityRule(3, accreditedBodiesOnly: true)));
        // One body whose accreditation lapsed, one accredited later, one never listed (its name differs in case as clerks type it).
        string[] bodies = ["Pusat Asesmen Lama", "PUSAT ASESMEN BARU", "Konsultan Tanpa Akreditasi"];
        await App.Send(new Application.AssessingBodies.Commands.RegisterAccreditation.RegisterAccreditationCommand(
            "Pusat Asesmen Lama", new DateOnly(2019, 1, 1), new DateOnly(2023, 12, 31)));
        await App.Send(new Application.AssessingBodies.Commands.RegisterAccreditation.RegisterAccreditationCommand(
            "Pusat Asesmen Baru", new DateOnly(2022, 6, 1), null));
        var position = await Given.PositionAsync(MinimumGrade, standard);
        var selection = await Given.SelectionAsync(position.Id, policy.Version);
        var random = new Random(20261203);
        var people = RandomPeople(random, [.. standard.Select(s => s.Code)]);
        // Dates from 2021 to the clock's 2025, so that expired, valid, lapsed and not-yet-accredited assessments all occur.
        people = [.. people.Select(p => p with
        {
            Assessments = [.. p.Assessments.Select(a => a with
            {
                AssessedOn = new DateOnly(2021, 1, 1).AddDays(random.Next(0, 1600)), Assessor = bodies[random.Next(bodies.Length)],
            })],
        })];
        await InsertAsync(people);
        var enrolled = await Given.EnrolAsync(selection.Id, [.. people.Select(p => p.Id)]);
        var run = await Given.ScoreAsync(selection.Id);

        await using var db = Database.CreateDbContext();
        var referenceDate = (await db.Selections.AsNoTracking().SingleAsync(s => s.Id == selection.Id)).ReferenceDate;
        var accredited = (await db.Accreditations.AsNoTracking().ToListAsync()).Select(a => a.ToAccreditedBody()).ToList();
        var rule = new AssessmentValidityRule(3, accreditedBodiesOnly: true);
        var stored = await db.CandidateResults.AsNoTracking().Where(r => r.ScoringRunId == run.Id).ToDictionaryAsync(r => r.CandidateId);
        Assert.That((await db.ScoringRuns.AsNoTracking().SingleAsync(r => r.Id == run.Id)).ReferenceDate, Is.EqualTo(referenceDate));

        static string Text(IEnumerable<CompetencyGap> lines) => string.Join("; ", lines.Select(g =>
            $"{g.CompetencyCode}={g.AssessedLevel}@{g.AssessedOn} passed [{string.Join(", ", (g.PassedOver ?? []).Select(p => $"{p.Level}@{p.AssessedOn} {p.Assessor} {p.Refusal}"))}]"));
        var mismatches = new List<string>();
        var refusals = new HashSet<AssessmentRefusal>();
        var validOlderThanRefused = 0;
        for (var i = 0; i < Candidates; i++)
        {
            var person = people[i];
            var expected = standard.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s =>
            {
                var newestFirst = person.Assessments.Where(a => a.Code == s.Code)
                    .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt)
                    .Select(a => new AssessmentEvidence(a.Level, a.AssessedOn, a.Assessor!)).ToList();
                var (counted, passed) = rule.LatestValid(newestFirst, referenceDate, accredited);
                refusals.UnionWith(passed.Select(p => p.Verdict.Refusal!.Value));
                if (counted is not null && passed.Count > 0)
                    validOlderThanRefused++;
                return new CompetencyGap(s.Code, s.Level, counted?.Level, counted?.AssessedOn,
                    [.. passed.Select(p => new PassedOverAssessment(p.Assessment.Level, p.Assessment.AssessedOn, p.Assessment.Assessor, p.Verdict.Refusal!.Value))]);
            });
            var (expectedText, storedText) = (Text(expected), Text(stored[enrolled[i].Id].CompetencyGaps));
            if (expectedText != storedText)
                mismatches.Add($"candidate {enrolled[i].Code}:\n  expected {expectedText}\n  stored   {storedText}");
        }
        Assert.That(mismatches, Is.Empty, $"{mismatches.Count} of {Candidates} candidates differ");
        Assert.That(refusals, Is.EquivalentTo(Enum.GetValues<AssessmentRefusal>()), "the data must exercise both refusals");
        Assert.That(validOlderThanRefused, Is.GreaterThan(100), "and valid assessments behind refused newer ones");
    }

    private static List<Person> RandomPeople(Random random, string[] codes)
    {
        // Few distinct levels and ratings, so that merit scores, JPMs and latest ratings tie often.
        var ratings = Enum.GetValues<PerformanceRating>();
        var recordedBase = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return [.. Enumerable.Range(0, Candidates).Select(_ =>
        {
            var assessments = new List<Assessment>();
            foreach (var code in codes)
            {
                var count = random.Next(0, 4); // 0: never assessed
                var day = new DateOnly(2022, 1, 1).AddDays(random.Next(0, 40));
                for (var a = 0; a < count; a++)
                {
                    // Same-day re-assessments happen: then the later recording counts.
                    var on = random.Next(3) == 0 ? day : day.AddDays(random.Next(-30, 30));
                    assessments.Add(new Assessment(code, random.Next(1, 6), on, recordedBase.AddMinutes(random.Next(0, 100_000))));
                }
            }
            var byYear = new Dictionary<int, PerformanceRating>();
            for (var year = LatestYear - 3; year <= LatestYear + 1; year++)
            {
                if (random.Next(12) > 0)
                    byYear[year] = ratings[random.Next(ratings.Length)];
            }
            return new Person(Guid.CreateVersion7(), Unique.Nip(), Grades[random.Next(Grades.Length)], assessments, byYear);
        })];
    }

    /// <summary>The evidence goes in by COPY: thousands of people through the commands would take minutes.</summary>
    private static async Task InsertAsync(List<Person> people)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using (var employees = await connection.BeginBinaryImportAsync("COPY employees (id, nip, name, grade, unit) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in people)
                await employees.WriteRowAsync(default, p.Id, p.Nip, "Pegawai Uji", p.Grade, "Biro Uji");
            await employees.CompleteAsync();
        }
        await using (var assessments = await connection.BeginBinaryImportAsync(
                         "COPY competency_assessments (id, employee_id, competency_code, level, assessed_on, assessor, recorded_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in people)
                foreach (var a in p.Assessments)
                {
                    await assessments.StartRowAsync();
                    await assessments.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    await assessments.WriteAsync(p.Id, NpgsqlDbType.Uuid);
                    await assessments.WriteAsync(a.Code, NpgsqlDbType.Varchar);
                    await assessments.WriteAsync(a.Level, NpgsqlDbType.Integer);
                    await assessments.WriteAsync(a.AssessedOn, NpgsqlDbType.Date);
                    await assessments.WriteAsync(a.Assessor ?? $"Pusat Penilaian Uji {a.RecordedAt.Ticks}", NpgsqlDbType.Varchar); // never an exact repeat
                    await assessments.WriteAsync(a.RecordedAt, NpgsqlDbType.TimestampTz);
                }
            await assessments.CompleteAsync();
        }
        await using (var ratings = await connection.BeginBinaryImportAsync(
                         "COPY performance_ratings (employee_id, year, rating, recorded_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in people)
                foreach (var (year, rating) in p.Ratings)
                    await ratings.WriteRowAsync(default, p.Id, year, rating.ToString(), DateTimeOffset.UtcNow);
            await ratings.CompleteAsync();
        }
    }
}
