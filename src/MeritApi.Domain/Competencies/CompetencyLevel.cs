namespace MeritApi.Domain.Competencies;

/// <summary>Competencies are required and assessed on levels 1 to 5.</summary>
public static class CompetencyLevel
{
    public const int Min = 1;
    public const int Max = 5;

    public static bool IsValid(int level) => level is >= Min and <= Max;
}
