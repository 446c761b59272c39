using MeritApi.Domain.Common;

namespace MeritApi.Domain.Tests.Common;

public sealed class RulesTests
{
    [Test]
    public void Every_rule_is_in_the_catalogue_once_with_a_stable_kebab_case_id()
    {
        var ids = Rules.All.Select(r => r.Id).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ids, Has.Count.GreaterThanOrEqualTo(26));
            Assert.That(ids, Is.Unique);
            Assert.That(ids, Has.All.Match("^[a-z]+(-[a-z]+)*$"));
            Assert.That(Rules.All.Select(r => r.Kind), Has.All.Matches<RuleKind>(Enum.IsDefined));
        }
    }

    [Test]
    public void A_decided_selection_is_one_rule_whoever_notices_it()
    {
        // The domain refuses it in sequence and the unique index when two decisions race: both answer with this one rule.
        Assert.That((Rules.SelectionDecided.Id, Rules.SelectionDecided.Kind), Is.EqualTo(("selection-decided", RuleKind.Violation)));
    }
}
