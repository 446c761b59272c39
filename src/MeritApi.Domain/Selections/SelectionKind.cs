namespace MeritApi.Domain.Selections;

public enum SelectionKind
{
    /// <summary>Promosi: moving a civil servant up to the position.</summary>
    Promotion = 1,

    /// <summary>Penempatan: placing a civil servant in the position (lateral or first placement).</summary>
    Placement = 2,
}

public enum SelectionStatus
{
    /// <summary>Accepting candidates; not yet scored, or enrolments changed since the last run.</summary>
    Open = 1,

    /// <summary>The latest scoring run covers every enrolled candidate.</summary>
    Scored = 2,

    /// <summary>The committee has decided; no more enrolments or scoring runs.</summary>
    Decided = 3,
}
