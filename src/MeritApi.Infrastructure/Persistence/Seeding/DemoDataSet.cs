using System.Globalization;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Audit;
using MeritApi.Domain.Competencies;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Selections;

namespace MeritApi.Infrastructure.Persistence.Seeding;

/// <summary>
/// A realistic, reproducible demo agency: three positions with competency standards, 200 employees with
/// assessments and SKP ratings (fixed random seed), and two open selections. Built through the domain
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
        var employees = Enumerable.Range(1, EmployeeCount).Select(i => NewEmployee(i, technical)).ToList();
        db.Employees.AddRange(employees);

        var latestYear = Selection.DefaultLatestPerformanceYear(now);
        var promotion = new Selection(PromotionSelectionId, head.Id, SelectionKind.Promotion, 1, 1, latestYear,
            $"PENG-{now.Year}/KEP/001", now);
        var placement = new Selection(PlacementSelectionId, analyst.Id, SelectionKind.Placement, 2, 1, latestYear,
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
        foreach (var selection in new[] { promotion, placement })
        {
            await LogAsync("OpenSelection", [selection.Id, selection.PositionId], cancellationToken);
            await LogAsync("EnrolCandidates", [selection.Id, .. db.Candidates.Local.Where(c => c.SelectionId == selection.Id).Select(c => c.Id)],
                cancellationToken);
        }
        return $"{TechnicalCompetencies.Length} technical competencies, 3 positions, {employees.Count} employees, " +
               $"selections {promotion.Id} (promotion, {promotion.CandidateCount} candidates) and " +
               $"{placement.Id} (placement, {placement.CandidateCount} candidates)";
    }

    /// <summary>One entry per act of the seeding, named as the command that does the same; its body digest is that of its name.</summary>
    private async Task LogAsync(string command, IReadOnlyCollection<Guid> touched, CancellationToken cancellationToken)
    {
        var requestId = $"demo-data-{command}-{touched.First()}";
        await audit.AppendAsync(new AuditRecord("demo-data", "system", command, touched, requestId,
            Domain.Rationales.RationaleSeal.Sha256Hex(requestId), null), cancellationToken);
    }

    private static Position NewPosition(string code, string title, PositionKind kind, string minimumGrade,
        IEnumerable<(string, int)> standard) =>
        new(Guid.CreateVersion7(), code, title, kind, Grade.Parse(minimumGrade), standard);

    private Employee NewEmployee(int index, string[] technical)
    {
        var name = $"{FirstNames[_random.Next(FirstNames.Length)]} {LastNames[_random.Next(LastNames.Length)]}";
        var grade = Grade.All[_random.Next(8, 14)]; // III/a … IV/b: the grades that compete for these posts
        var employee = new Employee(Guid.CreateVersion7(), Nip.Parse(DemoNip(index)), name, grade, Units[_random.Next(Units.Length)]);

        foreach (var code in Managerial.Append("SC-NATIONAL-UNITY").Concat(technical))
        {
            var assessedOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-_random.Next(30, 900));
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
