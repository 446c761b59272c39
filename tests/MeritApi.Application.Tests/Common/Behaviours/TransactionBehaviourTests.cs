using Mediator;
using MeritApi.Application.Common;
using MeritApi.Application.Common.Behaviours;
using MeritApi.Application.Common.Idempotency;
using MeritApi.Application.Common.Interfaces;
using MeritApi.Domain.Audit;
using Microsoft.Extensions.Options;

namespace MeritApi.Application.Tests.Common.Behaviours;

/// <summary>
/// Each command declares the name the audit trail knows it by, and reports the records it changed: a command that
/// forgets is refused before anything is saved.
/// </summary>
public sealed class TransactionBehaviourTests
{
    private static readonly Type[] Commands = [.. typeof(TransactionBehaviour<,>).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)))];

    [Test]
    public void Every_command_declares_its_audit_name_and_the_names_are_the_ones_the_trail_already_holds()
    {
        Assert.That(Commands, Has.Length.GreaterThanOrEqualTo(13));
        var names = new List<string>();
        foreach (var command in Commands)
        {
            Assert.That(command.IsAssignableTo(typeof(IAuditedCommand)), Is.True, $"{command.Name} does not declare its audit name");
            var name = (string)command.GetProperty(nameof(IAuditedCommand.AuditName))!.GetValue(null)!;
            // Entries written before the names were declared carry the type name without "Command": they must still match.
            Assert.That(name, Is.EqualTo(command.Name[..^"Command".Length]), command.Name);
            names.Add(name);
        }
        Assert.That(names, Is.Unique);
    }

    private sealed record ForgetfulCommand : Command<int>, IAuditedCommand
    {
        public static string AuditName => "Forgetful";
    }

    private sealed class Request : IRequestContext
    {
        public string Actor => "tester";
        public string Role => "hr-system";
        public string RequestId => "forgetful-1";
        public bool IsAdministrator => false;
        public string? BodyDigest => null;
    }

    /// <summary>Runs the work as given: this test needs no transaction, only the order of the behaviour's steps.</summary>
    private sealed class DirectUnitOfWork : IUnitOfWork
    {
        public Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) => work(cancellationToken);
    }

    [Test]
    public void A_command_that_touches_no_record_is_refused_before_anything_is_saved()
    {
        // No database, no trail and no key store: the refusal comes before any of them would be used.
        var behaviour = new TransactionBehaviour<ForgetfulCommand, int>(new DirectUnitOfWork(), db: null!, trail: null!, new AuditScope(),
            new Request(), idempotency: null!, new IdempotentReplay(), Options.Create(new IdempotencyOptions()), TimeProvider.System);
        var refused = Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await behaviour.Handle(new ForgetfulCommand(), (_, _) => ValueTask.FromResult(1), CancellationToken.None));
        Assert.That(refused!.Message, Does.Contain("Forgetful touched no record"));
    }

    [Test]
    public void Records_without_a_guid_get_stable_name_based_ids()
    {
        var (once, again) = (AuditIds.ForCompetency("T-01"), AuditIds.ForCompetency("T-01"));
        Assert.That(again, Is.EqualTo(once));
        Assert.That(AuditIds.ForCompetency("T-01"), Is.Not.EqualTo(AuditIds.ForCompetency("T-02")));
        Assert.That(AuditIds.ForScoringPolicy(2), Is.Not.EqualTo(AuditIds.ForCompetency("2")));
        var id = AuditIds.ForScoringPolicy(2).ToString();
        Assert.That((id[14], "89ab".Contains(id[19], StringComparison.Ordinal)), Is.EqualTo(('8', true)), "RFC 9562 version 8, variant 10");
    }
}
