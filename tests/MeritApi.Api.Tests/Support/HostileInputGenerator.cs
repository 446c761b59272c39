using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using MeritApi.Api.Infrastructure;
using MeritApi.Domain.MeritOnly;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace MeritApi.Api.Tests;

/// <summary>What a generated request may produce.</summary>
internal enum HostileKind
{
    /// <summary>A request that must be refused (4xx problem details) and change nothing.</summary>
    MustFail,

    /// <summary>A read with hostile query parameters: any status below 500; a refusal is problem details.</summary>
    Read,

    /// <summary>
    /// A write whose success is arguable (an apostrophe-laden name is a real name; a body-less command ignores a body):
    /// any status below 500, a refusal is problem details, and a success is reported rather than failed.
    /// </summary>
    Arguable,
}

/// <summary>One generated request, described well enough to replay it from a test report.</summary>
internal sealed class HostileRequest
{
    public required string Family { get; init; }

    /// <summary>The endpoint it targets, as "METHOD /route/{template}".</summary>
    public required string Endpoint { get; init; }

    public required HttpMethod Method { get; init; }
    public required string Url { get; init; }

    /// <summary>The exact bytes sent (null: no content at all).</summary>
    public byte[]? Body { get; init; }

    /// <summary>The Content-Type header exactly as sent (null: none).</summary>
    public string? ContentType { get; init; } = "application/json";

    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];
    public HostileKind Kind { get; init; } = HostileKind.MustFail;

    /// <summary>When set, the refusal must be a problem of exactly this type.</summary>
    public string? ExpectedProblemType { get; init; }

    public required string Description { get; init; }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Url);
        if (Body is not null || ContentType is not null)
        {
            message.Content = new ByteArrayContent(Body ?? []);
            if (ContentType is not null)
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        foreach (var (name, value) in Headers)
            message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }

    /// <summary>The request as a report shows it: method, URL, headers and (the start of) the body, escaped.</summary>
    public string Show()
    {
        var text = new StringBuilder($"[{Family}] {Description}\n    {Method} {Shorten(Url, 300)}");
        text.Append(CultureInfo.InvariantCulture, $"\n    Content-Type: {(ContentType is null ? "(none)" : Escape(ContentType))}");
        foreach (var (name, value) in Headers)
            text.Append(CultureInfo.InvariantCulture, $"\n    {name}: {Shorten(Escape(value), 200)}");
        if (Body is not null)
            text.Append(CultureInfo.InvariantCulture, $"\n    body ({Body.Length} bytes): {Shorten(Escape(Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 600))), 400)}");
        return text.ToString();
    }

    public static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || c is >= '\u2000' and <= '\u206f' or '\ufeff' or >= '\ud800' and <= '\udfff'
            ? $"\\u{(int)c:x4}"
            : c.ToString()));

    public static string Shorten(string text, int max) => text.Length <= max ? text : $"{text[..max]}… ({text.Length} chars)";
}

/// <summary>The rows a hostile run needs: valid ids for every write endpoint's route, and evidence that scores.</summary>
internal sealed record HostileFixture(
    string CompetencyCode,
    Guid PositionId,
    string PositionCode,
    Guid EmployeeId,
    string EmployeeNip,
    Guid UnenrolledEmployeeId,
    Guid OtherEmployeeId,
    Guid SelectionId,
    Guid RunId,
    Guid TopCandidateId,
    Guid IneligibleCandidateId,
    Guid PlanPositionId,
    Guid ActivityId,
    Guid PlanId,
    Guid PlanActionId,
    Guid PlacementPlanId,
    Guid PlacementDepartureEmployeeId,
    Guid PlacementCandidateIds0,
    Guid PlacementCandidateIds1,
    Guid MappingRunId,
    Guid SuccessionPoolId,
    Guid PoolNominee,
    Guid PoolVerifiee,
    Guid PoolApprovee);

/// <summary>
/// A write endpoint as the generator knows it: a valid request (every mutation of it must then be the reason for a
/// refusal), and a request that passes validation but fails later in its handler (404/409, or a field the handler
/// refuses), so that text the API might legitimately store (an apostrophe in a name) is still checked end to end
/// without changing the database.
/// </summary>
internal sealed record WriteTarget(
    string Endpoint,
    Func<HostileFixture, string> Url,
    Func<HostileFixture, JsonObject>? Valid,
    Func<HostileFixture, (string Url, JsonObject Body)>? LateFail,
    int LateFailStatus,
    IReadOnlySet<string> Optional,
    IReadOnlySet<string> FreeText)
{
    public bool HasBody => Valid is not null;
}

internal enum FieldKind
{
    Text,
    Enum,
    Guid,
    Date,
    Integer,
    Decimal,
    Boolean,
    Array,
    Object,
}

/// <summary>One field of a request body: its path in the JSON ("employees[0].assessments[0].level") and its kind.</summary>
internal sealed record BodyField(string Path, FieldKind Kind, Type Type);

/// <summary>A routed endpoint with what the generator needs from its metadata.</summary>
internal sealed record DiscoveredEndpoint(string Method, string Route, RouteEndpoint Endpoint)
{
    public string Key => $"{Method} {Route}";

    /// <summary>The type bound from the JSON body (null: the endpoint reads no body).</summary>
    public Type? BodyType => Endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;

    public IReadOnlyList<string> RouteParameters => [.. Endpoint.RoutePattern.Parameters.Select(p => p.Name)];

    /// <summary>
    /// The query-string parameters: the handler's simple parameters that are not route values, and the members of its query
    /// request record (an <see cref="IQueryRequest{TSelf}"/>: its primary constructor's parameters, by their camelCase
    /// names), with their types.
    /// </summary>
    public IReadOnlyList<(string Name, Type Type)> QueryParameters
    {
        get
        {
            var handler = Endpoint.Metadata.GetMetadata<MethodInfo>();
            if (handler is null)
                return [];
            var route = RouteParameters.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var simple = handler.GetParameters()
                .Where(p => p.Name is not null && !route.Contains(p.Name) && IsSimple(p.ParameterType))
                .Select(p => (p.Name!, p.ParameterType));
            var records = handler.GetParameters().Where(p => IsQueryRequest(p.ParameterType))
                .SelectMany(p => p.ParameterType.GetConstructors().Single().GetParameters())
                .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name!), p.ParameterType));
            return [.. simple.Concat(records)];
        }
    }

    private static bool IsQueryRequest(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQueryRequest<>));

    /// <summary>The URL with each route parameter replaced by <paramref name="valueOf"/>(name).</summary>
    public string Url(Func<string, string> valueOf) => Render(Endpoint.RoutePattern, valueOf);

    public static string Render(RoutePattern pattern, Func<string, string> valueOf) =>
        ("/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => valueOf(parameter.Name),
            _ => string.Empty,
        }))))).TrimEnd('/');

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(int) || t == typeof(long) || t == typeof(bool) || t == typeof(Guid) ||
               t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(decimal) || t.IsEnum;
    }

    /// <summary>Every routed endpoint under /api.</summary>
    public static IReadOnlyList<DiscoveredEndpoint> List(IServiceProvider services)
    {
        var sources = (IEnumerable<EndpointDataSource>)services.GetService(typeof(IEnumerable<EndpointDataSource>))!;
        var list = new List<DiscoveredEndpoint>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var route = Render(endpoint.RoutePattern, name => $"{{{name}}}");
            if (!route.StartsWith("/api/", StringComparison.Ordinal))
                continue;
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                list.Add(new DiscoveredEndpoint(method, route, endpoint));
        }
        return list;
    }
}

/// <summary>
/// Generates the hostile requests, deterministically (a fixed seed, a counter for unique codes): every write endpoint ×
/// every mutation family, plus hostile query parameters on every read endpoint that takes any.
/// </summary>
internal sealed class HostileInputGenerator
{
    public const int Seed = 20_261_123;
    public const int TenMegabytes = 10 * 1024 * 1024;

    public static readonly string[] SqlInjections =
    [
        "'; DROP TABLE employees; --",
        "' OR '1'='1",
        "$$; DELETE FROM audit_entries; $$",
        "\\'",
        "'); TRUNCATE audit_entries CASCADE; --",
        "1; SELECT pg_sleep(10); --",
        "\" OR \"\"=\"",
        "%' OR 1=1 --",
        "E'\\x27' || (SELECT current_user)",
        "admin'/*",
    ];

    /// <summary>Characters a validator checking only char.IsControl lets through: bidi overrides and isolates, zero-width, BOM.</summary>
    public static readonly string[] InvisibleText =
    [
        "\u202eevil.exe\u202dtxt",
        "Peg\u200bawai",
        "\u2066Biro\u2069",
        "\ufeffUji",
        "a\u200d\u200cb",
        "\u202bالموظف\u202c",
    ];

    public static readonly string[] ControlText = ["\u0000", "a\u0007b", "\u001b[2J\u001b[31mred", "x\u007fy", "line\u0085next", "tab\u0000\u0001\u0002"];

    public static readonly string[] NonMeritVariants =
    [
        "Religion", "RELIGION", "date_of_birth", "Date-Of-Birth", "marital status", "SUKU", "place_of_origin", "Skin-Colour",
        "political_affiliation", "SpecialNeeds", "BIRTHDATE", "Kinship",
    ];

    /// <summary>An id no row has (the late-failing requests point at it).</summary>
    public static readonly Guid NoSuchRow = new("0195a000-0000-7000-8000-00000000dead");

    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Random _random = new(Seed);
    private readonly HostileFixture _fixture;
    private readonly IReadOnlyList<DiscoveredEndpoint> _endpoints;
    private readonly IReadOnlyDictionary<string, WriteTarget> _targets;
    private int _unique;

    public HostileInputGenerator(HostileFixture fixture, IReadOnlyList<DiscoveredEndpoint> endpoints,
        IReadOnlyDictionary<string, WriteTarget> targets)
    {
        _fixture = fixture;
        _endpoints = endpoints;
        _targets = targets;
    }

    /// <summary>A GUID from the seeded generator: well-formed, and certainly no row's id.</summary>
    private Guid NewGuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private int Next() => ++_unique;

    // ---- the write endpoints ----------------------------------------------------------------------------------

    /// <summary>
    /// The valid and late-failing request of every write endpoint. A valid body gets fresh codes and NIPs on every call,
    /// so a mutation the API wrongly accepts shows as a success (not as a duplicate that hides it).
    /// </summary>
    /// <summary>An assessing body the fixture accredits from 2020 without an end: another period of it overlaps (409).</summary>
    public const string AccreditedBodyName = "Lembaga Penilai Bentrok";

    public static IReadOnlyDictionary<string, WriteTarget> Targets(Func<int> next)
    {
        string Nip() => $"1977{next():D8}203001";
        string Code() => $"HX-{next():D6}";
        // A fresh day for each valid assessment: the same assessment twice is a duplicate (409), not a success.
        string Day() => new DateOnly(2020, 1, 1).AddDays(next() % 1800).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        const string Unknown = "HX-NOT-IN-DICTIONARY";
        const string Justification = "The committee prefers this candidate for reasons set out at length in the minutes of its " +
                                     "deliberation, which run well over one hundred characters.";

        var targets = new WriteTarget[]
        {
            new("POST /api/v1/competencies", _ => "/api/v1/competencies",
                // An administrator's exemption, so every field is present: the name uses a non-merit word ("agama") for a skill.
                _ => new JsonObject
                {
                    ["code"] = Code(), ["name"] = "Penyuluhan agama uji masukan", ["category"] = "Technical", ["description"] = "Kamus teknis.",
                    ["justification"] = "Penyuluhan agama is the counselling skill of the religious-counsellor position, not a religion.",
                },
                f => ("/api/v1/competencies", new JsonObject { ["code"] = f.CompetencyCode, ["name"] = "Kompetensi Uji Masukan", ["category"] = "Technical", ["description"] = "Kamus teknis." }),
                409, Set("description"), Set("name", "description", "justification")),
            new("POST /api/v1/positions", _ => "/api/v1/positions",
                f => Position($"HX-POS-{next():D6}", f.CompetencyCode),
                _ => ("/api/v1/positions", Position($"HX-POS-{next():D6}", Unknown)),
                400, Set("minimumGrade"), Set("code", "title")),
            new("PUT /api/v1/positions/{id}/competency-standard", f => $"/api/v1/positions/{f.PositionId}/competency-standard",
                f => new JsonObject { ["requirements"] = new JsonArray(Requirement(f.CompetencyCode, 3)) },
                f => ($"/api/v1/positions/{f.PositionId}/competency-standard", new JsonObject { ["requirements"] = new JsonArray(Requirement(Unknown, 3)) }),
                400, Set(), Set()),
            // With the date, the position is required (the date says since when it is held); the date alone may be left out.
            new("POST /api/v1/employees", _ => "/api/v1/employees",
                f => Employee(Nip(), f.PositionId),
                f => ("/api/v1/employees", Employee(f.EmployeeNip, f.PositionId)),
                409, Set("inPositionSince", "employmentType"), Set("name", "unit")),
            new("POST /api/v1/employees/import", _ => "/api/v1/employees/import",
                f => new JsonObject { ["employees"] = new JsonArray(ImportRow(Nip(), f.CompetencyCode, f.PositionId)) },
                f => ("/api/v1/employees/import", new JsonObject { ["employees"] = new JsonArray(ImportRow(Nip(), Unknown, f.PositionId)) }),
                400, Set("employees[0].assessments", "employees[0].performanceRatings", "employees[0].assessments[0]", "employees[0].performanceRatings[0]",
                    "employees[0].inPositionSince", "employees[0].employmentType"),
                Set("employees[0].name", "employees[0].unit", "employees[0].assessments[0].assessor")),
            new("POST /api/v1/employees/{id}/competency-assessments", f => $"/api/v1/employees/{f.EmployeeId}/competency-assessments",
                f => Assessment(f.CompetencyCode, Day()),
                f => ($"/api/v1/employees/{f.EmployeeId}/competency-assessments", Assessment(Unknown, Day())),
                400, Set(), Set("assessor")),
            new("PUT /api/v1/employees/{id}/performance-ratings/{year}", f => $"/api/v1/employees/{f.EmployeeId}/performance-ratings/2025",
                _ => new JsonObject { ["rating"] = "Good" },
                _ => ($"/api/v1/employees/{NoSuchRow}/performance-ratings/2025", new JsonObject { ["rating"] = "Good" }),
                404, Set(), Set()),
            new("POST /api/v1/scoring-policies", _ => "/api/v1/scoring-policies",
                _ => Policy(0.6m, 0.4m),
                _ => ("/api/v1/scoring-policies", Policy(0.6m, 0.5m)),
                400, Set("description", "nearTieThreshold", "assessmentValidityYears", "accreditedBodiesOnly"), Set("description")),
            // An activity naming a competency outside the dictionary fails in the handler (free text goes to it).
            new("POST /api/v1/employees/{id}/development-activities", f => $"/api/v1/employees/{f.EmployeeId}/development-activities",
                _ => Activity($"Lokakarya Uji {next()}", Day()),
                f => ($"/api/v1/employees/{f.EmployeeId}/development-activities", Activity("Lokakarya Uji", "2024-01-02", competency: Unknown)),
                400, Set("provider", "jp", "minutes", "competencyCodes", "competencyCodes[0]", "certificate", "certificate.validFrom", "certificate.validUntil"),
                Set("title", "provider", "certificate.number")),
            new("POST /api/v1/development-activities/import", _ => "/api/v1/development-activities/import",
                f => new JsonObject { ["activities"] = new JsonArray(Activity($"Lokakarya Impor {next()}", Day(), f.EmployeeNip)) },
                f => ("/api/v1/development-activities/import", new JsonObject { ["activities"] = new JsonArray(Activity("Lokakarya Impor", "2024-01-02", f.EmployeeNip, Unknown)) }),
                400, Set("activities[0].provider", "activities[0].jp", "activities[0].minutes", "activities[0].competencyCodes", "activities[0].competencyCodes[0]", "activities[0].certificate",
                    "activities[0].certificate.validFrom", "activities[0].certificate.validUntil"),
                Set("activities[0].title", "activities[0].provider", "activities[0].certificate.number")),
            // The plan position asks more of the fixture's competency than the employees have, so each has a gap to plan for.
            new("POST /api/v1/employees/{id}/development-plans", f => $"/api/v1/employees/{f.EmployeeId}/development-plans",
                f => PlanBody(f.PlanPositionId, f.CompetencyCode),
                f => ($"/api/v1/employees/{f.EmployeeId}/development-plans", PlanBody(NoSuchRow, f.CompetencyCode)),
                400, Set("actions", "actions[0]"), Set("actions[0].title")),
            new("POST /api/v1/development-plans/{planId}/actions/{actionId}/progress",
                f => $"/api/v1/development-plans/{f.PlanId}/actions/{f.PlanActionId}/progress",
                f => new JsonObject { ["status"] = "InProgress", ["activityId"] = f.ActivityId.ToString() },
                f => ($"/api/v1/development-plans/{f.PlanId}/actions/{f.PlanActionId}/progress",
                    new JsonObject { ["status"] = "InProgress", ["activityId"] = NoSuchRow.ToString() }),
                400, Set("activityId"), Set()),
            // The fixture's employees are all in "Biro Uji"; a policy version no row has fails in the handler.
            new("POST /api/v1/talent-mapping-runs", _ => "/api/v1/talent-mapping-runs",
                _ => MappingRun(1),
                _ => ("/api/v1/talent-mapping-runs", MappingRun(999)),
                404, Set("units[0]", "policyVersion", "referenceDate", "latestPerformanceYear"), Set("units[0]")),
            // Two candidates in their post's window for the plan position's one seat; a policy version no row has fails in the handler.
            new("POST /api/v1/placement-plans", _ => "/api/v1/placement-plans",
                f => PlacementPlan(f, 1),
                f => ("/api/v1/placement-plans", PlacementPlan(f, 999)),
                404, Set("vacancies[0]", "minimumBand", "conflicts", "conflicts[0]", "policyVersion", "referenceDate", "latestPerformanceYear"),
                Set("conflicts[0].reason")),
            // Placing the second candidate in the seat the plan gives the first: a departure, justified. An unknown plan fails in the handler.
            new("POST /api/v1/placement-plans/{planId}/decision", f => $"/api/v1/placement-plans/{f.PlacementPlanId}/decision",
                f => PlacementDecision(f),
                f => ($"/api/v1/placement-plans/{NoSuchRow}/decision", PlacementDecision(f)),
                404, Set("placements[0]", "justification"), Set("decidedBy", "justification")),
            // The name is not free text: it is kept to what names are made of, so every text probe must be refused on it.
            new("POST /api/v1/assessing-bodies", _ => "/api/v1/assessing-bodies",
                _ => Accreditation($"Lembaga Penilai Uji {next()}"),
                _ => ("/api/v1/assessing-bodies", Accreditation(AccreditedBodyName)),
                409, Set("accreditedUntil"), Set()),
            // From the fixture's succession pool (so the position may be left out); an unknown pool fails in the handler.
            new("POST /api/v1/selections", _ => "/api/v1/selections",
                f => Selection(f.PlanPositionId, f.SuccessionPoolId),
                _ => ("/api/v1/selections", Selection(NoSuchRow, NoSuchRow)),
                404, Set("positionId", "places", "policyVersion", "latestPerformanceYear", "reference", "successionPoolId"), Set("reference")),
            new("POST /api/v1/succession-pools", _ => "/api/v1/succession-pools",
                f => SuccessionPool(f.PlanPositionId, f.MappingRunId),
                f => ("/api/v1/succession-pools", SuccessionPool(f.PlanPositionId, NoSuchRow)),
                404, Set("mappingRunId"), Set()),
            // Each step on a member waiting for it (the probe takes one member through all three); an unknown pool fails later.
            new("POST /api/v1/succession-pools/{poolId}/members/{employeeId}/nomination",
                f => $"/api/v1/succession-pools/{f.SuccessionPoolId}/members/{f.PoolNominee}/nomination",
                _ => new JsonObject { ["reason"] = "Kotak 9 pada pemetaan terakhir." },
                f => ($"/api/v1/succession-pools/{NoSuchRow}/members/{f.PoolNominee}/nomination", new JsonObject { ["reason"] = "Kotak 9." }),
                404, Set(), Set("reason")),
            new("POST /api/v1/succession-pools/{poolId}/members/{employeeId}/verification",
                f => $"/api/v1/succession-pools/{f.SuccessionPoolId}/members/{f.PoolVerifiee}/verification",
                _ => new JsonObject { ["accepted"] = true, ["reason"] = "Data telah diverifikasi." },
                f => ($"/api/v1/succession-pools/{NoSuchRow}/members/{f.PoolVerifiee}/verification", new JsonObject { ["accepted"] = true, ["reason"] = "Ok." }),
                404, Set(), Set("reason")),
            new("POST /api/v1/succession-pools/{poolId}/members/{employeeId}/approval",
                f => $"/api/v1/succession-pools/{f.SuccessionPoolId}/members/{f.PoolApprovee}/approval",
                _ => new JsonObject { ["accepted"] = true, ["reason"] = "Disetujui komite talenta." },
                f => ($"/api/v1/succession-pools/{NoSuchRow}/members/{f.PoolApprovee}/approval", new JsonObject { ["accepted"] = true, ["reason"] = "Ok." }),
                404, Set(), Set("reason")),
            new("POST /api/v1/selections/{id}/candidates", f => $"/api/v1/selections/{f.SelectionId}/candidates",
                f => new JsonObject { ["employeeIds"] = new JsonArray(f.UnenrolledEmployeeId.ToString()) },
                f => ($"/api/v1/selections/{f.SelectionId}/candidates", new JsonObject { ["employeeIds"] = new JsonArray(NoSuchRow.ToString()) }),
                404, Set(), Set()),
            new("POST /api/v1/selections/{id}/scoring-runs", f => $"/api/v1/selections/{f.SelectionId}/scoring-runs", null, null, 0, Set(), Set()),
            new("POST /api/v1/selections/{id}/decision", f => $"/api/v1/selections/{f.SelectionId}/decision",
                f => new JsonObject
                {
                    ["scoringRunId"] = f.RunId.ToString(), ["candidateIds"] = new JsonArray(f.TopCandidateId.ToString()),
                    ["justification"] = "Peringkat pertama.",
                },
                f => ($"/api/v1/selections/{f.SelectionId}/decision",
                    new JsonObject
                    {
                        ["scoringRunId"] = f.RunId.ToString(), ["candidateIds"] = new JsonArray(f.IneligibleCandidateId.ToString()),
                        ["justification"] = Justification,
                    }),
                409, Set("justification"), Set("justification")),
            new("POST /api/v1/selections/{id}/identity-reveal", f => $"/api/v1/selections/{f.SelectionId}/identity-reveal", null, null, 0, Set(), Set()),
        };
        return targets.ToDictionary(t => t.Endpoint);

        static JsonObject Requirement(string code, int level) => new() { ["competencyCode"] = code, ["requiredLevel"] = level };
        static JsonObject Position(string code, string competency) => new()
        {
            ["code"] = code,
            ["title"] = "Kepala Subbagian Uji",
            ["kind"] = "Structural",
            ["minimumGrade"] = "III/c",
            ["standard"] = new JsonArray(Requirement(competency, 3)),
        };
        static JsonObject Employee(string nip, Guid position) => new()
        {
            ["nip"] = nip,
            ["name"] = "Pegawai Uji",
            ["grade"] = "III/c",
            ["unit"] = "Biro Uji",
            ["currentPositionId"] = position.ToString(),
            ["inPositionSince"] = "2023-01-02",
            ["employmentType"] = "Pns",
        };
        static JsonObject Assessment(string code, string day) => new()
        {
            ["competencyCode"] = code,
            ["level"] = 3,
            ["assessedOn"] = day,
            ["assessor"] = "Pusat Penilaian Kompetensi ASN",
        };
        static JsonObject ImportRow(string nip, string code, Guid position) => new()
        {
            ["nip"] = nip,
            ["name"] = "Pegawai Impor",
            ["grade"] = "III/b",
            ["unit"] = "Biro Impor",
            ["assessments"] = new JsonArray(Assessment(code, "2025-06-01")),
            ["performanceRatings"] = new JsonArray(new JsonObject { ["year"] = 2025, ["rating"] = "Good" }),
            ["currentPositionId"] = position.ToString(),
            ["inPositionSince"] = "2023-01-02",
            ["employmentType"] = "Pppk",
        };
        static JsonObject PlacementPlan(HostileFixture f, int policyVersion) => new()
        {
            ["vacancies"] = new JsonArray(new JsonObject { ["positionId"] = f.PlanPositionId.ToString(), ["places"] = 1 },
                new JsonObject { ["positionId"] = f.PositionId.ToString(), ["places"] = 1 }),
            ["employeeIds"] = new JsonArray(f.PlacementCandidateIds0.ToString(), f.PlacementCandidateIds1.ToString()),
            ["minimumBand"] = "DoesNotMeet",
            ["conflicts"] = new JsonArray(new JsonObject
            {
                ["employeeId"] = f.PlacementCandidateIds0.ToString(),
                ["positionId"] = f.PositionId.ToString(),
                ["reason"] = "Saudara kandung atasan.",
            }),
            ["policyVersion"] = policyVersion,
            ["referenceDate"] = "2026-01-02",
            ["latestPerformanceYear"] = 2025,
        };
        static JsonObject PlacementDecision(HostileFixture f) => new()
        {
            ["decidedBy"] = "Sekretaris Jenderal (PPK)",
            ["placements"] = new JsonArray(new JsonObject { ["positionId"] = f.PlanPositionId.ToString(), ["employeeId"] = f.PlacementDepartureEmployeeId.ToString() }),
            ["justification"] = Justification,
        };
        static JsonObject MappingRun(int policyVersion) => new()
        {
            ["units"] = new JsonArray("Biro Uji"),
            ["policyVersion"] = policyVersion,
            ["referenceDate"] = "2026-01-02",
            ["latestPerformanceYear"] = 2025,
        };
        static JsonObject PlanBody(Guid targetPositionId, string competency) => new()
        {
            ["targetPositionId"] = targetPositionId.ToString(),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["competencyCode"] = competency,
                ["form"] = "Coaching",
                ["title"] = "Coaching kompetensi uji",
                ["targetDate"] = "2099-12-31",
            }),
        };
        static JsonObject Activity(string title, string day, string? nip = null, string competency = "M-INTEGRITY")
        {
            var activity = new JsonObject
            {
                ["form"] = "Workshop",
                ["title"] = title,
                ["provider"] = "BPSDM Uji",
                ["startDate"] = day,
                ["endDate"] = day,
                ["jp"] = 2,
                ["minutes"] = 90,
                ["competencyCodes"] = new JsonArray(competency),
                ["certificate"] = new JsonObject { ["number"] = "SERT-1", ["validFrom"] = day, ["validUntil"] = "2029-12-31" },
            };
            if (nip is not null)
                activity.Insert(0, "nip", nip);
            return activity;
        }
        static JsonObject Accreditation(string name) => new()
        {
            ["name"] = name,
            ["accreditedFrom"] = "2024-01-01",
            ["accreditedUntil"] = "2028-12-31",
        };

        static JsonObject Policy(decimal competence, decimal performance) => new()
        {
            ["competenceWeight"] = competence,
            ["performanceWeight"] = performance,
            ["performanceYearWeights"] = new JsonArray(0.6m, 0.4m),
            ["bandSet"] = "Filling",
            ["minimumRating"] = "Good",
            ["description"] = "Kebijakan uji",
            ["nearTieThreshold"] = 0.5m,
            ["assessmentValidityYears"] = 3,
            ["accreditedBodiesOnly"] = true,
        };
        static JsonObject Selection(Guid position, Guid pool) => new()
        {
            ["positionId"] = position.ToString(),
            ["kind"] = "Promotion",
            ["places"] = 1,
            ["policyVersion"] = 1,
            ["latestPerformanceYear"] = 2025,
            ["reference"] = "SEL/UJI/2025/1",
            ["successionPoolId"] = pool.ToString(),
        };
        static JsonObject SuccessionPool(Guid target, Guid run) => new()
        {
            ["targetPositionId"] = target.ToString(),
            ["reason"] = "FallingVacant",
            ["vacantOn"] = "2099-01-01",
            ["mappingRunId"] = run.ToString(),
        };
        static HashSet<string> Set(params string[] paths) => [.. paths];
    }

    /// <summary>Every field of a request body type, by reflection, as JSON paths ("standard", "standard[0]", "standard[0].requiredLevel").</summary>
    public static IReadOnlyList<BodyField> FieldsOf(Type bodyType)
    {
        var fields = new List<BodyField>();
        Walk(bodyType, "", fields);
        return fields;

        static void Walk(Type type, string prefix, List<BodyField> fields)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null || property.GetIndexParameters().Length > 0)
                    continue;
                var path = prefix.Length == 0 ? JsonNamingPolicy.CamelCase.ConvertName(property.Name) : $"{prefix}.{JsonNamingPolicy.CamelCase.ConvertName(property.Name)}";
                Add(property.PropertyType, path, fields);
            }
        }

        static void Add(Type type, string path, List<BodyField> fields)
        {
            var kind = KindOf(type);
            fields.Add(new BodyField(path, kind, type));
            if (kind == FieldKind.Array)
                Add(ElementOf(type), $"{path}[0]", fields);
            else if (kind == FieldKind.Object)
                Walk(type, path, fields);
        }
    }

    /// <summary>The [JsonIgnore] properties of a body type: set from the route, never from the body.</summary>
    public static IReadOnlyList<PropertyInfo> RouteOnlyProperties(Type bodyType) =>
        [.. bodyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is not null)];

    private static Type ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()! : type.GetInterfaces().Append(type)
            .First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];

    private static FieldKind KindOf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
            return FieldKind.Text;
        if (t.IsEnum)
            return FieldKind.Enum;
        if (t == typeof(Guid))
            return FieldKind.Guid;
        if (t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(DateTimeOffset))
            return FieldKind.Date;
        if (t == typeof(int) || t == typeof(long) || t == typeof(short))
            return FieldKind.Integer;
        if (t == typeof(decimal) || t == typeof(double) || t == typeof(float))
            return FieldKind.Decimal;
        if (t == typeof(bool))
            return FieldKind.Boolean;
        if (t.IsArray || t.GetInterfaces().Append(t).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))
            return FieldKind.Array;
        return FieldKind.Object;
    }

    /// <summary>The paths of a JSON body, in the same form as <see cref="FieldsOf"/> (arrays through their first element).</summary>
    public static IReadOnlyList<string> PathsOf(JsonNode node)
    {
        var paths = new List<string>();
        Walk(node, "", paths);
        return paths;

        static void Walk(JsonNode? node, string prefix, List<string> paths)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, value) in obj)
                    {
                        var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
                        paths.Add(path);
                        Walk(value, path, paths);
                    }
                    break;
                case JsonArray { Count: > 0 } array:
                    paths.Add($"{prefix}[0]");
                    Walk(array[0], $"{prefix}[0]", paths);
                    break;
            }
        }
    }

    // ---- JSON surgery ---------------------------------------------------------------------------------------------

    private static List<object> Segments(string path)
    {
        var segments = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            segments.Add(bracket < 0 ? part : part[..bracket]);
            if (bracket >= 0)
                foreach (var index in part[bracket..].Split('[', StringSplitOptions.RemoveEmptyEntries))
                    segments.Add(int.Parse(index.TrimEnd(']'), CultureInfo.InvariantCulture));
        }
        return segments;
    }

    /// <summary>A copy of <paramref name="body"/> with the value at <paramref name="path"/> replaced (or removed).</summary>
    private static JsonObject With(JsonObject body, string path, JsonNode? value, bool remove = false)
    {
        var copy = (JsonObject)body.DeepClone();
        var segments = Segments(path);
        JsonNode parent = copy;
        foreach (var segment in segments.Take(segments.Count - 1))
            parent = segment is int i ? parent[i]! : parent[(string)segment]!;
        switch (segments[^1])
        {
            case int i when remove:
                ((JsonArray)parent).RemoveAt(i);
                break;
            case int i:
                parent[i] = value;
                break;
            case string name when remove:
                ((JsonObject)parent).Remove(name);
                break;
            case string name:
                parent[name] = value;
                break;
        }
        return copy;
    }

    /// <summary>The object at <paramref name="path"/> ("" is the root; "standard[0]" an element), in a copy.</summary>
    private static (JsonObject Copy, JsonObject Target) ObjectAt(JsonObject body, string path)
    {
        var copy = (JsonObject)body.DeepClone();
        JsonNode node = copy;
        if (path.Length > 0)
            foreach (var segment in Segments(path))
                node = segment is int i ? node[i]! : node[(string)segment]!;
        return (copy, (JsonObject)node);
    }

    private static byte[] Bytes(JsonNode? node) => Encoding.UTF8.GetBytes(node?.ToJsonString(Raw) ?? "null");

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Nested(int depth, string open, string close, string inner = "1") =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

    /// <summary>
    /// The serialised body with one extra member placed inside the object at <paramref name="objectPath"/>. The name may
    /// repeat an existing key or be anything at all: the text is assembled, not built through a JsonObject.
    /// </summary>
    private static string WithRawMember(JsonObject body, string objectPath, string rawName, string rawValue)
    {
        const string Placeholder = "__hostile_placeholder__";
        var (copy, target) = ObjectAt(body, objectPath);
        target[Placeholder] = 0;
        var text = copy.ToJsonString(Raw);
        return text.Replace($"\"{Placeholder}\":0", $"\"{rawName}\":{rawValue}", StringComparison.Ordinal);
    }

    private static IEnumerable<string> ObjectPaths(JsonObject body) =>
        new[] { "" }.Concat(PathsOf(body).Where(p => Navigate(body, p) is JsonObject));

    private static JsonNode? Navigate(JsonObject body, string path)
    {
        JsonNode? node = body;
        foreach (var segment in Segments(path))
            node = segment is int i ? node?[i] : node?[(string)segment];
        return node;
    }

    // ---- generation -------------------------------------------------------------------------------------------------

    public IEnumerable<HostileRequest> Generate()
    {
        foreach (var endpoint in _endpoints.Where(e => e.Method is "POST" or "PUT" or "PATCH" or "DELETE").OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var target = _targets[endpoint.Key];
            foreach (var request in ForWriteEndpoint(endpoint, target))
                yield return request;
        }
        foreach (var request in TenMegabyteBodies())
            yield return request;
        foreach (var endpoint in _endpoints.Where(e => e.Method == "GET").OrderBy(e => e.Key, StringComparer.Ordinal))
            foreach (var request in QueryParameters(endpoint))
                yield return request;
    }

    private IEnumerable<HostileRequest> ForWriteEndpoint(DiscoveredEndpoint endpoint, WriteTarget target)
    {
        var url = target.Url(_fixture);
        HostileRequest Make(string family, string description, byte[]? body, string? contentType = "application/json",
            string? requestUrl = null, IReadOnlyList<(string, string)>? headers = null, string? expectedType = null,
            HostileKind kind = HostileKind.MustFail, HttpMethod? method = null) => new()
            {
                Family = family,
                Endpoint = endpoint.Key,
                Method = method ?? new HttpMethod(endpoint.Method),
                Url = requestUrl ?? url,
                Body = body,
                ContentType = contentType,
                Headers = headers ?? [],
                Kind = kind,
                ExpectedProblemType = expectedType,
                Description = description,
            };

        // The body every structural mutation starts from: valid, so the mutation is the only reason to refuse it.
        byte[] ValidBytes() => target.HasBody ? Bytes(target.Valid!(_fixture)) : [];
        string? ValidType() => target.HasBody ? "application/json" : null;

        // -- malformed JSON: every endpoint (a body-less one too: the merit-only guard reads any JSON write) --
        var sample = target.HasBody ? target.Valid!(_fixture).ToJsonString(Raw) : """{"note":"x","items":[1,2,3]}""";
        // An empty body is malformed only where a body is expected: a body-less command takes an empty one (generated clients
        // send it, typed JSON).
        foreach (var cut in new[] { target.HasBody ? 0 : 1, 1, sample.Length / 4, sample.Length / 2, 3 * sample.Length / 4, sample.Length - 1 }.Distinct())
            yield return Make("truncated-json", $"the body cut after {cut} of {sample.Length} characters", Bytes(sample[..cut]));
        // Cut inside a string escape and inside a number, wherever they fall.
        var escape = WithRawMember(target.HasBody ? target.Valid!(_fixture) : [], "", "probe", "\"\\u00e9\"");
        yield return Make("truncated-json", "the body cut inside a \\u escape", Bytes(escape[..(escape.IndexOf("\\u00", StringComparison.Ordinal) + 4)]));

        string[] invalid =
        [
            "{", "}", "{]", "[}", "{'code':'x'}", "{code: 1}", """{"a":1,}""", """{"a" 1}""", """{"a":1}}""", "NaN", "undefined",
            """{"a":01}""", """{"a":.5}""", """{"a":+1}""", """{"a":"\x41"}""", """{"a":"unterminated}""", """{"a":tru}""",
            "/* comment */ {}", """{} {}""", "{\"a\":\"raw\nnewline\"}", "\u0000", "{\"a\":1}\u0000", """{"a":Infinity}""", """{"a":-}""",
            "{\"a\":\"\\u12\"}", "[1,2", "<employee><name>x</name></employee>", "nip=1&name=2",
        ];
        foreach (var text in invalid)
            yield return Make("invalid-json", $"not JSON: {HostileRequest.Escape(text)}", Bytes(text));

        // -- deep nesting: the whole body, and (below) each field --
        foreach (var depth in new[] { 100, 10_000 })
        {
            yield return Make("deep-nesting", $"a body of {depth} nested arrays", Bytes(Nested(depth, "[", "]")));
            yield return Make("deep-nesting", $"a body of {depth} nested objects", Bytes(Nested(depth, "{\"a\":", "}")));
        }

        // -- non-merit attributes: the merit-only guard answers before anything else, body or no body --
        foreach (var request in NonMerit(target, Make))
            yield return request;

        // -- invalid route values (with an otherwise valid request) --
        foreach (var parameter in endpoint.RouteParameters)
        {
            var values = parameter == "year"
                ? new[] { "abc", "99999999999", "-1", "0", "1999", "2100", "1e3", "2025.0", "%20", "2147483648" }
                : ["not-a-guid", Guid.Empty.ToString(), NewGuid().ToString(), Uri.EscapeDataString(SqlInjections[0]), "..%2F..%2Fetc%2Fpasswd",
                    // (No %00: the in-memory test server refuses a NUL in a path before the API sees it, as Kestrel does.)
                    "%2500", new string('9', 5000), "%E2%80%AE" + _fixture.SelectionId, "{id}", _fixture.SelectionId + "0", $"{{{NewGuid()}}}", "%C0%AF"];
            foreach (var value in values)
            {
                var routeUrl = endpoint.Url(name => name == parameter ? value : ValidRouteValue(endpoint, name));
                yield return Make("invalid-route", $"route value {parameter} = {HostileRequest.Shorten(value, 60)}", ValidBytes(), ValidType(), routeUrl);
            }
        }

        // -- Idempotency-Key abuse (on an otherwise valid request) --
        string[] keys =
        [
            new('k', 101), new('k', 10_000), "key\u0007bell", "key\u001bescape", "key with spaces", "ключ-идемпотентности", "\u202ekey",
            SqlInjections[0], "   ", "key/slash", "key\tTab", "key;semicolon",
        ];
        foreach (var key in keys)
            yield return Make("idempotency-key", $"Idempotency-Key '{HostileRequest.Shorten(HostileRequest.Escape(key), 40)}'", ValidBytes(), ValidType(),
                headers: [(IdempotencyHeader.Header, key)]);
        yield return Make("idempotency-key", "two Idempotency-Key headers", ValidBytes(), ValidType(),
            headers: [(IdempotencyHeader.Header, "first-key"), (IdempotencyHeader.Header, "second-key")]);
        // A sane key on a refused request: nothing may be stored under it (the snapshot covers idempotency_keys).
        yield return Make("idempotency-key", "a sane Idempotency-Key on malformed JSON", Bytes("{\"truncated\":"), headers: [(IdempotencyHeader.Header, $"hostile-{Next()}")]);
        yield return Make("idempotency-key", "a sane Idempotency-Key on a non-merit body", Bytes("""{"religion":"x"}"""),
            headers: [(IdempotencyHeader.Header, $"hostile-{Next()}")]);

        // -- a method the route does not take --
        foreach (var method in new[] { HttpMethod.Patch, HttpMethod.Delete })
            yield return Make("wrong-method", $"{method} on a {endpoint.Method} route", ValidBytes(), ValidType(), method: method);

        // -- refusals asked for in another representation: they must still be problem details --
        foreach (var accept in new[] { "text/html", "application/xml", "text/csv", "application/json;q=0", "image/png" })
        {
            yield return Make("accept-header", $"malformed JSON with Accept: {accept}", Bytes("{\"a\":"), headers: [("Accept", accept)]);
            if (endpoint.RouteParameters.Count > 0)
                yield return Make("accept-header", $"an unknown id with Accept: {accept}", ValidBytes(), ValidType(),
                    endpoint.Url(name => name == "year" ? "2025" : NewGuid().ToString()), [("Accept", accept)]);
            if (target.HasBody)
                yield return Make("accept-header", $"a field of the wrong type with Accept: {accept}",
                    Bytes(WithRawValue(target.Valid!(_fixture), PathsOf(target.Valid!(_fixture))[0], "{\"wrong\":true}")), headers: [("Accept", accept)]);
        }

        if (!target.HasBody)
        {
            // A body-less command binds nothing; with a valid route it can only be refused for what the guard reads.
            yield return Make("unknown-ids", "a well-formed id that is no row's", null, null, endpoint.Url(_ => NewGuid().ToString()));
            // Bodies the guard lets through to a command that reads none: accepted or not, reported (phase two).
            foreach (var (contentType, text) in new (string, string)[]
                     {
                         ("application/json", "{}"), ("application/json", """{"extra":true,"candidateIds":[]}"""), ("application/json", "[]"),
                         ("application/json", "\"text\""), ("text/plain", "hello"), ("text/plain", """{"religion":"x"}"""),
                         ("application/xml", "<religion>x</religion>"), ("application/octet-stream", "\u0000\u0001"),
                     })
                yield return Make("bodyless-probe", $"a {contentType} body: {text}", Bytes(text), contentType, kind: HostileKind.Arguable);
            yield break;
        }

        foreach (var request in ForBody(endpoint, target, Make))
            yield return request;
    }

    /// <summary>A route value that names a fixture row (so only the value under test is wrong).</summary>
    private string ValidRouteValue(DiscoveredEndpoint endpoint, string name) => name switch
    {
        "year" => "2025",
        "version" or "sequence" or "treeSize" => "1",
        "runId" => _fixture.RunId.ToString(),
        "candidateId" => _fixture.TopCandidateId.ToString(),
        "id" when endpoint.Route.StartsWith("/api/v1/employees", StringComparison.Ordinal) => _fixture.EmployeeId.ToString(),
        "id" when endpoint.Route.StartsWith("/api/v1/positions", StringComparison.Ordinal) => _fixture.PositionId.ToString(),
        "id" => _fixture.SelectionId.ToString(),
        _ => "1",
    };

    private delegate HostileRequest Maker(string family, string description, byte[]? body, string? contentType = "application/json",
        string? requestUrl = null, IReadOnlyList<(string, string)>? headers = null, string? expectedType = null,
        HostileKind kind = HostileKind.MustFail, HttpMethod? method = null);

    private IEnumerable<HostileRequest> NonMerit(WriteTarget target, Maker make)
    {
        var valid = target.HasBody ? target.Valid!(_fixture) : [];
        var objects = ObjectPaths(valid).ToList();
        var names = NonMeritAttributes.Names.Concat(NonMeritVariants).ToList();
        var placements = new Func<string, (string Where, string Json)>[]
        {
            name => ("at the top level", WithRawMember(valid, "", name, "\"x\"")),
            name => ("nested 12 deep", WithRawMember(valid, "", "meta", Nested(12, "{\"detail\":", "}", $"{{\"{name}\":\"x\"}}"))),
            name => ("inside an array", WithRawMember(valid, "", "extras", $"[1,{{\"ok\":true}},[{{\"{name}\":null}}]]")),
            name => ("inside an existing nested object", WithRawMember(valid, objects[^1], name, "{\"value\":1}")),
            name => ("with a JSON-escaped name", WithRawMember(valid, "", EscapeFirstLetter(name), "\"x\"")),
            name => ("as the only member", $"{{\"{name}\":[\"x\"]}}"),
        };
        foreach (var name in names)
        {
            var (where, json) = placements[_random.Next(placements.Length)](name);
            yield return make("non-merit", $"'{name}' {where}", Bytes(json), expectedType: ProblemTypes.NonMeritAttribute);
        }
        // Every placement at least once, with the name the law spells.
        foreach (var placement in placements)
        {
            var (where, json) = placement("dateOfBirth");
            yield return make("non-merit", $"'dateOfBirth' {where}", Bytes(json), expectedType: ProblemTypes.NonMeritAttribute);
        }
        // Smuggled in a body that is not declared as JSON: never read as data, so refused all the same (415). A body-less
        // command ignores such a body; that case is among its probes.
        if (target.HasBody)
            yield return make("non-merit", "'religion' in a text/plain body", Bytes(WithRawMember(valid, "", "religion", "\"x\"")), "text/plain");

        static string EscapeFirstLetter(string name) => $"\\u{(int)name[0]:x4}{name[1..]}";
    }

    private IEnumerable<HostileRequest> ForBody(DiscoveredEndpoint endpoint, WriteTarget target, Maker make)
    {
        var valid = target.Valid!(_fixture);
        var fields = FieldsOf(endpoint.BodyType!).ToDictionary(f => f.Path);
        JsonObject Valid() => target.Valid!(_fixture);
        JsonObject LateFail() => target.LateFail!(_fixture).Body;
        var lateUrl = target.LateFail!(_fixture).Url;

        HostileRequest Mutated(string family, string description, JsonObject body, bool late = false, HostileKind kind = HostileKind.MustFail) =>
            make(family, description, Bytes(body), requestUrl: late ? lateUrl : null, kind: kind);

        // -- the body is JSON, but not an object --
        foreach (var root in new[] { "[]", $"[{valid.ToJsonString(Raw)}]", "\"a string\"", "42", "true", "null", "{}", "1e400", "[[]]" })
            yield return make("wrong-root", $"the body is {HostileRequest.Shorten(root, 40)}", Bytes(root));

        foreach (var field in fields.Values)
        {
            var optional = target.Optional.Contains(field.Path);
            var free = target.FreeText.Contains(field.Path);

            // -- wrong types --
            foreach (var (label, value) in WrongTypes(field.Kind))
            {
                if (value is null && optional)
                    continue; // null is what an optional field may be
                yield return Mutated("wrong-type", $"{field.Path} = {label}", With(Valid(), field.Path, value));
            }
            if (!optional)
                yield return Mutated("missing-field", $"{field.Path} left out", With(Valid(), field.Path, null, remove: true));

            // -- numbers: huge, negative, fractional; then each field's own out-of-range values --
            if (field.Kind is FieldKind.Integer or FieldKind.Decimal)
            {
                foreach (var number in new[] { "1e400", "99999999999999999999999", "-1", "2147483648", "-2147483649", "1.5", "79228162514264337593543950336", "1e-400", "-0.0000001" })
                {
                    // A fraction is wrong for a whole number and a weight, but a near-tie threshold of 1.5 points is lawful.
                    if (number == "1.5" && field.Path == "nearTieThreshold")
                        continue;
                    yield return make("huge-numbers", $"{field.Path} = {number}", Bytes(WithRawValue(Valid(), field.Path, number)));
                }
            }
            foreach (var (label, raw) in OutOfRange(field, target))
                yield return make("out-of-range", $"{field.Path} = {label}", Bytes(WithRawValue(Valid(), field.Path, raw)));

            // -- deep nesting inside a field --
            foreach (var depth in new[] { 20, 40, 10_000 })
                yield return make("deep-nesting", $"{field.Path} = {depth} nested arrays", Bytes(WithRawValue(Valid(), field.Path, Nested(depth, "[", "]"))));

            // -- text: control characters are refused everywhere; the rest must be refused where the format is constrained,
            //    and in free text are checked on the late-failing request (they are arguably legitimate text) --
            if (field.Kind is FieldKind.Text or FieldKind.Enum or FieldKind.Guid or FieldKind.Date)
            {
                foreach (var text in ControlText)
                    yield return Mutated("control-characters", $"{field.Path} = '{HostileRequest.Escape(text)}'", With(Valid(), field.Path, text));
                yield return make("control-characters", $"{field.Path} with a raw (unescaped) U+0001 byte", Bytes(WithRawValue(Valid(), field.Path, "\"a\u0001b\"")));
                foreach (var text in InvisibleText)
                    yield return Mutated("bidi-zero-width", $"{field.Path} = '{HostileRequest.Escape(text)}'" + (free ? " (free text: late-failing request)" : ""),
                        With(free ? LateFail() : Valid(), field.Path, text), free);
                foreach (var text in SqlInjections)
                    yield return Mutated("sql-injection", $"{field.Path} = {text}" + (free ? " (free text: late-failing request)" : ""),
                        With(free ? LateFail() : Valid(), field.Path, text), free);
                foreach (var (label, raw) in InvalidUnicode)
                    yield return make("invalid-unicode", $"{field.Path} = {label}" + (free ? " (free text: late-failing request)" : ""),
                        WithRawValueBytes(free ? LateFail() : Valid(), field.Path, raw), requestUrl: free ? lateUrl : null);
                yield return Mutated("oversized-text", $"{field.Path} = 100,000 characters", With(free ? LateFail() : Valid(), field.Path, new string('A', 100_000)), free);
                if (free)
                {
                    // The same text on the valid request: accepted or not, it is reported (phase two).
                    foreach (var text in SqlInjections.Concat(InvisibleText))
                        yield return Mutated("free-text-probe", $"{field.Path} = '{HostileRequest.Escape(text)}' on the valid request", With(Valid(), field.Path, text),
                            kind: HostileKind.Arguable);
                    foreach (var (label, raw) in InvalidUnicode)
                        yield return make("free-text-probe", $"{field.Path} = {label} on the valid request", WithRawValueBytes(Valid(), field.Path, raw), kind: HostileKind.Arguable);
                }
            }
            if (field.Kind == FieldKind.Enum)
            {
                var name = Navigate(valid, field.Path)!.GetValue<string>();
                // Exactly one defined name, as written: no numbers, combinations, other spellings or padding.
                var other = OtherName(field, name);
                foreach (var raw in new[]
                         {
                             "\"Bogus\"", "\"\"", "\"1\"", "\"-1\"", "\"99\"", "1", "0", $"\"{name}, {other}\"", $"\"{name},{other}\"", $"\"{name}|{other}\"",
                             "\"null\"", $"\"{name}\\u0000\"", $"\"{name.ToLowerInvariant()}\"", $"\"{name.ToUpperInvariant()}\"", $"\" {name}\"", $"\"{name} \"",
                         })
                    yield return make("invalid-enum", $"{field.Path} = {raw}", Bytes(WithRawValue(Valid(), field.Path, raw)), expectedType: ProblemTypes.MalformedRequest);
            }
            if (field.Kind == FieldKind.Guid)
            {
                foreach (var raw in new[] { "\"not-a-guid\"", "\"\"", $"\"{Guid.Empty}\"", $"\"{{{NewGuid()}}}\"", $"\"{NewGuid()}-extra\"", "12345", $"\"{new string('f', 1000)}\"", $"\"{NewGuid():N}\"", $"\"{NewGuid()}\"" })
                    yield return make("invalid-guid", $"{field.Path} = {HostileRequest.Shorten(raw, 50)}", Bytes(WithRawValue(Valid(), field.Path, raw)));
            }
        }

        // -- duplicate keys, in every object of the body --
        foreach (var objectPath in ObjectPaths(valid))
        {
            var obj = objectPath.Length == 0 ? valid : (JsonObject)Navigate(valid, objectPath)!;
            foreach (var (name, value) in obj.ToList())
            {
                var where = objectPath.Length == 0 ? name : $"{objectPath}.{name}";
                var same = value?.ToJsonString(Raw) ?? "null";
                yield return make("duplicate-keys", $"{where} twice, same value", Bytes(WithRawMember(Valid(), objectPath, name, same)));
                yield return make("duplicate-keys", $"{where} twice, the second null", Bytes(WithRawMember(Valid(), objectPath, name, "null")));
                yield return make("duplicate-keys", $"{where} twice, once JSON-escaped", Bytes(WithRawMember(Valid(), objectPath, $"\\u{(int)name[0]:x4}{name[1..]}", same)));
                yield return make("duplicate-keys", $"{where} and {Capitalised(name)}", Bytes(WithRawMember(Valid(), objectPath, Capitalised(name), same)));
            }
        }

        // -- unknown fields, top level and nested; and the route-only properties a body must not set --
        string[] unknown = ["extra", "id", "isAdmin", "role", "$type", "__proto__", "constructor", "createdAt", "", "status", "score", "rank", "approved"];
        foreach (var objectPath in ObjectPaths(valid))
            foreach (var name in unknown)
                yield return make("unknown-fields", $"unknown field '{name}' in {(objectPath.Length == 0 ? "the body" : objectPath)}",
                    Bytes(WithRawMember(Valid(), objectPath, name, name == "__proto__" ? "{\"polluted\":true}" : "true")));
        foreach (var property in RouteOnlyProperties(endpoint.BodyType!))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var value = (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == typeof(Guid)
                ? $"\"{_fixture.OtherEmployeeId}\""
                : "2024";
            // Bound from the route, [JsonIgnore] in the body type: not a field of the body, so refused like any unknown one.
            yield return make("mass-assignment", $"route-only '{name}' set in the body to {value}", Bytes(WithRawMember(Valid(), "", name, value)),
                expectedType: ProblemTypes.MalformedRequest);
        }

        // -- wrong content types (the valid body, declared as something else) --
        var json = Bytes(Valid());
        string?[] contentTypes =
        [
            "text/plain", "application/xml", "text/xml", "application/octet-stream", "text/json", "application/jsonx", "application/x-www-form-urlencoded",
            null, "application/json; charset=utf-16", "application/json; charset=utf-32", "application/json; charset=no-such-charset", "json",
            "application/*", "*/*", "application/json, text/plain", "application/javascript", "multipart/form-data",
        ];
        foreach (var contentType in contentTypes)
            yield return make("wrong-content-type", $"the valid body as {contentType ?? "(no Content-Type)"}", json, contentType);
        const string Boundary = "hostile-boundary";
        var multipart = $"--{Boundary}\r\nContent-Disposition: form-data; name=\"body\"\r\nContent-Type: application/json\r\n\r\n{Valid().ToJsonString(Raw)}\r\n--{Boundary}--\r\n";
        yield return make("wrong-content-type", "a multipart/form-data request carrying the JSON as a part", Bytes(multipart), $"multipart/form-data; boundary={Boundary}");
        var form = string.Join('&', Valid().Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value?.ToJsonString(Raw) ?? "")}"));
        yield return make("wrong-content-type", "the fields form-encoded", Bytes(form), "application/x-www-form-urlencoded");
        yield return make("wrong-content-type", "an XML document as XML", Bytes("<?xml version=\"1.0\"?><request><code>X</code></request>"), "application/xml");
        yield return make("wrong-content-type", "the valid body in UTF-16, declared so", Encoding.Unicode.GetBytes(Valid().ToJsonString(Raw)), "application/json; charset=utf-16");
        yield return make("wrong-content-type", "an empty body, no Content-Type", [], null);
        yield return make("wrong-content-type", "no content at all", null, null);
        yield return make("wrong-content-type", "an empty body declared as JSON", [], "application/json");

        // -- unknown ids in the route (the rest valid) --
        if (endpoint.RouteParameters.Contains("id"))
            yield return make("unknown-ids", "a well-formed id that is no row's", Bytes(Valid()), requestUrl: endpoint.Url(name => name == "id" ? NewGuid().ToString() : "2025"));

        // -- a few arguable requests, reported rather than failed --
        yield return make("encoding-probe", "the valid body after a UTF-8 byte-order mark", [0xEF, 0xBB, 0xBF, .. Bytes(Valid())], kind: HostileKind.Arguable);
        yield return make("encoding-probe", "the valid body with property names in PascalCase",
            Bytes(new JsonObject(Valid().Select(p => KeyValuePair.Create(Capitalised(p.Key), p.Value?.DeepClone())))), kind: HostileKind.Arguable);

        static string Capitalised(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
    }

    private static string OtherName(BodyField field, string name)
    {
        var type = Nullable.GetUnderlyingType(field.Type) ?? field.Type;
        return Enum.GetNames(type).First(n => n != name);
    }

    /// <summary>Escaped lone surrogates and raw bytes that are not UTF-8, as JSON string values.</summary>
    private static readonly (string Label, byte[] Raw)[] InvalidUnicode =
    [
        ("a lone high surrogate (escaped)", Encoding.ASCII.GetBytes("\"a\\ud800b\"")),
        ("a lone low surrogate (escaped)", Encoding.ASCII.GetBytes("\"\\udc00\"")),
        ("raw byte 0xFF", [(byte)'"', 0x61, 0xFF, 0x62, (byte)'"']),
        ("an overlong UTF-8 slash (0xC0 0xAF)", [(byte)'"', 0xC0, 0xAF, (byte)'"']),
        ("a truncated UTF-8 sequence (0xE2 0x82)", [(byte)'"', 0xE2, 0x82, (byte)'"']),
        ("a UTF-8-encoded surrogate (0xED 0xA0 0x80)", [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"']),
    ];

    private static IEnumerable<(string Label, JsonNode? Value)> WrongTypes(FieldKind kind)
    {
        if (kind != FieldKind.Text)
            yield return ("the string \"x\"", "x");
        if (kind is FieldKind.Integer or FieldKind.Decimal)
            yield return ("a number in a string", "3");
        else
            yield return ("the number 42", 42);
        if (kind != FieldKind.Boolean)
            yield return ("true", true);
        if (kind != FieldKind.Object)
            yield return ("an object", new JsonObject { ["value"] = 1 });
        if (kind != FieldKind.Array)
            yield return ("an array", new JsonArray(1));
        else
            yield return ("an array of arrays", new JsonArray(new JsonArray()));
        yield return ("null", null);
    }

    /// <summary>Values outside what each field accepts, by the field's name (levels, years, places, weights, dates, list sizes).</summary>
    private IEnumerable<(string Label, string Raw)> OutOfRange(BodyField field, WriteTarget target)
    {
        var name = field.Path.Split('.')[^1];
        string[] values = name switch
        {
            "level" or "requiredLevel" => ["0", "6", "-3", "100", "2147483647"],
            "year" => ["1999", "2100", "0", "-2025", "9999"],
            "latestPerformanceYear" => ["1999", "2100", "0", "-1"],
            "places" => ["0", "1001", "-5", "2147483647"],
            "policyVersion" => ["0", "-1", "999"],
            "competenceWeight" or "performanceWeight" => ["1.1", "-0.1", "0.0001", "1.0001"],
            "nearTieThreshold" => ["10.01", "-0.01", "0.001", "100"],
            "performanceYearWeights[0]" => ["0", "1.0001", "0.0005"],
            "accreditedFrom" => ["\"1999-12-31\"", "\"0001-01-01\"", "\"2025-02-30\"", "\"2025-06-01T00:00:00Z\"", "\"01/06/2025\""],
            "accreditedUntil" => ["\"2023-12-31\"", "\"9999-12-31\"", "\"2025-02-30\"", "\"2025-06-01T00:00:00Z\""],
            "assessmentValidityYears" => ["0", "11", "-3"],
            "inPositionSince" => ["\"2100-01-01\"", "\"9999-12-31\"", "\"2025-02-30\"", "\"2025-06-01T00:00:00Z\"", "\"01/06/2025\""],
            "assessedOn" => ["\"1999-12-31\"", "\"2100-01-01\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"2025-02-30\"", "\"2025-13-01\"",
                "\"2025-06-01T00:00:00Z\"", "\"01/06/2025\"", "\"+002025-06-01\"", "\"2025-6-1\""],
            "grade" or "minimumGrade" => ["\"V/a\"", "\"IV/f\"", "\"III/e\"", "\"0/a\"", "\"III\"", "\"III/c/d\"", "\"iii/c\"", "\"IIII/a\""],
            "nip" => ["\"12345678901234567\"", "\"1234567890123456789\"", "\"19800101200001100a\"", "\"１９８００１０１２０００１１００１\"", "\"-19800101200001100\"", "\"1.98001012E+17\""],
            "code" when target.Endpoint == "POST /api/v1/competencies" =>
                ["\"lower-case\"", "\"1STARTS-WITH-DIGIT\"", $"\"{new string('A', 33)}\"", "\"HAS SPACE\"", "\"-\""],
            "code" => [$"\"{new string('P', 51)}\"", "\"\"", "\"   \""],
            "name" when target.Endpoint == "POST /api/v1/assessing-bodies" =>
                ["\"\"", "\"   \"", $"\"{new string('T', 201)}\"", "\"-Lembaga\"", "\"Lembaga; Penilai\"", "\"Lembaga <b>\""],
            "title" when target.Endpoint.Contains("development-activities", StringComparison.Ordinal) =>
                ["\"\"", "\"   \"", $"\"{new string('T', 301)}\""],
            "title" when target.Endpoint.Contains("development-plans", StringComparison.Ordinal) =>
                ["\"\"", "\"   \"", $"\"{new string('T', 301)}\""],
            "referenceDate" => ["\"2999-01-01\"", "\"1999-12-31\"", "\"2025-02-30\"", "\"2025-06-01T00:00:00Z\""],
            // Before the plan is made (today), outside 2000–2100, not a date.
            "targetDate" => ["\"2020-01-01\"", "\"1999-12-31\"", "\"2101-01-01\"", "\"2025-02-30\"", "\"2025-06-01T00:00:00Z\""],
            "provider" => [$"\"{new string('P', 201)}\""],
            "number" => ["\"\"", "\"   \"", $"\"{new string('N', 101)}\""],
            "jp" => ["0", "-2", "19.4", "2000.5", "3"],
            "minutes" => ["22", "0", "-45", "90001", "135"],
            "startDate" => ["\"1999-12-31\"", "\"2025-02-30\"", "\"2025-06-01T00:00:00Z\""],
            "endDate" => ["\"2100-01-01\"", "\"2019-12-31\"", "\"2025-13-01\""],
            "validUntil" => ["\"2019-01-01\"", "\"9999-12-31\""],
            "vacantOn" => ["\"2020-01-01\"", "\"2101-01-01\"", "\"2025-02-30\"", "\"2025-06-01T00:00:00Z\""],
            "title" or "name" or "unit" or "assessor" => ["\"\"", "\"   \"", $"\"{new string('T', 201)}\""],
            "competencyCode" => ["\"lower-case\"", "\"1STARTS-WITH-DIGIT\"", $"\"{new string('A', 33)}\"", "\"HAS SPACE\"", "\"HX-NOT-IN-DICTIONARY-\\u0130\""],
            _ => [],
        };
        foreach (var value in values)
            yield return (value, value);
        if (field.Kind == FieldKind.Array)
        {
            var count = name switch
            {
                "employeeIds" => 10_001,
                "activities" => 10_001,
                "actions" => 51,
                "units" => 101,
                "competencyCodes" => 21,
                "candidateIds" => 1_001,
                "vacancies" => 1_001,
                "conflicts" => 10_001,
                "placements" => 1_001,
                "performanceYearWeights" => 6,
                "standard" or "requirements" => 41,
                "assessments" => 201,
                "employees" => 10_001,
                _ => 0,
            };
            if (count > 0)
            {
                var element = name switch
                {
                    "performanceYearWeights" => "0.1",
                    "standard" or "requirements" => $"{{\"competencyCode\":\"{_fixture.CompetencyCode}\",\"requiredLevel\":3}}",
                    "assessments" => $"{{\"competencyCode\":\"{_fixture.CompetencyCode}\",\"level\":3,\"assessedOn\":\"2025-06-01\",\"assessor\":\"P\"}}",
                    "employees" or "activities" => "null",
                    "competencyCodes" => "\"M-INTEGRITY\"",
                    "units" => "\"Biro Uji\"",
                    "vacancies" => $"{{\"positionId\":\"{NewGuid()}\",\"places\":1}}",
                    "conflicts" or "placements" => "null",
                    "actions" => $"{{\"competencyCode\":\"{_fixture.CompetencyCode}\",\"form\":\"Coaching\",\"title\":\"T\",\"targetDate\":\"2099-12-31\"}}",
                    _ => null,
                };
                var items = Enumerable.Range(0, count).Select(_ => element ?? $"\"{NewGuid()}\"");
                yield return ($"{count} elements", $"[{string.Join(',', items)}]");
            }
            if (name is "employeeIds" or "candidateIds" or "standard" or "requirements" or "employees" or "activities")
                yield return ("an empty list", "[]");
        }
    }

    private static string WithRawValue(JsonObject body, string path, string rawValue)
    {
        const string Placeholder = "__hostile_value_placeholder__";
        return With(body, path, Placeholder).ToJsonString(Raw).Replace($"\"{Placeholder}\"", rawValue, StringComparison.Ordinal);
    }

    private static byte[] WithRawValueBytes(JsonObject body, string path, byte[] rawValue)
    {
        const string Placeholder = "__hostile_value_placeholder__";
        var text = With(body, path, Placeholder).ToJsonString(Raw);
        var at = text.IndexOf($"\"{Placeholder}\"", StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(text[..at]), .. rawValue, .. Encoding.UTF8.GetBytes(text[(at + Placeholder.Length + 2)..])];
    }

    // ---- 10 MB bodies: only a few, they are big ---------------------------------------------------------------------

    private IEnumerable<HostileRequest> TenMegabyteBodies()
    {
        HostileRequest Big(string endpoint, string url, string description, byte[] body, string? expectedType = null) => new()
        {
            Family = "10mb-body",
            Endpoint = endpoint,
            Method = HttpMethod.Post,
            Url = url,
            Body = body,
            Description = description,
            ExpectedProblemType = expectedType,
        };
        byte[] Padded(string head, string tail, byte fill)
        {
            var bytes = new byte[TenMegabytes];
            Array.Fill(bytes, fill);
            Encoding.UTF8.GetBytes(head).CopyTo(bytes, 0);
            Encoding.UTF8.GetBytes(tail).CopyTo(bytes, bytes.Length - Encoding.UTF8.GetByteCount(tail));
            return bytes;
        }

        // Above the 4 MiB default of an ordinary write.
        yield return Big("POST /api/v1/employees", "/api/v1/employees", "10 MB: a 10-million-character name",
            Padded("{\"nip\":\"197700000000203001\",\"grade\":\"III/c\",\"unit\":\"Biro\",\"name\":\"", "\"}", (byte)'A'), ProblemTypes.PayloadTooLarge);
        yield return Big($"POST /api/v1/selections/{{id}}/decision", $"/api/v1/selections/{_fixture.SelectionId}/decision",
            "10 MB: a justification of 10 million characters", Padded($"{{\"candidateIds\":[\"{_fixture.TopCandidateId}\"],\"justification\":\"", "\"}", (byte)'x'),
            ProblemTypes.PayloadTooLarge);
        // Within the bulk import's own 64 MiB limit: parsed, and refused for what it says.
        yield return Big("POST /api/v1/employees/import", "/api/v1/employees/import", "10 MB: one row whose name is 10 million characters",
            Padded("{\"employees\":[{\"nip\":\"197799999999203001\",\"grade\":\"III/c\",\"unit\":\"Biro\",\"name\":\"", "\"}]}", (byte)'A'));
        yield return Big("POST /api/v1/employees/import", "/api/v1/employees/import", "10 MB: an empty batch padded with whitespace",
            Padded("{\"employees\":[]", "}", (byte)' '));
        yield return Big("POST /api/v1/employees/import", "/api/v1/employees/import", "10 MB: five million nested arrays",
            Padded("{\"employees\":", "", (byte)'['));
        // 130,000 well-formed rows (the limit is 10,000), the last one with a NUL in its name.
        var rows = string.Join(',', Enumerable.Range(0, 130_000).Select(i =>
            $"{{\"nip\":\"1977{i:D8}203001\",\"name\":\"{(i == 129_999 ? "\\u0000" : "Pegawai")}\",\"grade\":\"III/c\",\"unit\":\"Biro\"}}"));
        var tooMany = Bytes($"{{\"employees\":[{rows}]}}");
        yield return Big("POST /api/v1/employees/import", "/api/v1/employees/import",
            $"{tooMany.Length / 1_000_000.0:F1} MB: 130,000 rows (the limit is 10,000)", tooMany);
    }

    // ---- hostile query parameters on every read endpoint that takes any ---------------------------------------------

    private IEnumerable<HostileRequest> QueryParameters(DiscoveredEndpoint endpoint)
    {
        var parameters = endpoint.QueryParameters;
        if (parameters.Count == 0)
            yield break;
        var url = endpoint.Url(name => ValidRouteValue(endpoint, name));

        string[] common =
        [
            .. SqlInjections, "\u0000", "a\u0007b", "\u001b[31m", "\u202eevil", "Biro\u200bUji", "99999999999999999999", "1e400", "-1", "0",
            "2147483648", "NaN", "not-a-guid", "Bogus", new string('A', 10_000), "", " ", "%", "\ud800", "{\"$ne\":null}", "../../etc/passwd",
        ];
        foreach (var (name, type) in parameters)
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            IEnumerable<string> values = common;
            if (t == typeof(DateTimeOffset))
                values = values.Concat(["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "2025-02-30", "-infinity", "infinity", "2025-06-01T25:00:00Z"]);
            if (t == typeof(int) || t == typeof(long))
                values = values.Concat(["9223372036854775808", "-2147483649", "1.5", "0x10", "١٢"]);
            foreach (var value in values)
                yield return Read(endpoint, $"{url}?{name}={Percent(value)}", $"?{name}={HostileRequest.Shorten(HostileRequest.Escape(value), 60)}");
            if (t.IsEnum)
            {
                // An enum filter is exactly one defined name: anything else is refused, never read as a number or a combination.
                var names = Enum.GetNames(t);
                foreach (var value in new[] { $"{names[0]},{names[^1]}", $"{names[0]}, {names[^1]}", "1", "99", "-1", names[0].ToLowerInvariant(), $" {names[0]}", "" })
                    yield return Read(endpoint, $"{url}?{name}={Percent(value)}", $"?{name}={value} (not exactly one defined name)", ProblemTypes.Validation);
                yield return Read(endpoint, $"{url}?{name}={names[0]}&{name}={names[^1]}", $"?{name} given twice (two defined names)", ProblemTypes.Validation);
            }
            foreach (var encoded in new[] { "%ED%A0%80", "%FF", "%C0%AF", "%E2%82" })
                yield return Read(endpoint, $"{url}?{name}={encoded}", $"?{name}={encoded} (not UTF-8)");
            yield return Read(endpoint, $"{url}?{name}=1&{name}=2", $"?{name} given twice");
            yield return Read(endpoint, $"{url}?{name}=%ZZ%", $"?{name} with a broken percent-escape");
        }
        yield return Read(endpoint, $"{url}?{string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(SqlInjections[1])}"))}",
            "every parameter an injection at once");
    }

    /// <summary>Percent-encodes the UTF-8 of a value (a lone surrogate becomes U+FFFD, as any client would send it).</summary>
    private static string Percent(string value) =>
        string.Concat(Encoding.UTF8.GetBytes(value).Select(b => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~'
            ? ((char)b).ToString()
            : $"%{b:X2}"));

    /// <summary>A read with a hostile query: any status below 500 (a refusal is problem details), or refused as <paramref name="mustFailAs"/>.</summary>
    private static HostileRequest Read(DiscoveredEndpoint endpoint, string url, string description, string? mustFailAs = null) => new()
    {
        Family = mustFailAs is null ? "query-parameters" : "query-enums",
        Endpoint = endpoint.Key,
        Method = HttpMethod.Get,
        Url = url,
        Body = null,
        ContentType = null,
        Kind = mustFailAs is null ? HostileKind.Read : HostileKind.MustFail,
        ExpectedProblemType = mustFailAs,
        Description = description,
    };
}
