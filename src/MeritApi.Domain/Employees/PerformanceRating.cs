namespace MeritApi.Domain.Employees;

/// <summary>
/// SKP performance rating (predikat kinerja) for a calendar year. The numeric value is the rating's
/// score on the 1–5 scale used by the performance formula.
/// </summary>
public enum PerformanceRating
{
    /// <summary>Sangat kurang.</summary>
    VeryPoor = 1,

    /// <summary>Kurang / misconduct.</summary>
    Poor = 2,

    /// <summary>Butuh perbaikan.</summary>
    NeedsImprovement = 3,

    /// <summary>Baik.</summary>
    Good = 4,

    /// <summary>Sangat baik.</summary>
    VeryGood = 5,
}
