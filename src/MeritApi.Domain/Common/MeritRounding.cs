namespace MeritApi.Domain.Common;

/// <summary>
/// Every published figure is rounded half-even (banker's rounding) to two decimals, as the scoring
/// policy prescribes, so that re-computation anywhere gives the same digits.
/// </summary>
public static class MeritRounding
{
    public const int Decimals = 2;

    public static decimal Round(decimal value) => Math.Round(value, Decimals, MidpointRounding.ToEven);
}
