using MeritApi.Domain.Employees;

namespace MeritApi.Domain.Development;

/// <summary>Where an employee's JP of a year stands against the rule of their appointment.</summary>
public enum JpStanding
{
    /// <summary>A PNS with at least 20 JP, or a PPPK with at most 24.</summary>
    Compliant = 1,

    /// <summary>A PNS with fewer than 20 JP.</summary>
    BelowMinimum = 2,

    /// <summary>A PPPK with more than 24 JP.</summary>
    AboveCap = 3,

    /// <summary>No employment type recorded: judged against neither rule (the HR system should send it).</summary>
    EmploymentTypeUnknown = 4,
}

/// <summary>
/// The development-hours rules of PP 11/2017 jo. PP 17/2020 Art. 203(4): each PNS has at least 20 JP of competency development a
/// year; a PPPK at most 24 JP. Exactly 20 JP meets the minimum; exactly 24 is within the cap.
/// </summary>
public static class JpCompliance
{
    public const decimal PnsMinimumJp = 20m;
    public const decimal PppkCapJp = 24m;

    public static JpStanding Judge(EmploymentType? type, decimal jp) => type switch
    {
        EmploymentType.Pns => jp >= PnsMinimumJp ? JpStanding.Compliant : JpStanding.BelowMinimum,
        EmploymentType.Pppk => jp <= PppkCapJp ? JpStanding.Compliant : JpStanding.AboveCap,
        _ => JpStanding.EmploymentTypeUnknown,
    };

    /// <summary>JP still needed to reach the PNS minimum (0 when met or not a PNS).</summary>
    public static decimal Shortfall(EmploymentType? type, decimal jp) => type == EmploymentType.Pns ? Math.Max(0, PnsMinimumJp - jp) : 0;
}
