namespace MeritApi.Domain.Employees;

/// <summary>
/// The kind of ASN appointment (UU 20/2023): a civil servant (PNS) or a government employee on contract (PPPK). A merit-neutral
/// attribute of the appointment, not of the person; it decides which rule of development hours applies (PP 11/2017 Art. 203).
/// </summary>
public enum EmploymentType
{
    /// <summary>Pegawai Negeri Sipil: at least 20 JP of development a year.</summary>
    Pns = 1,

    /// <summary>Pegawai Pemerintah dengan Perjanjian Kerja: at most 24 JP a year.</summary>
    Pppk = 2,
}
