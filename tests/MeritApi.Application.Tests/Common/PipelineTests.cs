using FluentValidation;
using MeritApi.Application.Common.Exceptions;
using MeritApi.Application.Employees.Commands.RecordPerformanceRating;
using MeritApi.Application.Employees.Commands.RegisterEmployee;
using MeritApi.Application.Employees.Queries.GetEmployee;
using MeritApi.Application.Positions;
using MeritApi.Application.Positions.Commands.CreatePosition;
using MeritApi.Application.Positions.Commands.ReplaceCompetencyStandard;
using MeritApi.Application.Positions.Queries.GetPosition;
using MeritApi.Application.Positions.Queries.ListPositions;
using MeritApi.Application.Selections.Commands.RunScoring;
using MeritApi.Application.Selections.Queries.GetSelection;
using MeritApi.Application.Selections.Queries.ListCandidates;
using MeritApi.Application.Tests.Support;
using MeritApi.Domain.Common;
using MeritApi.Domain.Employees;
using MeritApi.Domain.Positions;
using MeritApi.Domain.Selections;
using MeritApi.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MeritApi.Application.Tests.Common;

/// <summary>The Mediator pipeline (validation, then one transaction per command) on PostgreSQL.</summary>
public sealed class PipelineTests : IntegrationFixture
{
    [Test]
    public async Task An_invalid_command_is_rejected_with_a_ValidationException_before_the_database_is_touched()
    {
        var counter = new ConnectionCounter();
        await using var app = new AppHost(Database.ConnectionString,
            configure: s => s.ConfigureDbContext<MeritDbContext>(o => o.AddInterceptors(counter)));
        // A command's own rule on a value its route supplies (the rating's year); what a body carries is the edge's.
        var ex = Assert.ThrowsAsync<ValidationException>(() =>
            app.Send(new RecordPerformanceRatingCommand(Guid.NewGuid(), app.Clock.Now.Year + 1, PerformanceRating.Good)));

        Assert.That(ex!.Errors.Select(e => e.PropertyName), Is.EquivalentTo(new[] { "year" }));
        Assert.That(counter.Opened, Is.Zero, "connections opened for an invalid command");

        // Control: the same host does reach the database for a valid command.
        await app.Send(new RegisterEmployeeCommand(Nip.Parse(Unique.Nip()), "Valid", Grade.Parse("III/a"), "Unit"));
        Assert.That(counter.Opened, Is.GreaterThan(0));
    }

    [Test]
    public async Task An_invalid_query_is_rejected_before_the_database_is_touched()
    {
        var counter = new ConnectionCounter();
        await using var app = new AppHost(Database.ConnectionString,
            configure: s => s.ConfigureDbContext<MeritDbContext>(o => o.AddInterceptors(counter)));

        var ex = Assert.ThrowsAsync<ValidationException>(() => app.Send(new ListPositionsQuery(0, 501)));

        Assert.That(ex!.Errors.Select(e => e.PropertyName), Is.EquivalentTo(new[] { "page", "pageSize" }));
        Assert.That(counter.Opened, Is.Zero);
    }

    [Test]
    public async Task Enrolling_with_one_unknown_employee_fails_and_enrols_nobody()
    {
        var selection = await NewSelectionAsync();
        var (first, second, third) = (await Given.EmployeeAsync(), await Given.EmployeeAsync(), await Given.EmployeeAsync());
        await Given.EnrolAsync(selection, first.Id);
        var unknown = Guid.NewGuid();

        var ex = Assert.ThrowsAsync<NotFoundException>(() => Given.EnrolAsync(selection, second.Id, unknown, third.Id));

        Assert.That(ex!.Key.ToString(), Does.Contain(unknown.ToString()));
        await AssertEnrolledAsync(selection, first.Id);
    }

    [Test]
    public async Task Enrolling_someone_already_enrolled_fails_with_a_conflict_and_enrols_nobody()
    {
        var selection = await NewSelectionAsync();
        var (first, second, third) = (await Given.EmployeeAsync(), await Given.EmployeeAsync(), await Given.EmployeeAsync());
        await Given.EnrolAsync(selection, first.Id);

        var ex = Assert.ThrowsAsync<ConflictException>(() => Given.EnrolAsync(selection, second.Id, first.Id));

        Assert.That(ex!.Rule.Id, Is.EqualTo("already-enrolled"));
        await AssertEnrolledAsync(selection, first.Id);

        // The failed attempts did not consume candidate numbers: codes continue without a gap.
        var enrolled = await Given.EnrolAsync(selection, second.Id, third.Id);
        Assert.That(enrolled.Select(c => c.Code), Is.EqualTo(new[] { "C-00002", "C-00003" }));
        var listed = await App.Send(new ListCandidatesQuery(selection));
        Assert.That(listed.Items.Select(c => (c.Code, c.EmployeeId)),
            Is.EqualTo(new[] { ("C-00001", first.Id), ("C-00002", second.Id), ("C-00003", third.Id) }));
    }

    [Test]
    public async Task A_domain_rule_broken_in_the_handler_leaves_the_selection_unchanged()
    {
        var selection = await NewSelectionAsync();

        var ex = Assert.ThrowsAsync<DomainException>(() => App.Send(new RunScoringCommand(selection)));

        Assert.That(ex!.Rule.Id, Is.EqualTo("no-candidates"));
        var stored = await App.Send(new GetSelectionQuery(selection));
        Assert.That((stored.Status, stored.ScoringRunCount, stored.CandidateCount), Is.EqualTo((SelectionStatus.Open, 0, 0)));
        await using var db = Database.CreateDbContext();
        Assert.That(await db.ScoringRuns.CountAsync(r => r.SelectionId == selection), Is.Zero);
    }

    [Test]
    public async Task Registering_a_NIP_twice_is_a_conflict()
    {
        var nip = Unique.Nip();
        var first = await App.Send(new RegisterEmployeeCommand(Nip.Parse(nip), "First", Grade.Parse("III/a"), "Unit A"));

        var ex = Assert.ThrowsAsync<ConflictException>(() => App.Send(new RegisterEmployeeCommand(Nip.Parse(nip), "Second", Grade.Parse("IV/a"), "Unit B")));

        Assert.That(ex!.Rule.Id, Is.EqualTo("duplicate-nip"));
        await using var db = Database.CreateDbContext();
        var stored = await db.Employees.Where(e => e.Nip == Nip.Parse(nip)).ToListAsync();
        Assert.That(stored.Select(e => (e.Id, e.Name, e.Grade.ToString())), Is.EqualTo(new[] { (first.Id, "First", "III/a") }));
    }

    [Test]
    public async Task Registering_the_same_NIP_concurrently_stores_one_employee_and_reports_a_conflict_for_the_other()
    {
        var nip = Unique.Nip();
        var attempts = Enumerable.Range(0, 2)
            .Select(i => Outcome(App.Send(new RegisterEmployeeCommand(Nip.Parse(nip), $"Racer {i}", Grade.Parse("III/a"), "Unit"))))
            .ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.That(outcomes.Count(o => o is null), Is.EqualTo(1), string.Join("; ", outcomes.Select(o => o?.ToString())));
        Assert.That(outcomes.Single(o => o is not null), Is.TypeOf<ConflictException>());
        await using var db = Database.CreateDbContext();
        Assert.That(await db.Employees.CountAsync(e => e.Nip == Nip.Parse(nip)), Is.EqualTo(1));
    }

    [Test]
    public async Task Creating_a_position_with_an_unknown_competency_names_the_line_and_stores_nothing()
    {
        var known = await Given.CompetencyAsync();
        var unknownCode = Unique.CompetencyCode();
        var code = Unique.PositionCode();

        var ex = Assert.ThrowsAsync<ValidationException>(() => App.Send(new CreatePositionCommand(code, "Analyst", PositionKind.Functional,
            null, [new(known.Code, 3), new(unknownCode, 2), new("M-INTEGRITY", 3)])));

        Assert.That(ex!.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "standard[1].competencyCode" }));
        Assert.That(ex.Errors.Single().ErrorMessage, Does.Contain(unknownCode));
        await using var db = Database.CreateDbContext();
        Assert.That(await db.Positions.AnyAsync(p => p.Code == code), Is.False);
    }

    [Test]
    public async Task A_position_code_is_unique()
    {
        var position = await Given.PositionAsync(null, ("M-INTEGRITY", 3));

        var ex = Assert.ThrowsAsync<ConflictException>(() => App.Send(new CreatePositionCommand(position.Code, "Other", PositionKind.Functional,
            null, [new("M-INTEGRITY", 2)])));

        Assert.That(ex!.Rule.Id, Is.EqualTo("duplicate-position"));
    }

    [Test]
    public async Task Replacing_a_standard_updates_kept_lines_adds_new_ones_and_removes_the_rest()
    {
        var (a, b, c) = (await Given.CompetencyAsync(), await Given.CompetencyAsync(), await Given.CompetencyAsync());
        var position = await Given.PositionAsync("III/a", (a.Code, 3), (b.Code, 3));

        var replaced = await App.Send(new ReplaceCompetencyStandardCommand(position.Id, [new(b.Code, 4), new(c.Code, 2)]));

        var expected = new[] { new CompetencyRequirementDto(b.Code, 4), new CompetencyRequirementDto(c.Code, 2) }
            .OrderBy(r => r.CompetencyCode, StringComparer.Ordinal);
        Assert.That(replaced.Standard, Is.EqualTo(expected));
        var reread = await App.Send(new GetPositionQuery(position.Id));
        Assert.That(reread.Standard, Is.EqualTo(expected));
        Assert.That(reread.MinimumGrade, Is.EqualTo("III/a"));
    }

    [Test]
    public async Task Replacing_a_standard_checks_the_dictionary_and_the_position()
    {
        var position = await Given.PositionAsync(null, ("M-INTEGRITY", 3));
        var unknownCode = Unique.CompetencyCode();

        var invalid = Assert.ThrowsAsync<ValidationException>(() =>
            App.Send(new ReplaceCompetencyStandardCommand(position.Id, [new("M-INTEGRITY", 4), new(unknownCode, 2)])));
        Assert.That(invalid!.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "requirements[1].competencyCode" }));
        Assert.That((await App.Send(new GetPositionQuery(position.Id))).Standard,
            Is.EqualTo(new[] { new CompetencyRequirementDto("M-INTEGRITY", 3) }));

        Assert.ThrowsAsync<NotFoundException>(() =>
            App.Send(new ReplaceCompetencyStandardCommand(Guid.NewGuid(), [new("M-INTEGRITY", 4)])));
    }

    [Test]
    public async Task Recording_a_years_rating_again_corrects_it_in_place()
    {
        var employee = await Given.EmployeeAsync();
        await Given.RateAsync(employee.Id, 2023, PerformanceRating.VeryGood);
        await Given.RateAsync(employee.Id, 2024, PerformanceRating.Good);
        App.Clock.Advance(TimeSpan.FromHours(1));

        var corrected = await Given.RateAsync(employee.Id, 2024, PerformanceRating.NeedsImprovement);

        Assert.That((corrected.Year, corrected.Rating, corrected.RecordedAt),
            Is.EqualTo((2024, PerformanceRating.NeedsImprovement, App.Clock.Now)));
        await using var db = Database.CreateDbContext();
        var rows = await db.PerformanceRatings.Where(r => r.EmployeeId == employee.Id).OrderBy(r => r.Year).ToListAsync();
        Assert.That(rows.Select(r => (r.Year, r.Rating)),
            Is.EqualTo(new[] { (2023, PerformanceRating.VeryGood), (2024, PerformanceRating.NeedsImprovement) }));
        var details = await App.Send(new GetEmployeeQuery(employee.Id));
        Assert.That(details.PerformanceRatings.Select(r => (r.Year, r.Rating)),
            Is.EqualTo(new[] { (2024, PerformanceRating.NeedsImprovement), (2023, PerformanceRating.VeryGood) }));
    }

    [Test]
    public void Recording_a_rating_for_an_unknown_employee_is_not_found() =>
        Assert.ThrowsAsync<NotFoundException>(() => Given.RateAsync(Guid.NewGuid(), 2024, PerformanceRating.Good));

    [Test]
    public async Task An_assessment_of_an_unknown_competency_or_employee_is_refused()
    {
        var employee = await Given.EmployeeAsync();

        var invalid = Assert.ThrowsAsync<ValidationException>(() =>
            Given.AssessAsync(employee.Id, Unique.CompetencyCode(), 3, App.Clock.Today));
        Assert.That(invalid!.Errors.Select(e => e.PropertyName), Is.EqualTo(new[] { "competencyCode" }));
        Assert.ThrowsAsync<NotFoundException>(() => Given.AssessAsync(Guid.NewGuid(), "M-INTEGRITY", 3, App.Clock.Today));

        var details = await App.Send(new GetEmployeeQuery(employee.Id));
        Assert.That(details.Assessments, Is.Empty);
    }

    [Test]
    public async Task Assessments_accumulate_and_are_listed_newest_first()
    {
        var employee = await Given.EmployeeAsync();
        await Given.AssessAsync(employee.Id, "M-INTEGRITY", 2, new DateOnly(2022, 3, 1));
        await Given.AssessAsync(employee.Id, "M-INTEGRITY", 4, new DateOnly(2024, 3, 1));
        await Given.AssessAsync(employee.Id, "M-INTEGRITY", 3, new DateOnly(2023, 3, 1));

        var details = await App.Send(new GetEmployeeQuery(employee.Id));

        Assert.That(details.Assessments.Select(a => (a.AssessedOn.Year, a.Level)), Is.EqualTo(new[] { (2024, 4), (2023, 3), (2022, 2) }));
    }

    private async Task<Guid> NewSelectionAsync()
    {
        var position = await Given.PositionAsync(null, ("M-INTEGRITY", 3));
        return (await Given.SelectionAsync(position.Id)).Id;
    }

    private static async Task AssertEnrolledAsync(Guid selectionId, params Guid[] employeeIds)
    {
        await using var db = Database.CreateDbContext();
        var candidates = await db.Candidates.Where(c => c.SelectionId == selectionId).OrderBy(c => c.Number)
            .Select(c => c.EmployeeId).ToListAsync();
        var selection = await db.Selections.SingleAsync(s => s.Id == selectionId);
        Assert.That(candidates, Is.EqualTo(employeeIds));
        Assert.That(selection.CandidateCount, Is.EqualTo(employeeIds.Length));
    }

    /// <summary>Null when the task succeeded, else the exception it failed with.</summary>
    private static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }
}
