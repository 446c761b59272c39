namespace MeritApi.Domain.Positions;

public enum PositionKind
{
    /// <summary>Jabatan struktural (administrator, supervisor, leadership).</summary>
    Structural = 1,

    /// <summary>Jabatan fungsional.</summary>
    Functional = 2,
}
