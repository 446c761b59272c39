using MeritApi.Domain.Common;

namespace MeritApi.Domain.Development;

/// <summary>
/// Hours of development in jam pelajaran (JP): one JP is 45 minutes of learning. Counted in half JP: time that does not make a
/// full half JP (22.5 minutes) is not counted: 878 minutes are 19.5 JP (19.51 rounded down to the half), short of 20; 877
/// minutes (19.49) are 19 JP; 900 minutes are exactly 20.
/// </summary>
public readonly record struct JamPelajaran
{
    public const int MinutesPerJp = 45;

    private JamPelajaran(decimal value) => Value = value;

    public decimal Value { get; }

    /// <summary>A JP figure as recorded: positive and in half JP (19.5, not 19.4).</summary>
    public static JamPelajaran Of(decimal jp) => jp > 0 && jp * 2 == decimal.Truncate(jp * 2)
        ? new JamPelajaran(jp)
        : throw new InvalidFieldException("jp", Rules.InvalidActivity, "JP is positive and counted in half JP (e.g. 2, 19.5).");

    /// <summary>Minutes of learning as JP, rounded down to the half JP.</summary>
    public static JamPelajaran FromMinutes(int minutes) => minutes < MinutesPerJp / 2 + 1
        ? throw new InvalidFieldException("minutes", Rules.InvalidActivity, "An activity lasts at least half a JP (23 minutes).")
        : new JamPelajaran(decimal.Floor(minutes * 2m / MinutesPerJp) / 2m);
}
