namespace MeritApi.Api.Security;

/// <summary>The roles a bearer token carries (claim "role"), as DESIGN §2 and §7 define them.</summary>
public static class Roles
{
    public const string HrSystem = "hr-system";
    public const string Committee = "committee";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    /// <summary>
    /// The talent committee (komite talenta; the performance-assessment team, tim penilai kinerja, acts as one): approves
    /// succession pools and records the PPK's decision on a placement plan.
    /// </summary>
    public const string TalentCommittee = "talent-committee";

    public static readonly IReadOnlyList<string> All = [HrSystem, Committee, Auditor, Admin, TalentCommittee];

    /// <summary>Claim type of the role, and of the selections a committee token may see (one claim per selection id).</summary>
    public const string RoleClaim = "role";
    public const string SelectionClaim = "selection";
}

/// <summary>Named authorization policies; each endpoint names exactly one.</summary>
public static class Policies
{
    /// <summary>Feeds data and triggers scoring.</summary>
    public const string HrSystem = "hr-system";

    /// <summary>Records the committee's decision and reveals identities.</summary>
    public const string Committee = "committee";

    /// <summary>Reads the audit trail, verifications, deviations and decision files.</summary>
    public const string Auditor = "auditor";

    /// <summary>Defines scoring policy versions.</summary>
    public const string Admin = "admin";

    /// <summary>Approves succession pools and records the PPK's decision on placement plans.</summary>
    public const string TalentCommittee = "talent-committee";

    /// <summary>Placement plans and succession pools: the HR system, the talent committee and auditors.</summary>
    public const string ReadTalent = "read-talent";

    /// <summary>Ranked results and rationales: the committee (its own selections) and auditors.</summary>
    public const string ReadResults = "read-results";

    /// <summary>Selections and their runs: the HR system, the committee (its own selections) and auditors.</summary>
    public const string ReadSelections = "read-selections";

    /// <summary>
    /// Employees, enrolments and the list of all selections, which identify people or span committees: the HR system
    /// and auditors, never the blind committee.
    /// </summary>
    public const string HrOrAuditor = "hr-or-auditor";

    /// <summary>The competency dictionary: the HR system, and the administrator who alone may approve a vocabulary exception.</summary>
    public const string HrOrAdmin = "hr-or-admin";

    /// <summary>Reference data (positions, competencies, policies): any authenticated role.</summary>
    public const string ReadReference = "read-reference";

    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [HrSystem] = [Roles.HrSystem],
        [Committee] = [Roles.Committee],
        [Auditor] = [Roles.Auditor],
        [Admin] = [Roles.Admin],
        [TalentCommittee] = [Roles.TalentCommittee],
        [ReadTalent] = [Roles.HrSystem, Roles.TalentCommittee, Roles.Auditor],
        [ReadResults] = [Roles.Committee, Roles.Auditor],
        [ReadSelections] = [Roles.HrSystem, Roles.Committee, Roles.Auditor],
        [HrOrAuditor] = [Roles.HrSystem, Roles.Auditor],
        [HrOrAdmin] = [Roles.HrSystem, Roles.Admin],
        [ReadReference] = [Roles.HrSystem, Roles.Committee, Roles.Auditor, Roles.Admin, Roles.TalentCommittee],
    };
}
