using System.Globalization;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Audit;
using MeritApi.Domain.Competencies;
using MeritApi.Domain.Development;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Placement;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Selections;
using MeritApi.Domain.Succession;
using MeritApi.Domain.TalentMapping;
using MeritApi.Infrastructure.Solvers;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Infrastructure.Persistence.Seeding;

/// <summary>
/// A realistic, reproducible demo agency: three positions with competency standards, 200 employees with
/// assessments (a few expired) and SKP ratings (fixed random seed), most holding one of the positions, PNS or PPPK, with
/// this year's and last year's development activities (some short of 20 JP, some certificates lapsing soon), two
/// individual development plans, a talent-mapping run, a succession pool for the head of personnel (falling vacant, some
/// members through nomination, verification and approval), an undecided placement plan for four seats, and two open
/// selections under the newest policy. Built through the domain
/// model, so the demo obeys the same rules as real data, and recorded in the audit log as what it is (actor "demo-data"):
/// a decision file of a demo selection then proves its opening and every enrolment, as one of real data does.
/// </summary>
internal sealed class DemoDataSet(MeritDbContext db, IAuditTrail audit, DateTimeOffset now)
{
    public const int EmployeeCount = 200;

    /// <summary>Fixed ids, so ./build/run.sh can print a committee token for the demo selections before the API starts.</summary>
    public static readonly Guid PromotionSelectionId = Guid.Parse("0196a000-0000-7000-8000-000000000001");
    public static readonly Guid PlacementSelectionId = Guid.Parse("0196a000-0000-7000-8000-000000000002");
    private const int Seed = 2026;

    private static readonly Competency[] TechnicalCompetencies =
    [
        new("T-HR-MANAGEMENT", "Civil-service HR management (Manajemen ASN)", CompetencyCategory.Technical),
        new("T-PUBLIC-POLICY", "Public policy (Kebijakan publik)", CompetencyCategory.Technical),
        new("T-POLICY-ANALYSIS", "Policy analysis (Analisis kebijakan)", CompetencyCategory.Technical),
        new("T-DATA-ANALYSIS", "Data analysis (Analisis data)", CompetencyCategory.Technical),
        new("T-PUBLIC-FINANCE", "State finance management (Pengelolaan keuangan negara)", CompetencyCategory.Technical),
        new("T-GOV-ACCOUNTING", "Government accounting (Akuntansi pemerintahan)", CompetencyCategory.Technical),
    ];

    private static readonly string[] Managerial =
        ["M-INTEGRITY", "M-COOPERATION", "M-COMMUNICATION", "M-RESULTS", "M-PUBLIC-SERVICE", "M-DEVELOPMENT", "M-CHANGE", "M-DECISION"];

    private static readonly string[] FirstNames =
    [
        "Adi", "Agus", "Ahmad", "Andi", "Anisa", "Ayu", "Bambang", "Budi", "Dewi", "Dian", "Eka", "Fajar", "Fitri", "Gita",
        "Hendra", "Indah", "Intan", "Joko", "Kartika", "Lestari", "Made", "Maria", "Nur", "Putri", "Rahmat", "Rina", "Rizky",
        "Sari", "Siti", "Taufik", "Teguh", "Wahyu", "Wayan", "Yohanes", "Yusuf", "Zainal",
    ];

    private static readonly string[] LastNames =
    [
        "Santoso", "Wijaya", "Saputra", "Kusuma", "Hidayat", "Pratama", "Siregar", "Nasution", "Lubis", "Simanjuntak",
        "Setiawan", "Gunawan", "Hakim", "Rahman", "Purnomo", "Susanto", "Tanjung", "Harahap", "Wibowo", "Utami",
        "Permana", "Sihombing", "Manurung", "Pangaribuan", "Halim", "Suryadi",
    ];

    private static readonly string[] Units =
    [
        "Biro Sumber Daya Manusia", "Biro Keuangan", "Biro Perencanaan", "Pusat Data dan Informasi",
        "Direktorat Kebijakan Publik", "Inspektorat", "Sekretariat Direktorat Jenderal",
    ];

    private static readonly string[] Assessors =
        ["Pusat Penilaian Kompetensi ASN, BKN", "UPT Penilaian Kompetensi Kementerian", "Assessment Center Kantor Regional"];

    private static readonly (DevelopmentForm Form, string Title, string? Provider)[] Activities =
    [
        (DevelopmentForm.Training, "Pelatihan Manajemen ASN", "BPSDM Kementerian"),
        (DevelopmentForm.Training, "Pelatihan Analisis Kebijakan", "Lembaga Administrasi Negara"),
        (DevelopmentForm.Course, "Kursus Pengelolaan Keuangan Negara", "BPPK Kementerian Keuangan"),
        (DevelopmentForm.Seminar, "Seminar Reformasi Birokrasi", "Universitas Indonesia"),
        (DevelopmentForm.Workshop, "Lokakarya Penyusunan SKP", "Biro Sumber Daya Manusia"),
        (DevelopmentForm.ELearning, "E-learning Literasi Data", "ASN Corporate University"),
        (DevelopmentForm.Coaching, "Coaching oleh Atasan Langsung", "Atasan langsung"),
        (DevelopmentForm.Mentoring, "Mentoring Pelayanan Publik", "Pejabat Pimpinan Tinggi Pratama"),
        (DevelopmentForm.Benchmarking, "Patok Banding Tata Kelola Data", "Pemerintah Provinsi"),
        (DevelopmentForm.SelfStudy, "Belajar Mandiri Kebijakan Publik", null),
    ];

    private static readonly decimal[] JpChoices = [2, 4, 6, 8, 12, 16, 20, 24, 32];

    private readonly Random _random = new(Seed);

    public async Task<string> SeedAsync(CancellationToken cancellationToken)
    {
        db.Competencies.AddRange(TechnicalCompetencies);

        var head = NewPosition("JPT-ADM-KEP-01", "Kepala Bagian Kepegawaian (Head of Personnel Division)", PositionKind.Structural,
            "III/d", [.. Managerial.Select(m => (m, 3)), ("SC-NATIONAL-UNITY", 3), ("T-HR-MANAGEMENT", 3), ("T-PUBLIC-POLICY", 2)]);
        var analyst = NewPosition("JF-AK-MUDA-01", "Analis Kebijakan Ahli Muda (Policy Analyst, junior expert)", PositionKind.Functional,
            "III/c", [.. Managerial.Select(m => (m, 2)), ("SC-NATIONAL-UNITY", 2), ("T-POLICY-ANALYSIS", 3), ("T-DATA-ANALYSIS", 3)]);
        var finance = NewPosition("JPT-SPV-KEU-01", "Kepala Subbagian Keuangan (Head of Finance Subdivision)", PositionKind.Structural,
            "III/b", [.. Managerial.Select(m => (m, 2)), ("SC-NATIONAL-UNITY", 2), ("T-PUBLIC-FINANCE", 3), ("T-GOV-ACCOUNTING", 3)]);
        db.Positions.AddRange(head, analyst, finance);

        var technical = TechnicalCompetencies.Select(c => c.Code).ToArray();
        Position[] positions = [head, analyst, finance];
        var employees = Enumerable.Range(1, EmployeeCount).Select(i => NewEmployee(i, technical, positions)).ToList();
        db.Employees.AddRange(employees);
        var activities = employees.SelectMany(NewActivities).ToList();
        db.DevelopmentActivities.AddRange(activities);
        var names = (await db.Competencies.AsNoTracking().Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken))
            .Concat(TechnicalCompetencies.Select(c => new { c.Code, c.Name })).ToDictionary(c => c.Code, c => c.Name);
        var plans = NewPlans(employees, positions, names).ToList();
        db.DevelopmentPlans.AddRange(plans);

        // New selections default to the newest policy (with its assessment validity rule); so do the demo's.
        var policyVersion = await db.ScoringPolicies.MaxAsync(p => p.Version, cancellationToken);
        var latestYear = Selection.DefaultLatestPerformanceYear(now);
        var promotion = new Selection(PromotionSelectionId, head.Id, SelectionKind.Promotion, 1, policyVersion, latestYear,
            $"PENG-{now.Year}/KEP/001", now);
        var placement = new Selection(PlacementSelectionId, analyst.Id, SelectionKind.Placement, 2, policyVersion, latestYear,
            $"PENG-{now.Year}/AK/002", now);
        db.Selections.AddRange(promotion, placement);
        var shuffled = employees.OrderBy(_ => _random.Next()).ToList();
        db.Candidates.AddRange(shuffled.Take(60).Select(e => promotion.Enrol(Guid.CreateVersion7(), e.Id, now)));
        db.Candidates.AddRange(shuffled.Skip(60).Take(40).Select(e => placement.Enrol(Guid.CreateVersion7(), e.Id, now)));

        await db.SaveChangesAsync(cancellationToken);
        await LogAsync("RegisterCompetency", [.. TechnicalCompetencies.Select(c => AuditIds.ForCompetency(c.Code))], cancellationToken);
        foreach (var position in new[] { head, analyst, finance })
            await LogAsync("CreatePosition", [position.Id], cancellationToken);
        await LogAsync("ImportEmployees", [.. employees.Select(e => e.Id)], cancellationToken);
        await LogAsync("ImportDevelopmentActivities", [.. activities.Select(a => a.EmployeeId).Distinct()], cancellationToken);
        foreach (var plan in plans)
            await LogAsync("CreateDevelopmentPlan", [plan.EmployeeId, plan.Id], cancellationToken);
        var policy = await db.ScoringPolicies.AsNoTracking().SingleAsync(p => p.Version == policyVersion, cancellationToken);
        var mapping = await MapAsync(employees, positions, policy, cancellationToken);
        var pool = await PoolAsync(employees, head, mapping, policy, cancellationToken);
        var placementPlan = await PlanAsync(employees, [analyst, finance], head, policy, cancellationToken);
        foreach (var selection in new[] { promotion, placement })
        {
            await LogAsync("OpenSelection", [selection.Id, selection.PositionId], cancellationToken);
            await LogAsync("EnrolCandidates", [selection.Id, .. db.Candidates.Local.Where(c => c.SelectionId == selection.Id).Select(c => c.Id)],
                cancellationToken);
        }
        return $"{TechnicalCompetencies.Length} technical competencies, 3 positions, {employees.Count} employees " +
               $"({employees.Count(e => e.CurrentPositionId is not null)} holding a position), {activities.Count} development activities, " +
               $"{plans.Count} development plans, talent-mapping run {mapping.Id} ({mapping.PlacedCount} placed, {mapping.UnplacedCount} unplaced), " +
               $"succession pool {pool.Id} ({pool.Members.Count} members, {pool.ApprovedMembers().Count} approved), placement plan {placementPlan.Id} " +
               $"({placementPlan.FilledSeats} of {placementPlan.SeatCount} seats, {placementPlan.CandidateCount} candidates), selections {promotion.Id} (promotion, {promotion.CandidateCount} candidates) and " +
               $"{placement.Id} (placement, {placement.CandidateCount} candidates)";
    }

    /// <summary>One entry per act of the seeding, named as the command that does the same; its body digest is that of its name.</summary>
    private async Task LogAsync(string command, IReadOnlyCollection<Guid> touched, CancellationToken cancellationToken, string? outcome = null)
    {
        var requestId = $"demo-data-{command}-{touched.First()}";
        await audit.AppendAsync(new AuditRecord("demo-data", "system", command, touched, requestId,
            Domain.Rationales.RationaleSeal.Sha256Hex(requestId), outcome), cancellationToken);
    }

    /// <summary>The agency's first talent-mapping run, over everyone, under the newest policy, as the command would make it.</summary>
    private async Task<TalentMappingRun> MapAsync(List<Employee> employees, Position[] positions, ScoringPolicy policy, CancellationToken cancellationToken)
    {
        var standards = positions.ToDictionary(p => p.Id, MappingPosition.Of);
        var run = TalentMappingRun.Map(Guid.CreateVersion7(), 1, policy, Today, Selection.DefaultLatestPerformanceYear(now), [], [], standards,
            employees.OrderBy(e => e.Id).Select(SubjectOf), now);
        await new MappingRunWriter(db).AddAsync(run, cancellationToken);
        await LogAsync("RunTalentMapping", [run.Id], cancellationToken, run.ResultsDigest);
        return run;
    }

    private static MappingSubject SubjectOf(Employee e) => new(e.Id, e.Unit, e.Grade, e.CurrentPositionId,
        e.Assessments.GroupBy(a => a.CompetencyCode).ToDictionary(g => g.Key,
            g => (IReadOnlyList<AssessmentEvidence>)[.. g.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt)
                .Select(a => new AssessmentEvidence(a.Level, a.AssessedOn, a.Assessor))]),
        e.PerformanceRatings.ToDictionary(r => r.Year, r => r.Rating));

    /// <summary>Evidence as a command reads it: the screen of <paramref name="policy"/> on today, for <paramref name="standard"/>.</summary>
    private CandidateEvidence EvidenceOf(Employee e, ScoringPolicy policy, IReadOnlyList<(string CompetencyCode, int RequiredLevel)> standard) =>
        TalentMappingRun.EvidenceOf(SubjectOf(e), ScoringContext.ForPolicy(policy, standard, null, Selection.DefaultLatestPerformanceYear(now), Today, []));

    /// <summary>
    /// The head of personnel falls vacant in six months: a pool from boxes 7–9 of the run. The three most ready of those the
    /// post's gates admit are nominated,
    /// two of them verified and the first approved; one more is nominated and refused at verification, with why.
    /// </summary>
    private async Task<SuccessionPool> PoolAsync(List<Employee> employees, Position head, TalentMappingRun mapping, ScoringPolicy policy,
        CancellationToken cancellationToken)
    {
        var byId = employees.ToDictionary(e => e.Id);
        var standard = head.StandardInCodeOrder();
        var talent = mapping.Placements.Where(p => p.TalentBox >= SuccessionPool.MinimumBox && p.PositionId != head.Id).OrderBy(p => p.EmployeeId)
            .Select(p => (p.TalentBox, p.Total, EvidenceOf(byId[p.EmployeeId], policy, standard))).ToList();
        var pool = SuccessionPool.Form(Guid.CreateVersion7(), head, SuccessionReason.FallingVacant, Today.AddMonths(6), mapping.Id, mapping.Sequence,
            policy, Today, talent, now);
        db.SuccessionPools.Add(pool);
        await db.SaveChangesAsync(cancellationToken);
        await LogAsync("FormSuccessionPool", [pool.Id, head.Id, mapping.Id], cancellationToken);

        var ranked = pool.Members.OrderByDescending(m => m.EligibleForTarget).ThenBy(m => m.Readiness).ThenByDescending(m => m.TargetJpm)
            .ThenBy(m => m.EmployeeId).ToList();
        var steps = new (int Member, SuccessionStep Step, bool Accepted, string Actor, string Reason)[]
        {
            (0, SuccessionStep.Nomination, true, "demo-hr", "Kotak talenta teratas; JPM tertinggi terhadap standar Kepala Bagian Kepegawaian."),
            (1, SuccessionStep.Nomination, true, "demo-hr", "Kotak talenta 7–9 dan siap terhadap standar jabatan target."),
            (2, SuccessionStep.Nomination, true, "demo-hr", "Kotak talenta 7–9; diusulkan unit kerja."),
            (0, SuccessionStep.Verification, true, "demo-talent-committee", "Data kompetensi dan SKP diverifikasi terhadap dokumen sumber."),
            (1, SuccessionStep.Verification, true, "demo-talent-committee", "Data kompetensi dan SKP diverifikasi terhadap dokumen sumber."),
            (2, SuccessionStep.Verification, false, "demo-talent-committee", "Sertifikat kompetensi yang dirujuk belum tercatat; diusulkan kembali setelah dilengkapi."),
            (0, SuccessionStep.Approval, true, "demo-talent-committee", "Disetujui sebagai suksesor utama dalam rapat komite talenta."),
        };
        foreach (var (index, step, accepted, actor, reason) in steps.Where(x => x.Member < ranked.Count))
        {
            ranked[index].Take(step, accepted, actor, reason, now);
            await LogAsync("TakeSuccessionStep", [pool.Id, ranked[index].EmployeeId], cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        return pool;
    }

    /// <summary>
    /// Two policy analysts and two heads of finance to place from 40 employees two to five years in post (none of them in the
    /// head of personnel's post), one of them with a declared conflict of interest. Left undecided, for the PPK to decide.
    /// </summary>
    private async Task<PlacementPlan> PlanAsync(List<Employee> employees, Position[] posts, Position excluded, ScoringPolicy policy,
        CancellationToken cancellationToken)
    {
        var vacancies = posts.Select(p => new Vacancy(p.Id, p.Code, 2, p.StandardInCodeOrder(), p.MinimumGrade)).ToList();
        var union = vacancies.SelectMany(v => v.Standard).Select(s => (s.CompetencyCode, 0)).Distinct().ToList();
        var pool = employees.Where(e => e.InPositionSince is { } since && e.CurrentPositionId != excluded.Id
                                        && PlacementPlanner.InYearsInPostWindow(since, Today)).OrderBy(e => e.Id).Take(40).ToList();
        var candidates = pool.Select(e => new PlacementCandidate(e.Id, EvidenceOf(e, policy, union), e.InPositionSince)).ToList();
        ConflictOfInterest[] conflicts = [new(pool[0].Id, posts[1].Id, "Spouse of the finance bureau's treasurer (bendahara).")];
        var plan = PlacementPlan.Make(Guid.CreateVersion7(), 1, policy, Today, Selection.DefaultLatestPerformanceYear(now), JpmBand.MarginallyMeets,
            vacancies, candidates, conflicts, new OrToolsAssignmentSolver(), now);
        db.PlacementPlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        await LogAsync("MakePlacementPlan", [plan.Id], cancellationToken, plan.Seal);
        return plan;
    }

    private static Position NewPosition(string code, string title, PositionKind kind, string minimumGrade,
        IEnumerable<(string, int)> standard) =>
        new(Guid.CreateVersion7(), code, title, kind, Grade.Parse(minimumGrade), standard);

    private DateOnly Today => DateOnly.FromDateTime(now.UtcDateTime);

    private Employee NewEmployee(int index, string[] technical, Position[] positions)
    {
        var name = $"{FirstNames[_random.Next(FirstNames.Length)]} {LastNames[_random.Next(LastNames.Length)]}";
        var grade = Grade.All[_random.Next(8, 14)]; // III/a … IV/b: the grades that compete for these posts
        var employee = new Employee(Guid.CreateVersion7(), Nip.Parse(DemoNip(index)), name, grade, Units[_random.Next(Units.Length)]);
        // Most hold one of the three positions (taken up one to seven years ago); most are PNS, some PPPK, a few unstated.
        if (_random.NextDouble() < 0.7)
            employee.AssignPosition(new PositionHeld(positions[_random.Next(positions.Length)].Id, Today.AddDays(-_random.Next(365, 2555))), Today);
        var type = _random.NextDouble();
        if (type < 0.97)
            employee.SetEmploymentType(type < 0.85 ? EmploymentType.Pns : EmploymentType.Pppk);

        foreach (var code in Managerial.Append("SC-NATIONAL-UNITY").Concat(technical))
        {
            // One assessment in twenty is older than the three years an assessment counts for.
            var assessedOn = Today.AddDays(_random.NextDouble() < 0.05 ? -_random.Next(1100, 1500) : -_random.Next(30, 900));
            employee.RecordAssessment(Guid.CreateVersion7(), code, Level(), assessedOn, Assessors[_random.Next(Assessors.Length)], now);
        }
        for (var year = now.Year - 3; year <= now.Year - 1; year++)
        {
            // A few employees lack the latest SKP (not yet final), which makes them ineligible.
            if (year == now.Year - 1 && _random.NextDouble() < 0.03)
                continue;
            employee.RecordPerformanceRating(year, Rating(), now);
        }
        return employee;
    }

    /// <summary>
    /// Last year's and this year's activities: none to four a year of 2 to 32 JP each, so some employees fall short of the
    /// 20 JP a PNS needs and a few PPPK pass the 24 JP cap; a certificate with a third of the training and courses, some lapsing soon.
    /// </summary>
    private IEnumerable<DevelopmentActivity> NewActivities(Employee employee)
    {
        foreach (var year in new[] { now.Year - 1, now.Year })
        {
            var first = new DateOnly(year, 1, 1);
            var days = year == now.Year ? Today.DayNumber - first.DayNumber : 365;
            var taken = new HashSet<int>();
            for (var i = _random.Next(0, 5); i > 0; i--)
            {
                var pick = _random.Next(Activities.Length);
                if (!taken.Add(pick))
                    continue; // one activity of a kind a year
                var (form, title, provider) = Activities[pick];
                var start = first.AddDays(_random.Next(0, Math.Max(1, days - 3)));
                var end = start.AddDays(_random.Next(0, 3));
                if (end > Today)
                    end = start;
                var certificate = form is DevelopmentForm.Training or DevelopmentForm.Course && _random.NextDouble() < 0.35
                    ? new Certificate($"SERT/{year}/{employee.Nip.Value[^6..]}-{pick}", end, end.AddDays(_random.Next(300, 1100)))
                    : null;
                yield return new DevelopmentActivity(Guid.CreateVersion7(), employee.Id, form, title, provider, start, end,
                    JamPelajaran.Of(JpChoices[_random.Next(JpChoices.Length)]), [Managerial[_random.Next(Managerial.Length)]], certificate, Today, now);
            }
        }
    }

    /// <summary>
    /// Two plans made a month ago from the gaps against the position held, with an action per gap the inventory suggests a
    /// form for; in the first, one action is completed and a later assessment (recorded after the plan) has closed its gap.
    /// </summary>
    private IEnumerable<IndividualDevelopmentPlan> NewPlans(List<Employee> employees, Position[] positions,
        Dictionary<string, string> competencyNames)
    {
        var madeOn = Today.AddDays(-30);
        var screen = new AssessmentScreen(new AssessmentValidityRule(AssessmentValidityRule.DefaultValidityYears, accreditedBodiesOnly: false), madeOn, []);
        var made = 0;
        foreach (var employee in employees.Where(e => e.CurrentPositionId is not null))
        {
            var position = positions.Single(p => p.Id == employee.CurrentPositionId);
            var needs = NeedsInventory.Of([.. position.Standard.Select(r => new StandardLineEvidence(r.CompetencyCode, r.RequiredLevel,
                [.. employee.Assessments.Where(a => a.CompetencyCode == r.CompetencyCode && a.AssessedOn <= madeOn).OrderByDescending(a => a.AssessedOn)
                    .Select(a => new AssessmentEvidence(a.Level, a.AssessedOn, a.Assessor))]))], screen);
            var below = needs.Where(n => n.Kind == NeedKind.BelowStandard).ToList();
            if (below.Count < 2)
                continue;
            var plan = new IndividualDevelopmentPlan(Guid.CreateVersion7(), employee.Id, position.Id, targetPosition: false, madeOn, needs, now.AddDays(-30));
            var actions = below.Take(3).Select((need, i) =>
            {
                var form = NeedsInventory.Suggestion(need).Form!.Value;
                return plan.AddAction(Guid.CreateVersion7(), need.CompetencyCode, form, $"{form}: {competencyNames[need.CompetencyCode]}",
                    madeOn.AddDays(60 + 30 * i), $"actions[{i}]");
            }).ToList();
            if (made == 0)
            {
                plan.Progress(actions[0].Id, PlanActionStatus.Completed, null);
                employee.RecordAssessment(Guid.CreateVersion7(), below[0].CompetencyCode, below[0].RequiredLevel, Today.AddDays(-5), Assessors[0], now);
                plan.Progress(actions[1].Id, PlanActionStatus.InProgress, null);
            }
            yield return plan;
            if (++made == 2)
                yield break;
        }
    }

    /// <summary>Levels cluster around 3, as assessment-centre results do.</summary>
    private int Level() => _random.NextDouble() switch
    {
        < 0.05 => 1,
        < 0.25 => 2,
        < 0.70 => 3,
        < 0.93 => 4,
        _ => 5,
    };

    private PerformanceRating Rating() => _random.NextDouble() switch
    {
        < 0.22 => PerformanceRating.VeryGood,
        < 0.82 => PerformanceRating.Good,
        < 0.95 => PerformanceRating.NeedsImprovement,
        < 0.99 => PerformanceRating.Poor,
        _ => PerformanceRating.VeryPoor,
    };

    /// <summary>An 18-digit demo NIP; its digits carry no meaning here, and the system never reads any from them.</summary>
    private string DemoNip(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"19{_random.Next(70, 99):D2}{_random.Next(1, 13):D2}{_random.Next(1, 29):D2}20{_random.Next(0, 24):D2}{_random.Next(1, 13):D2}{_random.Next(1, 3)}{index:D3}");
}
