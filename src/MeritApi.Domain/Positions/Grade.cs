using System.Diagnostics.CodeAnalysis;

namespace MeritApi.Domain.Positions;

/// <summary>
/// A civil-servant rank grade (golongan/ruang), I/a … IV/e. Grades are ordered, which is all that
/// eligibility gates need; a grade never affects the order of a ranking.
/// </summary>
public readonly record struct Grade : IComparable<Grade>
{
    private static readonly string[] Groups = ["I", "II", "III", "IV"];

    private Grade(int group, char room)
    {
        Group = group;
        Room = room;
    }

    /// <summary>1 (I) to 4 (IV).</summary>
    public int Group { get; }

    /// <summary>'a' to 'd' ('e' only in group IV).</summary>
    public char Room { get; }

    /// <summary>Position in the ladder: I/a = 1 … IV/e = 17.</summary>
    public int Ordinal => (Group - 1) * 4 + (Room - 'a') + 1;

    public static IReadOnlyList<Grade> All { get; } =
        [.. Enumerable.Range(1, 4).SelectMany(g => Enumerable.Range(0, g == 4 ? 5 : 4).Select(r => new Grade(g, (char)('a' + r))))];

    public static bool TryParse([NotNullWhen(true)] string? text, out Grade grade)
    {
        grade = default;
        if (text is null)
            return false;
        var slash = text.IndexOf('/');
        if (slash < 1 || slash != text.Length - 2)
            return false;
        var group = Array.IndexOf(Groups, text[..slash]) + 1;
        var room = text[^1];
        var maxRoom = group == 4 ? 'e' : 'd';
        if (group == 0 || room < 'a' || room > maxRoom)
            return false;
        grade = new Grade(group, room);
        return true;
    }

    public static Grade Parse(string text) =>
        TryParse(text, out var grade) ? grade : throw new FormatException($"'{text}' is not a civil-service grade (I/a … IV/e).");

    public int CompareTo(Grade other) => Ordinal.CompareTo(other.Ordinal);

    public static bool operator <(Grade left, Grade right) => left.CompareTo(right) < 0;
    public static bool operator >(Grade left, Grade right) => left.CompareTo(right) > 0;
    public static bool operator <=(Grade left, Grade right) => left.CompareTo(right) <= 0;
    public static bool operator >=(Grade left, Grade right) => left.CompareTo(right) >= 0;

    // One string per grade, made once: a scoring run formats grades for every candidate (results, rationales, reasons).
    private static readonly string[] Names = [.. All.Select(g => $"{Groups[g.Group - 1]}/{g.Room}")];

    public override string ToString() => Group == 0 ? string.Empty : Names[Ordinal - 1];
}
