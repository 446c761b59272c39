namespace MeritApi.Domain.Common;

/// <summary>
/// The catalogue of every rule a request can break, in one place: each id once, with the one way it is answered, whether
/// the domain notices the breach in sequence or the database notices it when two requests race.
/// </summary>
public static class Rules
{
    // Collisions with the current state.
    public static readonly Rule DuplicateCompetency = new("duplicate-competency", RuleKind.Conflict);
    public static readonly Rule DuplicatePosition = new("duplicate-position", RuleKind.Conflict);
    public static readonly Rule DuplicateNip = new("duplicate-nip", RuleKind.Conflict);
    public static readonly Rule DuplicateAssessment = new("duplicate-assessment", RuleKind.Conflict);
    public static readonly Rule AlreadyEnrolled = new("already-enrolled", RuleKind.Conflict);
    public static readonly Rule DuplicateActivity = new("duplicate-activity", RuleKind.Conflict);
    public static readonly Rule AccreditationOverlap = new("accreditation-overlap", RuleKind.Conflict);

    /// <summary>A unique constraint without a rule of its own.</summary>
    public static readonly Rule Duplicate = new("duplicate", RuleKind.Conflict);

    /// <summary>Another request changed the same records at the same time: the loser of a race, which may retry.</summary>
    public static readonly Rule ConcurrentUpdate = new("concurrent-update", RuleKind.Conflict);

    // Merit and lifecycle rules.
    public static readonly Rule SelectionDecided = new("selection-decided", RuleKind.Violation);
    public static readonly Rule PlanDecided = new("plan-decided", RuleKind.Violation);
    public static readonly Rule SuccessionStepOutOfOrder = new("succession-step-out-of-order", RuleKind.Violation);
    public static readonly Rule EmptySuccessionPool = new("empty-succession-pool", RuleKind.Violation);
    public static readonly Rule NoMappingRun = new("no-mapping-run", RuleKind.Violation);
    public static readonly Rule NoApprovedMembers = new("no-approved-members", RuleKind.Violation);
    public static readonly Rule NotApprovedSuccessor = new("not-approved-successor", RuleKind.Violation);
    public static readonly Rule NewerRunExists = new("newer-run-exists", RuleKind.Violation);
    public static readonly Rule NotScored = new("not-scored", RuleKind.Violation);
    public static readonly Rule NoCandidates = new("no-candidates", RuleKind.Violation);
    public static readonly Rule RescoreFirst = new("rescore-first", RuleKind.Violation);
    public static readonly Rule IncompleteRun = new("incomplete-run", RuleKind.Violation);
    public static readonly Rule IneligibleChoice = new("ineligible-choice", RuleKind.Violation);
    public static readonly Rule AssessmentInFuture = new("assessment-in-future", RuleKind.Violation);
    public static readonly Rule PositionStartInFuture = new("position-start-in-future", RuleKind.Violation);
    public static readonly Rule RatingYearOutOfRange = new("rating-year-out-of-range", RuleKind.Violation);
    public static readonly Rule EmptyStandard = new("empty-standard", RuleKind.Violation);
    public static readonly Rule DuplicateRequirement = new("duplicate-requirement", RuleKind.Violation);
    public static readonly Rule InvalidRequirement = new("invalid-requirement", RuleKind.Violation);
    public static readonly Rule StandardTooLarge = new("standard-too-large", RuleKind.Violation);
    public static readonly Rule NoDevelopmentNeeds = new("no-development-needs", RuleKind.Violation);
    public static readonly Rule EmptyPopulation = new("empty-population", RuleKind.Violation);
    public static readonly Rule PlanActionClosed = new("plan-action-closed", RuleKind.Violation);
    public static readonly Rule PolicyWeights = new("policy-weights", RuleKind.Violation);
    public static readonly Rule PolicyYearWeights = new("policy-year-weights", RuleKind.Violation);
    public static readonly Rule PolicyYears = new("policy-years", RuleKind.Violation);
    public static readonly Rule PolicyNearTieThreshold = new("policy-near-tie-threshold", RuleKind.Violation);

    // Field values only the domain can judge.
    public static readonly Rule InvalidPlanAction = new("invalid-plan-action", RuleKind.InvalidField);
    public static readonly Rule PlacementTooLarge = new("placement-too-large", RuleKind.InvalidField);
    public static readonly Rule InvalidPlacementBand = new("invalid-placement-band", RuleKind.InvalidField);
    public static readonly Rule PlacementOutsidePlan = new("placement-outside-plan", RuleKind.InvalidField);
    public static readonly Rule PlacementRefused = new("placement-refused", RuleKind.InvalidField);
    public static readonly Rule InvalidSuccessionPool = new("invalid-succession-pool", RuleKind.InvalidField);
    public static readonly Rule InvalidActivity = new("invalid-activity", RuleKind.InvalidField);
    public static readonly Rule AccreditationPeriod = new("accreditation-period", RuleKind.InvalidField);
    public static readonly Rule JustificationRequired = new("justification-required", RuleKind.InvalidField);
    public static readonly Rule JustificationNotNeeded = new("justification-not-needed", RuleKind.InvalidField);
    public static readonly Rule NonMeritVocabulary = new("non-merit-vocabulary", RuleKind.NonMeritVocabulary);

    /// <summary>Every rule (for documentation and for the test that each id is listed once).</summary>
    public static IReadOnlyList<Rule> All { get; } = [.. typeof(Rules).GetFields()
        .Where(f => f.FieldType == typeof(Rule)).Select(f => (Rule)f.GetValue(null)!)];
}
