namespace MeritApi.Domain.Competencies;

/// <summary>The three competency groups of the ASN competency standard (PermenPANRB 38/2017).</summary>
public enum CompetencyCategory
{
    /// <summary>Teknis: from the agency's own competency dictionary.</summary>
    Technical = 1,

    /// <summary>Manajerial: integrity, cooperation, communication, results orientation, …</summary>
    Managerial = 2,

    /// <summary>Sosial kultural: national unity (perekat bangsa).</summary>
    SocioCultural = 3,
}
