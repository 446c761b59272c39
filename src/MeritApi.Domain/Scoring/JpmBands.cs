namespace MeritApi.Domain.Scoring;

/// <summary>Which band set classifies a job-person match (JPM). The scoring policy names one.</summary>
public enum JpmBandSet
{
    /// <summary>Pengisian jabatan: filling a position (the default for selections).</summary>
    Filling = 1,

    /// <summary>Pemetaan: talent mapping.</summary>
    Mapping = 2,
}

public enum JpmBand
{
    /// <summary>Memenuhi syarat (Filling, JPM ≥ 80).</summary>
    Meets = 1,

    /// <summary>Masih memenuhi syarat (Filling, 68 ≤ JPM &lt; 80).</summary>
    MarginallyMeets = 2,

    /// <summary>Kurang memenuhi syarat (Filling, JPM &lt; 68).</summary>
    DoesNotMeet = 3,

    /// <summary>Optimal (Mapping, JPM ≥ 90).</summary>
    Optimal = 4,

    /// <summary>Cukup optimal (Mapping, 78 ≤ JPM &lt; 90).</summary>
    FairlyOptimal = 5,

    /// <summary>Kurang optimal (Mapping, JPM &lt; 78).</summary>
    NotOptimal = 6,
}

/// <summary>Potential axis of the nine-box grid, taken from the JPM band.</summary>
public enum Potential
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>The band thresholds of DESIGN §4, kept in one place so rationales can quote them.</summary>
public static class JpmBands
{
    /// <summary>Lower bounds (inclusive) of the top and middle band of each set.</summary>
    public static (decimal Top, decimal Middle) Thresholds(JpmBandSet set) => set switch
    {
        JpmBandSet.Filling => (80m, 68m),
        JpmBandSet.Mapping => (90m, 78m),
        _ => throw new ArgumentOutOfRangeException(nameof(set)),
    };

    public static JpmBand Classify(JpmBandSet set, decimal jpm)
    {
        var (top, middle) = Thresholds(set);
        return set switch
        {
            JpmBandSet.Filling => jpm >= top ? JpmBand.Meets : jpm >= middle ? JpmBand.MarginallyMeets : JpmBand.DoesNotMeet,
            JpmBandSet.Mapping => jpm >= top ? JpmBand.Optimal : jpm >= middle ? JpmBand.FairlyOptimal : JpmBand.NotOptimal,
            _ => throw new ArgumentOutOfRangeException(nameof(set)),
        };
    }

    /// <summary>The set a band belongs to.</summary>
    public static JpmBandSet SetOf(JpmBand band) =>
        band is JpmBand.Meets or JpmBand.MarginallyMeets or JpmBand.DoesNotMeet ? JpmBandSet.Filling : JpmBandSet.Mapping;

    /// <summary>Top band → high potential, middle → medium, lowest → low.</summary>
    public static Potential PotentialOf(JpmBand band) => band switch
    {
        JpmBand.Meets or JpmBand.Optimal => Potential.High,
        JpmBand.MarginallyMeets or JpmBand.FairlyOptimal => Potential.Medium,
        JpmBand.DoesNotMeet or JpmBand.NotOptimal => Potential.Low,
        _ => throw new ArgumentOutOfRangeException(nameof(band)),
    };

    /// <summary>The Indonesian term used by assessment reports, for rationales read by civil servants.</summary>
    public static string IndonesianTerm(JpmBand band) => band switch
    {
        JpmBand.Meets => "memenuhi syarat",
        JpmBand.MarginallyMeets => "masih memenuhi syarat",
        JpmBand.DoesNotMeet => "kurang memenuhi syarat",
        JpmBand.Optimal => "optimal",
        JpmBand.FairlyOptimal => "cukup optimal",
        JpmBand.NotOptimal => "kurang optimal",
        _ => throw new ArgumentOutOfRangeException(nameof(band)),
    };
}
