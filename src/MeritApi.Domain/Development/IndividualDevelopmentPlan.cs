using MeritApi.Domain.Common;
using MeritApi.Domain.Scoring;

namespace MeritApi.Domain.Development;

public enum PlanActionStatus
{
    Planned = 1,
    InProgress = 2,
    Completed = 3,
    Cancelled = 4,
}

/// <summary>A gap the plan was made to close, as the inventory found it on the day the plan was made.</summary>
public sealed record PlanGap(string CompetencyCode, int RequiredLevel, int? AssessedLevel, NeedKind Kind);

/// <summary>Whether a gap is closed, and by which assessment.</summary>
public sealed record GapClosure(bool Closed, AssessmentEvidence? ClosedBy, string Explanation);

/// <summary>One action of a plan: how a gap's competency is to be developed, by when, and how far it has got.</summary>
public sealed class PlanAction
{
    public const int TitleMaxLength = DevelopmentActivity.TitleMaxLength;

    private PlanAction() { CompetencyCode = Title = string.Empty; } // EF

    internal PlanAction(Guid id, string competencyCode, DevelopmentForm form, string title, DateOnly targetDate)
    {
        Id = id;
        CompetencyCode = competencyCode;
        Form = Enum.IsDefined(form) ? form : throw new ArgumentOutOfRangeException(nameof(form));
        Title = Guard.NotBlank(title, nameof(title), TitleMaxLength);
        TargetDate = targetDate;
        Status = PlanActionStatus.Planned;
    }

    public Guid Id { get; private set; }
    public string CompetencyCode { get; private set; }
    public DevelopmentForm Form { get; private set; }
    public string Title { get; private set; }
    public DateOnly TargetDate { get; private set; }
    public PlanActionStatus Status { get; private set; }

    /// <summary>The recorded development activity that carried the action out, when one did.</summary>
    public Guid? ActivityId { get; private set; }

    internal void Progress(PlanActionStatus status, Guid? activityId)
    {
        if (!Enum.IsDefined(status))
            throw new ArgumentOutOfRangeException(nameof(status));
        if (Status is PlanActionStatus.Completed or PlanActionStatus.Cancelled && status != Status)
            throw new DomainException(Rules.PlanActionClosed, $"The action is {Status}; a finished action does not change (add another).");
        (Status, ActivityId) = (status, activityId ?? ActivityId);
    }
}

/// <summary>
/// An individual development plan (IDP): the gaps of one employee against the position held or a target position, found by
/// the inventory on the day the plan is made, and the actions that address them. Completing an action, or recording the
/// activity it led to, never closes a gap: a gap is closed only by an assessment made after the plan that is valid on the day
/// asked and reaches the required level (<see cref="ClosureOf"/>).
/// </summary>
public sealed class IndividualDevelopmentPlan
{
    public const int MaxActions = 50;

    private readonly List<PlanAction> _actions = [];
    private List<PlanGap> _gaps = [];

    private IndividualDevelopmentPlan() { } // EF

    public IndividualDevelopmentPlan(Guid id, Guid employeeId, Guid positionId, bool targetPosition, DateOnly madeOn,
        IReadOnlyList<DevelopmentNeed> needs, DateTimeOffset createdAt)
    {
        if (needs.Count == 0)
            throw new DomainException(Rules.NoDevelopmentNeeds, "The employee meets every competency of the standard: there is no gap to plan for.");
        Id = id;
        EmployeeId = employeeId;
        PositionId = positionId;
        TargetPosition = targetPosition;
        MadeOn = madeOn;
        _gaps = [.. needs.Select(n => new PlanGap(n.CompetencyCode, n.RequiredLevel, n.AssessedLevel, n.Kind))];
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid EmployeeId { get; private set; }

    /// <summary>The position whose standard the gaps are measured against.</summary>
    public Guid PositionId { get; private set; }

    /// <summary>True when <see cref="PositionId"/> is a position to be held, not the one held.</summary>
    public bool TargetPosition { get; private set; }

    /// <summary>The day the gaps were found; only assessments since then can close them.</summary>
    public DateOnly MadeOn { get; private set; }

    public IReadOnlyList<PlanGap> Gaps => _gaps;
    public IReadOnlyList<PlanAction> Actions => _actions;
    public DateTimeOffset CreatedAt { get; private set; }
    public int Revision { get; private set; }

    /// <summary>Adds an action for one of the plan's gaps, due on or after the day the plan was made.</summary>
    public PlanAction AddAction(Guid id, string competencyCode, DevelopmentForm form, string title, DateOnly targetDate, string field)
    {
        if (_gaps.All(g => g.CompetencyCode != competencyCode))
            throw new InvalidFieldException($"{field}.competencyCode", Rules.InvalidPlanAction,
                $"'{competencyCode}' is not one of the plan's gaps ({string.Join(", ", _gaps.Select(g => g.CompetencyCode))}).");
        if (targetDate < MadeOn)
            throw new InvalidFieldException($"{field}.targetDate", Rules.InvalidPlanAction, "An action's target date cannot be before the plan was made.");
        if (_actions.Count >= MaxActions)
            throw new InvalidFieldException(field, Rules.InvalidPlanAction, $"A plan has at most {MaxActions} actions.");
        var action = new PlanAction(id, competencyCode, form, title, targetDate);
        _actions.Add(action);
        Revision++;
        return action;
    }

    public PlanAction Progress(Guid actionId, PlanActionStatus status, Guid? activityId)
    {
        var action = _actions.FirstOrDefault(a => a.Id == actionId)
                     ?? throw new ArgumentException("The action is not one of this plan's.", nameof(actionId));
        action.Progress(status, activityId);
        Revision++;
        return action;
    }

    /// <summary>
    /// Whether a gap is closed on the screen's day: by the newest assessment since the plan (made on or after the day it was made,
    /// and recorded after it, so never the evidence the plan itself was built on) that the screen lets count and that reaches the
    /// required level. Actions and activities play no part, on purpose.
    /// </summary>
    public GapClosure ClosureOf(PlanGap gap, IReadOnlyList<(AssessmentEvidence Assessment, DateTimeOffset RecordedAt)> assessmentsNewestFirst,
        AssessmentScreen screen)
    {
        var later = assessmentsNewestFirst.Where(a => a.Assessment.AssessedOn >= MadeOn && a.RecordedAt > CreatedAt).Select(a => a.Assessment).ToList();
        var (counted, _) = screen.LatestValid(later);
        if (counted is { } valid && valid.Level >= gap.RequiredLevel)
            return new GapClosure(true, valid, $"closed by the assessment of {valid.AssessedOn:yyyy-MM-dd} at level {valid.Level} (required {gap.RequiredLevel})");
        return new GapClosure(false, null, counted is { } below
            ? $"open: the latest valid assessment since the plan, of {below.AssessedOn:yyyy-MM-dd}, is level {below.Level} of {gap.RequiredLevel}"
            : "open: no valid assessment since the plan was made (completed actions and activities do not close a gap)");
    }
}
