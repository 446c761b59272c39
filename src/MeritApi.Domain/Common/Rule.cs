namespace MeritApi.Domain.Common;

/// <summary>How a broken rule is answered: the kind decides the problem type and status, whoever notices the breach.</summary>
public enum RuleKind
{
    /// <summary>The request collides with the current state (a duplicate, a concurrent change): 409, type conflict.</summary>
    Conflict,

    /// <summary>The request breaks a merit or lifecycle rule (a decided selection, an ineligible choice): 409, type rule-violation.</summary>
    Violation,

    /// <summary>A field's value is refused for a reason only the domain can judge: 400, type validation, naming the field.</summary>
    InvalidField,

    /// <summary>A field uses non-merit vocabulary: 400, type non-merit-vocabulary, naming the field.</summary>
    NonMeritVocabulary,
}

/// <summary>A rule a request can break: its stable id (what clients switch on) and how a breach is answered.</summary>
public sealed record Rule(string Id, RuleKind Kind)
{
    public override string ToString() => Id;
}
