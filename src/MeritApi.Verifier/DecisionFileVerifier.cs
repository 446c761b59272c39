using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MeritApi.Domain.Audit;
using MeritApi.Domain.Canonical;
using MeritApi.Domain.Common;
using MeritApi.Domain.Decisions;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Rationales;
using MeritApi.Domain.Scoring;
using MeritApi.Domain.Transparency;

namespace MeritApi.Verifier;

/// <summary>A decision file whose structure is not that of §8 of the specification (a part missing, of the wrong type, out of order).</summary>
public sealed class MalformedDecisionFileException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Checks a decision file (format <see cref="Format"/>, §8–§9 of src/MeritApi.Domain/Canonical/SPECIFICATION.md) with nothing
/// but the file and the public key the auditor holds. The file is read as a stream, one rationale at a time.
/// </summary>
public sealed class DecisionFileVerifier
{
    public const string Format = "meritapi-decision-file-v2";

    /// <summary>The names of the checks, as the report shows them.</summary>
    public static class Checks
    {
        public const string FileFormat = "file format";
        public const string Checkpoint = "checkpoint signed by the key you hold";
        public const string EntryHash = "audit entry hash";
        public const string EntryInLog = "audit entry in the signed log";
        public const string EntryChain = "audit entries linked";
        public const string Policy = "policy";
        public const string Standard = "one standard for the whole run";
        public const string Seal = "seal";
        public const string Figures = "figures recomputed from evidence and policy";
        public const string Validity = "assessment validity on the reference date";
        public const string Rank = "rank recomputed from every candidate";
        public const string ResultsDigest = "results digest over every seal";
        public const string RunInLog = "scoring run in the signed log";
        public const string SelectionInLog = "selection opened in the signed log";
        public const string EnrolmentInLog = "candidate's enrolment in the signed log";
        public const string Decision = "decision's standing recomputed";
        public const string DecisionInLog = "decision in the signed log";
    }

    private const string RationalesMember = "latestRunRationales";
    private static readonly string[] NeededBeforeRationales = ["format", "selection", "position", "policy", "scoringRuns"];

    // Only for reading a version-1 rationale back into the type its seal was written from.
    private static readonly JsonSerializerOptions RationaleReading = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    private readonly ECDsa _key;
    private readonly VerificationReport _report = new();
    private readonly Dictionary<string, JsonDocument> _members = [];
    private readonly List<CandidateFacts> _candidates = [];
    private readonly Dictionary<string, ScoringContext> _contexts = [];
    private RunFacts? _run;
    private string? _runStandard;

    private DecisionFileVerifier(ECDsa key) => _key = key;

    /// <param name="file">The decision file as downloaded.</param>
    /// <param name="publicKeyPem">The log's public key (PEM "PUBLIC KEY"), as the auditor obtained it outside the server.</param>
    /// <exception cref="MalformedDecisionFileException">The file is not JSON, or not shaped as a decision file.</exception>
    /// <exception cref="ArgumentException">The key is not a PEM public key.</exception>
    public static VerificationReport Verify(Stream file, string publicKeyPem) => Verify(file, publicKeyPem, 1 << 16);

    internal static VerificationReport Verify(Stream file, string publicKeyPem, int initialBufferSize)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        var verifier = new DecisionFileVerifier(key);
        try
        {
            verifier.Read(new StreamedJsonObject(file, initialBufferSize));
            return verifier._report;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new MalformedDecisionFileException(ex.Message, ex);
        }
        finally
        {
            foreach (var document in verifier._members.Values)
                document.Dispose();
        }
    }

    private void Read(StreamedJsonObject json)
    {
        json.Open();
        while (json.NextName() is { } name)
        {
            if (name == RationalesMember)
            {
                // Rationales are checked as they stream past, so everything they are checked against must come first.
                if (NeededBeforeRationales.FirstOrDefault(m => !_members.ContainsKey(m)) is { } missing)
                    throw new MalformedDecisionFileException($"'{RationalesMember}' must come after '{missing}' (specification §8).");
                PrepareRun();
                if (json.OpenArray())
                    while (json.NextElement() is { } rationale)
                        using (rationale)
                            CheckRationale(rationale.RootElement);
                continue;
            }
            var value = json.Value();
            if (!_members.TryAdd(name, value))
            {
                value.Dispose();
                throw new MalformedDecisionFileException($"'{name}' appears twice.");
            }
            if (name == "format")
            {
                var known = value.RootElement.ValueKind == JsonValueKind.String && value.RootElement.GetString() == Format;
                _report.Record(Checks.FileFormat, "format", known ? null : $"'{value.RootElement}' is not {Format}: this verifier reads only that format.");
                if (!known)
                    return;
            }
        }
        if (!_members.ContainsKey("format"))
            throw new MalformedDecisionFileException("The file names no format.");
        if (_run is null)
            throw new MalformedDecisionFileException($"The file has no '{RationalesMember}'.");
        Finish();
    }

    private JsonElement Member(string name) =>
        _members.TryGetValue(name, out var document) ? document.RootElement : throw new MalformedDecisionFileException($"The file has no '{name}'.");

    // ---- The run and its rationales -------------------------------------------------------------------------------------

    private sealed record RunFacts(Guid SelectionId, Guid RunId, ScoringPolicy? Policy, Grade? MinimumGrade, int LatestYear, string SealScheme,
        DateOnly? ReferenceDate);

    /// <summary>What the verifier keeps of each candidate once their rationale has streamed past.</summary>
    private sealed record CandidateFacts(Guid CandidateId, string Code, string Seal, RankKey? RecomputedKey, decimal RecomputedMerit,
        int? PublishedRank, RankDecision? PublishedDecidedBy);

    private void PrepareRun()
    {
        var selection = Member("selection");
        var runs = Member("scoringRuns");
        if (runs.GetArrayLength() == 0)
            throw new MalformedDecisionFileException("The file has rationales but no scoring run.");
        var run = runs.EnumerateArray().MaxBy(r => r.GetProperty("sequence").GetInt32());
        var p = Member("policy");

        ScoringPolicy? policy = null;
        try
        {
            policy = new ScoringPolicy(p.GetProperty("version").GetInt32(), p.GetProperty("competenceWeight").GetDecimal(),
                p.GetProperty("performanceWeight").GetDecimal(), [.. p.GetProperty("performanceYearWeights").EnumerateArray().Select(w => w.GetDecimal())],
                Name<JpmBandSet>(p.GetProperty("bandSet")), Name<PerformanceRating>(p.GetProperty("minimumRating")), null, default,
                assessmentValidity: p.TryGetProperty("assessmentValidityYears", out var years) && years.ValueKind == JsonValueKind.Number
                    ? new AssessmentValidityRule(years.GetInt32(),
                        p.TryGetProperty("accreditedBodiesOnly", out var only) && only.ValueKind == JsonValueKind.True)
                    : null);
            var runVersion = run.GetProperty("policyVersion").GetInt32();
            _report.Record(Checks.Policy, $"version {policy.Version}", runVersion == policy.Version ? null
                : $"The run was scored under policy version {runVersion}, but the file gives version {policy.Version}.");
        }
        catch (Exception ex) when (ex is DomainException or ArgumentException or FormatException)
        {
            _report.Record(Checks.Policy, "policy", $"The file's policy cannot be applied ({ex.Message}): no figure can be recomputed.");
        }

        var minimumGrade = run.GetProperty("minimumGrade").GetString() is { } grade ? Grade.Parse(grade) : (Grade?)null;
        DateOnly? referenceDate = run.TryGetProperty("referenceDate", out var reference) && reference.ValueKind == JsonValueKind.String
            ? DateOnly.Parse(reference.GetString()!, CultureInfo.InvariantCulture)
            : null;
        if (policy?.AssessmentValidity is not null)
        {
            // The validity of assessments is judged on the day the selection opened: a run may not pick another day.
            var opened = DateOnly.FromDateTime(selection.GetProperty("openedAt").GetDateTimeOffset().UtcDateTime);
            _report.Record(Checks.Validity, "reference date", referenceDate == opened ? null
                : $"Assessments were judged on {referenceDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "no day"}, but the selection opened on {opened:yyyy-MM-dd}.");
        }
        _run = new RunFacts(Guid.Parse(selection.GetProperty("id").GetString()!), Guid.Parse(run.GetProperty("id").GetString()!), policy,
            minimumGrade, run.GetProperty("latestPerformanceYear").GetInt32(), run.GetProperty("sealScheme").GetString()!, referenceDate);
    }

    private void CheckRationale(JsonElement rationale)
    {
        var run = _run!;
        var code = rationale.GetProperty("candidateCode").GetString()!;
        var candidateId = Guid.Parse(rationale.GetProperty("candidateId").GetString()!);
        var seal = rationale.GetProperty("seal").GetString()!;
        var scheme = rationale.GetProperty("sealScheme").GetString();
        var published = CanonicalWithout(rationale, "seal");

        _report.Record(Checks.Seal, code, scheme switch
        {
            SealSchemes.V2 => Hex(SHA256.HashData(published)) == seal ? null
                : "The rationale does not hash to its seal: a figure or an evidence line was changed after sealing.",
            SealSchemes.V1 => SealV1(rationale) == seal ? null
                : "The rationale does not hash to its seal (scheme v1): a figure or an evidence line was changed after sealing.",
            _ => $"Seal scheme '{scheme}' is not one this verifier knows; it refuses to guess.",
        });

        var rank = rationale.GetProperty("rank");
        int? publishedRank = rank.GetProperty("rank").ValueKind == JsonValueKind.Null ? null : rank.GetProperty("rank").GetInt32();
        RankDecision? publishedDecidedBy = rank.GetProperty("decidedBy").ValueKind == JsonValueKind.Null ? null : Name<RankDecision>(rank.GetProperty("decidedBy"));
        RankKey? key = null;
        var merit = 0m;
        if (run.Policy is { } policy)
        {
            try
            {
                var (context, evidence) = Evidence(policy, candidateId, rationale.GetProperty("evidence"), code);
                var (score, rebuilt) = RationaleVerifier.Rebuild(run.SelectionId, run.RunId, code, context, evidence,
                    publishedRank is { } r ? new RankOutcome(r, publishedDecidedBy ?? RankDecision.MeritScore) : null, run.SealScheme);
                key = score.Eligible ? score.RankKey : null;
                merit = score.MeritScore;
                var recomputed = RationaleSeal.CanonicalDocument(rebuilt);
                _report.Record(Checks.Figures, code, published.AsSpan().SequenceEqual(recomputed) ? null : Differences(published, recomputed));
            }
            catch (Exception ex) when (ex is FormatException or DomainException or ArgumentException)
            {
                _report.Record(Checks.Figures, code, $"Its evidence cannot be read: {ex.Message}");
            }
        }
        _candidates.Add(new CandidateFacts(candidateId, code, seal, key, merit, publishedRank, publishedDecidedBy));
    }

    /// <summary>The run's context and the candidate's evidence, read from the rationale's own evidence lines.</summary>
    private (ScoringContext, CandidateEvidence) Evidence(ScoringPolicy policy, Guid candidateId, JsonElement evidence, string code)
    {
        var competencies = evidence.GetProperty("competencies").EnumerateArray().ToList();
        var standard = competencies.Select(c => (c.GetProperty("competencyCode").GetString()!, c.GetProperty("requiredLevel").GetInt32())).ToList();
        var standardText = string.Join(",", standard.Select(s => $"{s.Item1}={s.Item2}"));
        _runStandard ??= standardText;
        _report.Record(Checks.Standard, code, standardText == _runStandard ? null
                : $"Scored against {standardText}, while the run's first candidate was scored against {_runStandard}.");
        if (!_contexts.TryGetValue(standardText, out var context))
            _contexts[standardText] = context = ScoringContext.ForPolicy(policy, standard, _run!.MinimumGrade, _run.LatestYear,
                _run.ReferenceDate ?? default, []);

        var lines = competencies.Select(c => new CompetencyGap(c.GetProperty("competencyCode").GetString()!,
            c.GetProperty("requiredLevel").GetInt32(),
            c.GetProperty("assessedLevel").ValueKind == JsonValueKind.Null ? null : c.GetProperty("assessedLevel").GetInt32(),
            c.TryGetProperty("assessedOn", out var on) ? Date(on) : null,
            c.TryGetProperty("passedOver", out var passed)
                ? [.. passed.EnumerateArray().Select(p => new PassedOverAssessment(p.GetProperty("level").GetInt32(),
                    Date(p.GetProperty("assessedOn"))!.Value, p.GetProperty("assessor").GetString()!, Name<AssessmentRefusal>(p.GetProperty("refusal"))))]
                : null)).ToList();
        if (policy.AssessmentValidity is { } rule)
        {
            var problems = _run!.ReferenceDate is { } referenceDate
                ? RationaleVerifier.ValidityProblems(rule, referenceDate, lines)
                : ["The run names no reference date, so no assessment's validity can be judged."];
            _report.Record(Checks.Validity, code, problems.Count == 0 ? null : string.Join(" ", problems));
        }
        var ratings = new Dictionary<int, PerformanceRating>();
        foreach (var y in evidence.GetProperty("performanceYears").EnumerateArray())
            if (y.GetProperty("rating").ValueKind != JsonValueKind.Null)
                ratings[y.GetProperty("year").GetInt32()] = Name<PerformanceRating>(y.GetProperty("rating"));
        return (context, RationaleVerifier.EvidenceOf(candidateId, Grade.Parse(evidence.GetProperty("grade").GetString()!), lines, ratings));
    }

    private static DateOnly? Date(JsonElement value) => value.ValueKind == JsonValueKind.Null
        ? null
        : DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string SealV1(JsonElement rationale)
    {
        var typed = rationale.Deserialize<CandidateRationale>(RationaleReading)
                    ?? throw new MalformedDecisionFileException("A rationale is null.");
        return RationaleSeal.Compute(typed with { Seal = null });
    }

    // ---- Everything else, once the rationales have streamed past --------------------------------------------------------

    private void Finish()
    {
        var run = _run!;
        var (root, treeSize) = CheckCheckpoint();
        var entries = CheckEntries(root, treeSize);

        // Ranks: only now is every candidate's recomputed key known.
        var outcomes = Ranking.Rank([.. _candidates.Select(c => c.RecomputedKey)]);
        for (var i = 0; i < _candidates.Count; i++)
        {
            var c = _candidates[i];
            var outcome = outcomes[i];
            _report.Record(Checks.Rank, c.Code, c.PublishedRank == outcome?.Rank && c.PublishedDecidedBy == outcome?.DecidedBy ? null
                : $"The file ranks it {Text(c.PublishedRank)} (decided by {Text(c.PublishedDecidedBy)}); every candidate's recomputed figures rank it {Text(outcome?.Rank)} (decided by {Text(outcome?.DecidedBy)}).");
        }

        var runs = Member("scoringRuns").EnumerateArray().ToList();
        var latest = runs.Single(r => Guid.Parse(r.GetProperty("id").GetString()!) == run.RunId);
        var recorded = latest.GetProperty("resultsDigest").GetString();
        var digest = Hex(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(
            _candidates.OrderBy(c => c.CandidateId.ToString(), StringComparer.Ordinal).Select(c => $"{c.CandidateId}:{c.Seal}\n")))));
        _report.Record(Checks.ResultsDigest, $"run {latest.GetProperty("sequence").GetInt32()}", digest == recorded ? null
            : $"The file's seals give {digest}, not the run's {recorded}: a rationale was removed, added or resealed.");
        var candidateCount = latest.GetProperty("candidateCount").GetInt32();
        if (candidateCount != _candidates.Count)
            _report.Record(Checks.ResultsDigest, "candidate count", $"The run scored {candidateCount} candidates; the file has {_candidates.Count} rationales.");

        foreach (var r in runs)
        {
            var id = r.GetProperty("id").GetString()!;
            var inLog = entries.Where(e => e.Command == "RunScoring" && e.Touches(id)).Select(e => e.OutcomeDigest).ToList();
            _report.Record(Checks.RunInLog, $"run {r.GetProperty("sequence").GetInt32()}", inLog.Count == 0
                ? "No audit entry of the file records this run."
                : inLog.Contains(r.GetProperty("resultsDigest").GetString()) ? null
                : "Its results digest is not the one its audit entry recorded: the run's results were changed after it was logged.");
        }

        var selectionId = run.SelectionId.ToString();
        _report.Record(Checks.SelectionInLog, selectionId, entries.Any(e => e.Command == "OpenSelection" && e.Touches(selectionId)) ? null
            : "No audit entry of the file records the opening of the selection.");
        // A selection opened from a succession pool enrols the pool's approved members in its opening command.
        var enrolled = entries.Where(e => e.Command is "EnrolCandidates" or "OpenSelection").SelectMany(e => e.TouchedIds).ToHashSet();
        foreach (var c in _candidates)
            _report.Record(Checks.EnrolmentInLog, c.Code, enrolled.Contains(c.CandidateId.ToString()) ? null
                : "No audit entry of the file enrols this candidate: they were added outside any recorded command.");

        CheckDecision(entries, outcomes);

        var positionStandard = string.Join(",", Member("position").GetProperty("standard").EnumerateArray()
            .Select(s => $"{s.GetProperty("competencyCode").GetString()}={s.GetProperty("requiredLevel").GetInt32()}"));
        if (_runStandard is not null && positionStandard != _runStandard)
            _report.Note($"The position's standard is now {positionStandard}; the run was scored against {_runStandard} (the standard was replaced after the run).");
        if (root is not null)
            _report.Note($"The checkpoint commits the log's first {treeSize:N0} entries. Keep it: any later checkpoint must be consistent with it " +
                         "(GET /api/v1/audit/consistency-proof), which is how a log rebuilt after this file would show.");
    }

    // ---- The signed log -------------------------------------------------------------------------------------------------

    private sealed record EntryFacts(long Sequence, string Command, IReadOnlyList<string> TouchedIds, string? OutcomeDigest, string Hash, string PreviousHash)
    {
        public bool Touches(string id) => TouchedIds.Contains(id);
    }

    private (byte[]? Root, long TreeSize) CheckCheckpoint()
    {
        var heldKeyId = SignedCheckpoint.KeyIdOf(_key);
        var checkpoint = _members.TryGetValue("checkpoint", out var c) ? c.RootElement : default;
        if (checkpoint.ValueKind != JsonValueKind.Object)
        {
            _report.Record(Checks.Checkpoint, "checkpoint", "The file has no checkpoint: its audit entries cannot be proved.");
            return (null, 0);
        }
        var root = Convert.FromBase64String(checkpoint.GetProperty("rootHash").GetString()!);
        var treeSize = checkpoint.GetProperty("treeSize").GetInt64();
        var keyId = checkpoint.GetProperty("keyId").GetString()!;
        var signed = checkpoint.GetProperty("scheme").GetString() == SignedCheckpoint.Scheme && SignedCheckpoint.IsValidSignature(
            checkpoint.GetProperty("origin").GetString()!, treeSize, root, Instant(checkpoint.GetProperty("issuedAt")), keyId,
            Convert.FromBase64String(checkpoint.GetProperty("signature").GetString()!), _key);
        _report.Record(Checks.Checkpoint, $"tree of {treeSize:N0} entries, key {heldKeyId}", signed ? null
            : keyId != heldKeyId ? $"The checkpoint names key {keyId}, not the key you hold."
            : "The checkpoint's signature does not verify with the key you hold: it was forged or altered.");
        return signed ? (root, treeSize) : (null, treeSize);
    }

    private List<EntryFacts> CheckEntries(byte[]? root, long treeSize)
    {
        var facts = new List<EntryFacts>();
        EntryFacts? previous = null;
        foreach (var e in Member("auditEntries").EnumerateArray())
        {
            var sequence = e.GetProperty("sequence").GetInt64();
            var subject = $"entry {sequence}";
            var touched = e.GetProperty("touchedIds").EnumerateArray().Select(t => t.GetString()!).ToList();
            var fact = new EntryFacts(sequence, e.GetProperty("command").GetString()!, touched, e.GetProperty("outcomeDigest").GetString(),
                e.GetProperty("hash").GetString()!, e.GetProperty("previousHash").GetString()!);
            facts.Add(fact);
            if (previous is not null && previous.Sequence + 1 == sequence)
                _report.Record(Checks.EntryChain, subject, fact.PreviousHash == previous.Hash ? null
                    : $"It does not link to entry {previous.Sequence}'s hash.");
            previous = fact;

            var scheme = e.GetProperty("scheme").GetString()!;
            if (scheme is not (EntrySchemes.V1 or EntrySchemes.V2))
            {
                _report.Record(Checks.EntryHash, subject, $"Entry scheme '{scheme}' is not one this verifier knows; it refuses to guess.");
                continue;
            }
            var bytes = AuditEntry.Published(sequence, Instant(e.GetProperty("occurredAt")), e.GetProperty("actor").GetString()!,
                e.GetProperty("role").GetString()!, fact.Command, touched.Select(Guid.Parse), e.GetProperty("requestId").GetString()!,
                e.GetProperty("bodyDigest").GetString()!, fact.OutcomeDigest, fact.PreviousHash, fact.Hash, scheme).EntryBytes();
            _report.Record(Checks.EntryHash, subject, Hex(SHA256.HashData(bytes)) == fact.Hash ? null
                : "Its content does not hash to its recorded hash: the entry was edited.");
            if (root is null)
                continue;
            var proof = e.TryGetProperty("inclusionProof", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var included = proof.ValueKind == JsonValueKind.Object && proof.GetProperty("treeSize").GetInt64() == treeSize &&
                           MerkleTree.VerifyInclusion(sequence - 1, treeSize, MerkleTree.LeafHash(bytes),
                               [.. proof.GetProperty("proof").EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!))], root);
            _report.Record(Checks.EntryInLog, subject, included ? null
                : "Its inclusion proof does not lead to the checkpoint's root: the entry is not the one the log signed.");
        }
        return facts;
    }

    // ---- The decision ---------------------------------------------------------------------------------------------------

    private void CheckDecision(List<EntryFacts> entries, RankOutcome?[] outcomes)
    {
        var decision = _members.TryGetValue("decision", out var d) ? d.RootElement : default;
        if (decision.ValueKind != JsonValueKind.Object)
        {
            var decided = entries.FirstOrDefault(e => e.Command == "RecordDecision");
            if (decided is not null)
                _report.Record(Checks.DecisionInLog, $"entry {decided.Sequence}", "The log records a decision, but the file has none: it was removed.");
            return;
        }

        var run = _run!;
        var places = decision.GetProperty("places").GetInt32();
        var selectionPlaces = Member("selection").GetProperty("places").GetInt32();
        var fromPool = Member("selection").TryGetProperty("successionPoolId", out var pool) && pool.ValueKind == JsonValueKind.String;
        var justification = decision.GetProperty("justification").GetString();
        var byId = _candidates.Select((c, i) => (c.CandidateId, i)).ToDictionary(x => x.CandidateId, x => x.i);
        var choices = new List<(Guid CandidateId, string CandidateCode, int Rank, decimal MeritScore, ChoiceStanding Standing)>();
        var decisionRun = Guid.Parse(decision.GetProperty("scoringRunId").GetString()!);

        foreach (var choice in decision.GetProperty("choices").EnumerateArray())
        {
            var id = Guid.Parse(choice.GetProperty("candidateId").GetString()!);
            var code = choice.GetProperty("candidateCode").GetString()!;
            var rank = choice.GetProperty("rank").GetInt32();
            var merit = choice.GetProperty("meritScore").GetDecimal();
            var standing = Name<ChoiceStanding>(choice.GetProperty("standing"));
            choices.Add((id, code, rank, merit, standing));

            string? failure;
            if (decisionRun != run.RunId)
                failure = "The decision names another run than the one whose rationales the file carries (a decision is on the latest run).";
            else if (places != selectionPlaces)
                failure = $"The decision counts {places} places; the selection has {selectionPlaces}.";
            else if (!byId.TryGetValue(id, out var i))
                failure = "The chosen candidate is not among the run's rationales.";
            else if (outcomes[i] is not { } recomputed)
                failure = "The chosen candidate is not eligible on their recomputed figures, and cannot be chosen.";
            else if (recomputed.Rank != rank || _candidates[i].RecomputedMerit != merit || _candidates[i].Code != code)
                failure = $"The decision records {code} at rank {rank} with merit {CanonicalJson.Normalise(merit)}; recomputed: {_candidates[i].Code} at rank {recomputed.Rank} with merit {CanonicalJson.Normalise(_candidates[i].RecomputedMerit)}.";
            else if (SelectionDecision.StandingOf(rank, places, fromPool) is var lawful && lawful != standing)
                failure = $"Rank {rank} of {places} place(s) is a {lawful}, not a {standing}.";
            else if (standing != ChoiceStanding.TopRanked && (justification?.Length ?? 0) < SelectionDecision.MinimumJustificationLength)
                failure = $"A {standing} needs a justification of at least {SelectionDecision.MinimumJustificationLength} characters.";
            else
                failure = ListedFailure(id, standing);
            _report.Record(Checks.Decision, code, failure);
        }

        var decisionId = decision.GetProperty("id").GetString()!;
        var logged = entries.FirstOrDefault(e => e.Command == "RecordDecision" && e.Touches(decisionId));
        if (logged is null)
        {
            _report.Record(Checks.DecisionInLog, decisionId, "No audit entry of the file records this decision.");
            return;
        }
        if (logged.OutcomeDigest is null)
        {
            _report.Note($"The decision's audit entry ({logged.Sequence}) predates decision digests: the log proves the decision was taken, not its content.");
            return;
        }
        var computed = SelectionDecision.Digest(Guid.Parse(decisionId), Guid.Parse(decision.GetProperty("selectionId").GetString()!), decisionRun,
            places, justification, decision.GetProperty("decidedBy").GetString()!, Instant(decision.GetProperty("decidedAt")), choices);
        _report.Record(Checks.DecisionInLog, $"entry {logged.Sequence}", computed == logged.OutcomeDigest ? null
            : "The decision does not hash to the digest its audit entry recorded: its choice, standings or justification were changed.");
    }

    /// <summary>A reasoned choice and a merit deviation must each be listed where auditors look for them, and nothing else may be.</summary>
    private string? ListedFailure(Guid candidateId, ChoiceStanding standing)
    {
        bool Listed(string member) => Member(member).EnumerateArray().Any(c => Guid.Parse(c.GetProperty("candidateId").GetString()!) == candidateId);
        var reasoned = Listed("reasonedChoices");
        var deviation = Listed("meritDeviations");
        return (standing, reasoned, deviation) switch
        {
            (ChoiceStanding.TopRanked, false, false) or (ChoiceStanding.ReasonedChoice, true, false) or (ChoiceStanding.MeritDeviation, false, true) => null,
            _ => $"As a {standing} it must be listed {(standing switch { ChoiceStanding.ReasonedChoice => "among the reasoned choices only", ChoiceStanding.MeritDeviation => "among the merit deviations only", _ => "in neither list" })}.",
        };
    }

    // ---- Helpers --------------------------------------------------------------------------------------------------------

    /// <summary>Names the members in which the published rationale and the recomputed one differ (at most three).</summary>
    private static string Differences(byte[] published, byte[] recomputed)
    {
        using var a = JsonDocument.Parse(published);
        using var b = JsonDocument.Parse(recomputed);
        var differences = new List<string>();
        Compare(a.RootElement, b.RootElement, "", differences);
        var shown = string.Join("; ", differences.Take(3));
        return $"Recomputed from its evidence and the policy, {shown}{(differences.Count > 3 ? $"; and {differences.Count - 3} more" : "")}.";
    }

    private static void Compare(JsonElement published, JsonElement recomputed, string path, List<string> differences)
    {
        if (published.ValueKind == JsonValueKind.Object && recomputed.ValueKind == JsonValueKind.Object)
        {
            var names = published.EnumerateObject().Select(m => m.Name).Union(recomputed.EnumerateObject().Select(m => m.Name));
            foreach (var name in names)
            {
                var inner = path.Length == 0 ? name : $"{path}.{name}";
                if (!published.TryGetProperty(name, out var p))
                    differences.Add($"{inner} is missing");
                else if (!recomputed.TryGetProperty(name, out var r))
                    differences.Add($"{inner} is not part of a rationale");
                else
                    Compare(p, r, inner, differences);
            }
        }
        else if (published.ValueKind == JsonValueKind.Array && recomputed.ValueKind == JsonValueKind.Array &&
                 published.GetArrayLength() == recomputed.GetArrayLength())
        {
            var i = 0;
            foreach (var (p, r) in published.EnumerateArray().Zip(recomputed.EnumerateArray()))
                Compare(p, r, $"{path}[{i++}]", differences);
        }
        else if (published.GetRawText() != recomputed.GetRawText())
        {
            differences.Add($"{path} is {recomputed.GetRawText()}, not {published.GetRawText()}");
        }
    }

    private static byte[] CanonicalWithout(JsonElement value, string without)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var member in value.EnumerateObject())
                if (member.Name != without)
                    member.WriteTo(writer);
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(stream.GetBuffer().AsMemory(0, (int)stream.Length));
        return CanonicalJson.Canonicalize(document.RootElement);
    }

    /// <summary>An enumeration by its name only (a number is not a name).</summary>
    private static T Name<T>(JsonElement value) where T : struct, Enum =>
        value.GetString() is { } text && Enum.GetNames<T>().Contains(text)
            ? Enum.Parse<T>(text)
            : throw new FormatException($"'{value}' is not a {typeof(T).Name} (one of {string.Join(", ", Enum.GetNames<T>())}).");

    private static DateTimeOffset Instant(JsonElement text) =>
        DateTimeOffset.Parse(text.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static string Text<T>(T value) => value?.ToString() ?? "none";
}
