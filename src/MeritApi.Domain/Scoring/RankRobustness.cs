using System.Numerics;

namespace MeritApi.Domain.Scoring;

/// <summary>An eligible candidate as robustness reads them: their rank and the figures their merit line is made of.</summary>
public readonly record struct RankedFigures(Guid CandidateId, string CandidateCode, int Rank, decimal Jpm, decimal Performance, decimal MeritScore);

/// <summary>
/// Where the set of the best 3n stops holding as the competence weight moves: at <see cref="Weight"/> (exactly the
/// fraction <see cref="Exact"/>) the merit line of <see cref="EnteringCode"/>, outside the set, meets that of
/// <see cref="LeavingCode"/>, inside it.
/// </summary>
public sealed record WeightCrossing(decimal Weight, string Exact, Guid Entering, string EnteringCode, Guid Leaving, string LeavingCode);

/// <summary>
/// The interval of the competence weight w (performance weight 1 − w) around the policy's within which the best 3n
/// candidates stay the same set: for every w strictly between <see cref="Lower"/> and <see cref="Upper"/> (both inside
/// [0, 1], rounded inward to 4 decimals; the exact fractions are on the crossings). A bound without a crossing is the end
/// of the scale.
/// </summary>
public sealed record WeightSensitivity(decimal PolicyWeight, int BestCount, decimal Lower, decimal Upper, WeightCrossing? LowerCrossing,
    WeightCrossing? UpperCrossing);

/// <summary>
/// How firm a run's ranking is (DESIGN §4): each rank's merit gap to the next rank, near-ties (a gap below the policy's
/// threshold), and the weight sensitivity of the best 3n, found exactly from the points where candidates' unrounded merit
/// lines w·JPM + (1 − w)·performance cross.
/// </summary>
public static class RankRobustness
{
    public const decimal DefaultNearTieThreshold = 0.5m;
    public const int WeightDecimals = 4;

    /// <summary>
    /// For each ranked candidate (in any order), the merit gap to the next lower rank (null for the last rank), and whether
    /// it is near-tied: within <paramref name="threshold"/> of the rank above or the rank below.
    /// </summary>
    public static (decimal? GapToNextRank, bool NearTie)[] Gaps(IReadOnlyList<RankedFigures> ranked, decimal threshold)
    {
        // One merit per rank (a shared rank shares every criterion, so its merit too), ranks ascending.
        var ranks = ranked.Select(r => (r.Rank, r.MeritScore)).Distinct().OrderBy(r => r.Rank).ToArray();
        var gaps = new Dictionary<int, (decimal? Above, decimal? Below)>(ranks.Length);
        for (var i = 0; i < ranks.Length; i++)
            gaps[ranks[i].Rank] = (i > 0 ? ranks[i - 1].MeritScore - ranks[i].MeritScore : null,
                i + 1 < ranks.Length ? ranks[i].MeritScore - ranks[i + 1].MeritScore : null);

        return [.. ranked.Select(r =>
        {
            var (above, below) = gaps[r.Rank];
            return (below, below < threshold || above < threshold);
        })];
    }

    /// <summary>
    /// The weight sensitivity of the best 3n (the candidates ranked 3n or better; n = <paramref name="places"/>) of the
    /// eligible candidates <paramref name="ranked"/>, around <paramref name="policyWeight"/>. Only a candidate outside the set
    /// overtaking one inside it changes the set, so each bound is the nearest such crossing on its side.
    /// </summary>
    public static WeightSensitivity Sensitivity(IReadOnlyList<RankedFigures> ranked, decimal policyWeight, int places)
    {
        var best = 3 * places;
        var inside = ranked.Where(r => r.Rank <= best).ToArray();
        var outside = ranked.Where(r => r.Rank > best).ToArray();
        // The nearest crossing on each side: its weight, the pair, and whether it is a true crossing (else held at the policy).
        (decimal Weight, RankedFigures Leaving, RankedFigures Entering, bool Crosses)? lower = null, upper = null;

        foreach (var i in inside)
            foreach (var j in outside)
            {
                // d(w) = m_i(w) − m_j(w) = ΔP + w·s, with s = ΔJ − ΔP: i stays above j while d > 0.
                var deltaP = i.Performance - j.Performance;
                var slope = i.Jpm - j.Jpm - deltaP;
                if (slope == 0)
                    continue; // parallel lines never cross (ranks are consistent, so j never lies above i)
                var atPolicy = deltaP + policyWeight * slope;
                // Held only by rounding or a tie-break at the policy's weight: the set changes at once on the falling side.
                var crosses = atPolicy > 0;
                var weight = crosses ? -deltaP / slope : policyWeight;
                if (slope > 0) // d falls as w falls: j overtakes i below
                {
                    if (weight > 0 && (lower is null || weight > lower.Value.Weight))
                        lower = (weight, i, j, crosses);
                }
                else if (weight < 1 && (upper is null || weight < upper.Value.Weight))
                {
                    upper = (weight, i, j, crosses);
                }
            }

        // Rounded inward, so that every weight strictly inside the published interval keeps the set.
        var lowerBound = lower is { } l ? Math.Round(l.Weight, WeightDecimals, MidpointRounding.ToPositiveInfinity) : 0m;
        var upperBound = upper is { } u ? Math.Round(u.Weight, WeightDecimals, MidpointRounding.ToNegativeInfinity) : 1m;
        return new WeightSensitivity(policyWeight, best, lowerBound, upperBound, Crossing(lower, lowerBound, policyWeight),
            Crossing(upper, upperBound, policyWeight));
    }

    /// <summary>The published crossing of a bound (its exact fraction worked out once, not for every pair compared).</summary>
    private static WeightCrossing? Crossing((decimal Weight, RankedFigures Leaving, RankedFigures Entering, bool Crosses)? bound,
        decimal rounded, decimal policyWeight)
    {
        if (bound is not { } b)
            return null;
        var (i, j) = (b.Leaving, b.Entering);
        var exact = b.Crosses ? Fraction(j.Performance - i.Performance, i.Jpm - j.Jpm - (i.Performance - j.Performance)) : Fraction(policyWeight, 1);
        return new WeightCrossing(rounded, exact, j.CandidateId, j.CandidateCode, i.CandidateId, i.CandidateCode);
    }

    /// <summary>numerator / denominator of two decimals as a reduced fraction of integers, e.g. "2/5".</summary>
    private static string Fraction(decimal numerator, decimal denominator)
    {
        var scale = Math.Max(numerator.Scale, denominator.Scale);
        var (n, d) = (Scaled(numerator, scale), Scaled(denominator, scale));
        if (d.Sign < 0)
            (n, d) = (-n, -d);
        var gcd = BigInteger.GreatestCommonDivisor(n, d);
        if (!gcd.IsZero)
            (n, d) = (n / gcd, d / gcd);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return d.IsOne ? n.ToString(culture) : $"{n.ToString(culture)}/{d.ToString(culture)}";
    }

    /// <summary>value × 10^scale as an integer (scale at least the value's own, so nothing is cut).</summary>
    private static BigInteger Scaled(decimal value, int scale)
    {
        var mantissa = value;
        for (var k = 0; k < value.Scale; k++)
            mantissa *= 10m;
        return new BigInteger(mantissa) * BigInteger.Pow(10, scale - value.Scale);
    }
}
