namespace MeritApi.Domain.Scoring;

/// <summary>Performance axis of the nine-box grid, from the performance score.</summary>
public enum PerformanceLevel
{
    BelowExpectation = 1,
    MeetsExpectation = 2,
    AboveExpectation = 3,
}

/// <summary>
/// A cell of the nine-box talent grid of PermenPANRB 3/2020. Its numbering is not row by row, so the
/// table below is the rule, not arithmetic on the axes.
/// </summary>
public readonly record struct TalentBox
{
    public const decimal AboveExpectationFrom = 90m;
    public const decimal MeetsExpectationFrom = 70m;

    // [performance - 1, potential - 1] → box number, transcribed from DESIGN §4.
    private static readonly int[,] Grid =
    {
        // low, medium, high potential
        { 1, 3, 6 }, // below expectation
        { 2, 5, 8 }, // meets expectation
        { 4, 7, 9 }, // above expectation
    };

    private TalentBox(int number, Potential potential, PerformanceLevel performance)
    {
        Number = number;
        Potential = potential;
        Performance = performance;
    }

    public int Number { get; }
    public Potential Potential { get; }
    public PerformanceLevel Performance { get; }

    /// <summary>The first box of the talent pool.</summary>
    private const int TalentPoolFrom = 7;

    /// <summary>Boxes 7, 8 and 9 form the talent pool (kelompok rencana suksesi).</summary>
    public bool InTalentPool => IsInTalentPool(Number);

    /// <summary>The talent-pool rule for a stored box number, so that readers of stored results ask the rule, not a copy.</summary>
    public static bool IsInTalentPool(int boxNumber) => boxNumber >= TalentPoolFrom;

    public static PerformanceLevel PerformanceLevelOf(decimal performanceScore) =>
        performanceScore >= AboveExpectationFrom ? PerformanceLevel.AboveExpectation
        : performanceScore >= MeetsExpectationFrom ? PerformanceLevel.MeetsExpectation
        : PerformanceLevel.BelowExpectation;

    public static TalentBox Of(Potential potential, PerformanceLevel performance) =>
        new(Grid[(int)performance - 1, (int)potential - 1], potential, performance);

    public static TalentBox FromNumber(int number)
    {
        for (var p = 0; p < 3; p++)
            for (var q = 0; q < 3; q++)
                if (Grid[p, q] == number)
                    return new TalentBox(number, (Potential)(q + 1), (PerformanceLevel)(p + 1));
        throw new ArgumentOutOfRangeException(nameof(number), number, "A talent box is numbered 1 to 9.");
    }

    /// <summary>
    /// The follow-up PermenPANRB 3/2020 recommends for an employee in this box (rekomendasi tindak lanjut): what a development
    /// plan of theirs is set beside.
    /// </summary>
    public string FollowUp => Number switch
    {
        9 => "Keep and promote: succession pool, assignment to a higher position, recognition (dipromosikan, masuk kelompok rencana suksesi).",
        8 => "Keep: succession pool, rotation or job enlargement, performance coaching (rotasi/perluasan jabatan, bimbingan kinerja).",
        7 => "Keep: succession pool, rotation or job enlargement, competency development (rotasi/perluasan jabatan, pengembangan kompetensi).",
        6 => "Place where the potential is used; performance coaching and counselling (penempatan sesuai, bimbingan dan konseling kinerja).",
        5 => "Place suitably; performance coaching and competency development (penempatan sesuai, bimbingan kinerja, pengembangan kompetensi).",
        4 => "Rotation and competency development (rotasi, pengembangan kompetensi).",
        3 => "Performance coaching and counselling, competency development, suitable placement (bimbingan dan konseling kinerja, pengembangan kompetensi).",
        2 => "Performance coaching and competency development; suitable placement (bimbingan kinerja, pengembangan kompetensi, penempatan sesuai).",
        _ => "Performance counselling; if it persists, handled under the civil-service discipline rules (konseling kinerja, diproses sesuai ketentuan).",
    };

    /// <summary>What the box means, in English with the Indonesian terms beside them.</summary>
    public string Meaning
    {
        get
        {
            var performance = Performance switch
            {
                PerformanceLevel.AboveExpectation => "performance above expectation (kinerja di atas ekspektasi)",
                PerformanceLevel.MeetsExpectation => "performance meets expectation (kinerja sesuai ekspektasi)",
                _ => "performance below expectation (kinerja di bawah ekspektasi)",
            };
            var potential = Potential switch
            {
                Potential.High => "high potential (potensial tinggi)",
                Potential.Medium => "medium potential (potensial menengah)",
                _ => "low potential (potensial rendah)",
            };
            var pool = InTalentPool ? "; in the talent pool (kelompok rencana suksesi)" : string.Empty;
            return $"Box {Number}: {performance}, {potential}{pool}";
        }
    }
}
