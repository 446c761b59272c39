// Compiled at test time together with the C# client NSwag generates from the OpenAPI document (not part of the test
// project's own build): the whole merit flow, as an integrator writes it against the generated types. It returns what
// each call gave back; GeneratedClientTests asserts on it.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MeritApi.Generated;

namespace MeritApi.ClientFlow;

public static class Flow
{
    /// <param name="clientFor">An HttpClient with a bearer token for the role (and, for a committee, the selection).</param>
    public static async Task<IReadOnlyDictionary<string, object?>> RunAsync(Func<string, Guid?, HttpClient> clientFor, string nipPrefix)
    {
        var facts = new Dictionary<string, object?>();
        var hrHttp = clientFor("hr-system", null);
        var hr = new MeritApiClient(hrHttp);
        var admin = new MeritApiClient(clientFor("admin", null));
        var auditor = new MeritApiClient(clientFor("auditor", null));
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        var technical = await hr.RegisterCompetencyAsync(idempotency_Key: null, body: new RegisterCompetencyRequest
        {
            Code = $"T-GEN-{suffix}",
            Name = "Manajemen Data Kepegawaian",
            Category = CompetencyCategory.Technical,
        });
        facts["competency.code"] = technical.Code;

        var position = await hr.CreatePositionAsync(idempotency_Key: null, body: new CreatePositionRequest
        {
            Code = $"POS-GEN-{suffix}",
            Title = "Kepala Bagian Data",
            Kind = PositionKind.Structural,
            Standard = [new CompetencyRequirementRequest { CompetencyCode = "M-INTEGRITY", RequiredLevel = 3 },
                        new CompetencyRequirementRequest { CompetencyCode = technical.Code, RequiredLevel = 3 }],
        });

        // Two employees registered one by one with their evidence, a third imported without a 2025 rating (ineligible).
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var employee = await hr.RegisterEmployeeAsync(idempotency_Key: null, body: new RegisterEmployeeRequest
            {
                Nip = $"{nipPrefix}{i}",
                Name = $"Pegawai Klien {i}",
                Grade = "III/d",
                Unit = $"Biro Klien {suffix}",
            });
            foreach (var code in new[] { "M-INTEGRITY", technical.Code })
                await hr.RecordCompetencyAssessmentAsync(employee.Id, idempotency_Key: null, body: new RecordCompetencyAssessmentRequest
                {
                    CompetencyCode = code,
                    Level = 3 + i,
                    AssessedOn = new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero),
                    Assessor = "Pusat Penilaian",
                });
            foreach (var year in new[] { 2025, 2024 })
                await hr.RecordPerformanceRatingAsync(employee.Id, year, idempotency_Key: null, if_Match: null,
                    body: new RecordPerformanceRatingRequest { Rating = PerformanceRating.Good });
            ids.Add(employee.Id);
        }
        var imported = await hr.ImportEmployeesAsync(idempotency_Key: $"gen-import-{suffix}", body: new ImportEmployeesRequest
        {
            Employees =
            [
                new EmployeeImportRow
                {
                    Nip = $"{nipPrefix}9", Name = "Pegawai Impor", Grade = "III/d", Unit = $"Biro Klien {suffix}",
                    Assessments = [new AssessmentImportRow { CompetencyCode = "M-INTEGRITY", Level = 4, AssessedOn = new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero), Assessor = "Pusat Penilaian" }],
                    PerformanceRatings = [new RatingImportRow { Year = 2024, Rating = "VeryGood" }],
                },
            ],
        });
        facts["import.created"] = imported.Created;
        var listed = await hr.ListEmployeesAsync(nip: $"{nipPrefix}9", unit: null, page: null, pageSize: null);
        ids.Add(listed.Items.Single().Id);

        var selection = await hr.OpenSelectionAsync(idempotency_Key: null, body: new OpenSelectionRequest
        {
            PositionId = position.Id,
            Kind = SelectionKind.Promotion,
            Places = 1,
            LatestPerformanceYear = 2025,
            Reference = $"GEN/{suffix}",
        });
        var candidates = (await hr.EnrolCandidatesAsync(selection.Id, idempotency_Key: null, body: new EnrolCandidatesRequest { EmployeeIds = ids })).ToList();
        facts["enrolled"] = candidates.Count;
        var run = await hr.RunScoringAsync(selection.Id, idempotency_Key: $"gen-run-{suffix}");
        facts["run.sequence"] = run.Sequence;
        facts["run.eligible"] = run.EligibleCount;

        var committeeHttp = clientFor("committee", selection.Id);
        var committee = new MeritApiClient(committeeHttp);
        var shortlist = await committee.GetShortlistAsync(selection.Id, runId: null, top: null, includeIneligible: true, page: null, pageSize: null,
            format: null, if_None_Match: null);
        facts["shortlist.lines"] = shortlist.Candidates.Items.Count;
        facts["shortlist.first"] = $"{shortlist.Candidates.Items.First().Rank} {shortlist.Candidates.Items.First().CandidateCode} {shortlist.Candidates.Items.First().MeritScore}";
        facts["shortlist.blindName"] = shortlist.Candidates.Items.First().Name;
        // NSwag gives each operation one success type (the JSON); the CSV is the same operation's other representation.
        facts["csv.lines"] = (await committeeHttp.GetStringAsync($"/api/v1/selections/{selection.Id}/shortlist?includeIneligible=true&format=csv"))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length;

        var ineligible = shortlist.Candidates.Items.Single(c => !c.Eligible);
        var result = await committee.GetCandidateResultAsync(selection.Id, run.Id, ineligible.CandidateId, if_None_Match: null);
        facts["ineligible.rank"] = result.Rank;
        facts["ineligible.latestRating"] = result.LatestRating;
        facts["ineligible.reasons"] = string.Join("; ", result.IneligibilityReasons.Select(r => r.Code));
        var rationale = await auditor.GetRationaleAsync(selection.Id, run.Id, ineligible.CandidateId, if_None_Match: null);
        facts["rationale.seal"] = rationale.Seal;
        facts["rationale.verification"] = (await auditor.VerifyRationaleAsync(selection.Id, run.Id, ineligible.CandidateId)).Status;

        var revealed = await committee.RevealIdentitiesAsync(selection.Id, idempotency_Key: null);
        facts["revealedAt"] = revealed.IdentitiesRevealedAt;
        var named = await committee.GetShortlistAsync(selection.Id, runId: null, top: 1, includeIneligible: false, page: null, pageSize: null,
            format: null, if_None_Match: null);
        facts["shortlist.revealedName"] = named.Candidates.Items.First().Name;

        var decision = await committee.RecordDecisionAsync(selection.Id, idempotency_Key: null, body: new RecordDecisionRequest
        {
            ScoringRunId = run.Id,
            CandidateIds = [named.Candidates.Items.First().CandidateId],
        });
        facts["decision.chosen"] = decision.Choices.Count;
        var file = await auditor.GetDecisionFileAsync(selection.Id, if_None_Match: null);
        facts["decisionFile.format"] = file.Format;
        facts["decisionFile.rationales"] = file.LatestRunRationales.Count;
        facts["audit.chain"] = (await auditor.VerifyAuditChainAsync(anchorSequence: null, anchorHash: null)).Status;

        await TalentAsync(clientFor, hr, auditor, position.Id, technical.Code, nipPrefix, suffix, facts);

        // Typed problems: each error is an ApiException<Problem> whose Result is the problem details.
        facts["problem.400"] = await ProblemAsync(() => hr.RegisterEmployeeAsync(null, new RegisterEmployeeRequest { Nip = "12345", Name = "X", Grade = "III/d", Unit = "Biro" }));
        facts["problem.403"] = await ProblemAsync(() => committee.OpenSelectionAsync(null, new OpenSelectionRequest { PositionId = position.Id, Kind = SelectionKind.Promotion }));
        facts["problem.404"] = await ProblemAsync(() => hr.GetSelectionAsync(Guid.NewGuid()));
        facts["problem.409"] = await ProblemAsync(() => hr.RegisterEmployeeAsync(null, new RegisterEmployeeRequest { Nip = $"{nipPrefix}0", Name = "Lagi", Grade = "III/d", Unit = "Biro" }));
        facts["problem.422"] = await ProblemAsync(() => hr.RunScoringAsync(Guid.NewGuid(), $"gen-run-{suffix}"));
        facts["problem.412"] = await ProblemAsync(() => hr.ReplaceCompetencyStandardAsync(position.Id, null, "\"1\"",
            new ReplaceCompetencyStandardRequest { Requirements = [new CompetencyRequirementRequest { CompetencyCode = "M-INTEGRITY", RequiredLevel = 4 }] }));
        return facts;
    }

    /// <summary>
    /// The talent cycle: two employees in post three years map onto the nine-box, form a succession pool for another position,
    /// pass nomination, verification and approval, a selection opens from the pool, and a placement plan is made and decided.
    /// </summary>
    private static async Task TalentAsync(Func<string, Guid?, HttpClient> clientFor, MeritApiClient hr, MeritApiClient auditor, Guid held,
        string technical, string nipPrefix, string suffix, Dictionary<string, object?> facts)
    {
        var talentCommittee = new MeritApiClient(clientFor("talent-committee", null));
        var unit = $"Biro Talenta {suffix}";
        var target = await hr.CreatePositionAsync(idempotency_Key: null, body: new CreatePositionRequest
        {
            Code = $"POS-TGT-{suffix}",
            Title = "Kepala Biro Data",
            Kind = PositionKind.Structural,
            Standard = [new CompetencyRequirementRequest { CompetencyCode = "M-INTEGRITY", RequiredLevel = 3 },
                        new CompetencyRequirementRequest { CompetencyCode = technical, RequiredLevel = 4 }],
        });
        var people = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var employee = await hr.RegisterEmployeeAsync(idempotency_Key: null, body: new RegisterEmployeeRequest
            {
                Nip = $"{nipPrefix}{5 + i}",
                Name = $"Pegawai Talenta {i}",
                Grade = "IV/a",
                Unit = unit,
                CurrentPositionId = held,
                InPositionSince = DateTimeOffset.UtcNow.Date.AddYears(-3),
            });
            foreach (var code in new[] { "M-INTEGRITY", technical })
                await hr.RecordCompetencyAssessmentAsync(employee.Id, idempotency_Key: null, body: new RecordCompetencyAssessmentRequest
                {
                    CompetencyCode = code,
                    Level = 3 + i,
                    AssessedOn = new DateTimeOffset(2025, 6, 2, 0, 0, 0, TimeSpan.Zero),
                    Assessor = "Pusat Penilaian",
                });
            foreach (var year in new[] { 2025, 2024 })
                await hr.RecordPerformanceRatingAsync(employee.Id, year, idempotency_Key: null, if_Match: null,
                    body: new RecordPerformanceRatingRequest { Rating = PerformanceRating.VeryGood });
            people.Add(employee.Id);
        }

        var mapping = await hr.RunTalentMappingAsync(idempotency_Key: null, body: new RunTalentMappingRequest { Units = [unit], LatestPerformanceYear = 2025 });
        facts["mapping.placed"] = mapping.PlacedCount;
        var distribution = await auditor.GetTalentMappingRunAsync(mapping.Id);
        facts["mapping.box9"] = distribution.Boxes.Single(b => b.Box == 9).Count;
        facts["mapping.verification"] = (await auditor.VerifyMappingPlacementAsync(mapping.Id, people[0])).Status;

        var pool = await hr.FormSuccessionPoolAsync(idempotency_Key: null, body: new FormSuccessionPoolRequest
        {
            TargetPositionId = target.Id,
            Reason = SuccessionReason.Critical,
            MappingRunId = mapping.Id,
        });
        facts["pool.members"] = pool.MemberCount;
        foreach (var id in people)
        {
            await hr.NominateSuccessorAsync(pool.Id, id, idempotency_Key: null, body: new NominationRequest { Reason = "Kotak 9." });
            await talentCommittee.VerifySuccessorAsync(pool.Id, id, idempotency_Key: null, body: new SuccessionDecisionRequest { Accepted = true, Reason = "Diverifikasi." });
            await talentCommittee.ApproveSuccessorAsync(pool.Id, id, idempotency_Key: null, body: new SuccessionDecisionRequest { Accepted = true, Reason = "Disetujui." });
        }
        var members = (await talentCommittee.GetSuccessionPoolAsync(pool.Id)).Members;
        facts["pool.readiness"] = string.Join(",", members.Select(m => m.Readiness));
        facts["pool.approved"] = members.Count(m => m.Status == MemberStatus.Approved);
        var fromPool = await hr.OpenSelectionAsync(idempotency_Key: null, body: new OpenSelectionRequest
        {
            SuccessionPoolId = pool.Id,
            Kind = SelectionKind.Promotion,
            LatestPerformanceYear = 2025,
        });
        facts["poolSelection.candidates"] = fromPool.CandidateCount;

        var plan = await hr.MakePlacementPlanAsync(idempotency_Key: null, body: new MakePlacementPlanRequest
        {
            Vacancies = [new PlanVacancyRequest { PositionId = target.Id, Places = 1 }],
            EmployeeIds = people,
            MinimumBand = JpmBand.DoesNotMeet,
            LatestPerformanceYear = 2025,
        });
        facts["plan.filled"] = plan.FilledSeats;
        var document = (await auditor.GetPlacementPlanAsync(plan.Id)).Document;
        var seat = document.Vacancies.Single().Seats.Single();
        facts["plan.verification"] = (await auditor.VerifyPlacementPlanAsync(plan.Id)).Status;
        var decision = await talentCommittee.DecidePlacementPlanAsync(plan.Id, idempotency_Key: null, body: new DecidePlacementPlanRequest
        {
            DecidedBy = "Sekretaris Jenderal (PPK)",
            Placements = [new PlacementChoiceRequest { PositionId = target.Id, EmployeeId = seat.EmployeeId }],
        });
        facts["plan.decision"] = $"{decision.Followed} {decision.Departures} {decision.FlaggedForAuditors}";
    }

    /// <summary>"status type rule fields" of the problem a call answered with.</summary>
    private static async Task<string> ProblemAsync(Func<Task> call)
    {
        try
        {
            await call();
            return "no problem";
        }
        catch (ApiException<Problem> problem)
        {
            var p = problem.Result;
            return $"{problem.StatusCode} {p.Type} {p.Rule} {string.Join(",", p.Errors?.Keys ?? [])}".TrimEnd();
        }
    }
}
