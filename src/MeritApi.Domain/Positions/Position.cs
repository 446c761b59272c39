using MeritApi.Domain.Common;
using MeritApi.Domain.Competencies;

namespace MeritApi.Domain.Positions;

/// <summary>A position (jabatan) and its competency standard, against which candidates are matched.</summary>
public sealed class Position
{
    public const int CodeMaxLength = 50;
    public const int TitleMaxLength = 200;
    public const int MaxStandardSize = 40;

    private readonly List<CompetencyRequirement> _standard = [];

    private Position() { Code = Title = string.Empty; } // EF

    public Position(Guid id, string code, string title, PositionKind kind, Grade? minimumGrade,
        IEnumerable<(string CompetencyCode, int RequiredLevel)> standard)
    {
        Id = id;
        Code = Guard.NotBlank(code, nameof(code), CodeMaxLength);
        Title = Guard.NotBlank(title, nameof(title), TitleMaxLength);
        Kind = Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(kind));
        MinimumGrade = minimumGrade;
        ReplaceStandard(standard);
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; }
    public string Title { get; private set; }
    public PositionKind Kind { get; private set; }

    /// <summary>Eligibility gate: candidates below this grade may not be ranked. It never orders candidates.</summary>
    public Grade? MinimumGrade { get; private set; }

    public IReadOnlyList<CompetencyRequirement> Standard => _standard;

    /// <summary>The standard as scoring reads it: (code, required level), ordered by code, so every run lists it alike.</summary>
    public IReadOnlyList<(string CompetencyCode, int RequiredLevel)> StandardInCodeOrder() =>
        [.. _standard.OrderBy(r => r.CompetencyCode, StringComparer.Ordinal).Select(r => (r.CompetencyCode, r.RequiredLevel))];

    /// <summary>
    /// Counts the replacements of the standard. Its lines are rows of their own, so without it a new standard would leave
    /// the position's row, and with it the row version a client's If-Match names, as it was.
    /// </summary>
    public int StandardRevision { get; private set; }

    /// <summary>
    /// Replaces the competency standard. Existing lines are updated in place so a requirement keeps its
    /// identity (and its row) when only the level changes.
    /// </summary>
    public void ReplaceStandard(IEnumerable<(string CompetencyCode, int RequiredLevel)> standard)
    {
        var lines = standard.ToList();
        if (lines.Count == 0)
            throw new DomainException(Rules.EmptyStandard, "A competency standard needs at least one competency.");
        if (lines.Count > MaxStandardSize)
            throw new DomainException(Rules.StandardTooLarge, $"A competency standard has at most {MaxStandardSize} competencies.");
        var duplicate = lines.GroupBy(l => l.CompetencyCode).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DomainException(Rules.DuplicateRequirement, $"Competency '{duplicate.Key}' appears twice in the standard.");
        // Every line is checked before any is applied, so a refused standard leaves the old one untouched.
        var invalid = lines.FirstOrDefault(l => !Competency.IsValidCode(l.CompetencyCode) || !CompetencyLevel.IsValid(l.RequiredLevel));
        if (invalid != default)
            throw new DomainException(Rules.InvalidRequirement,
                $"'{invalid.CompetencyCode}' at level {invalid.RequiredLevel} is not a valid requirement (a competency code at level 1–5).");

        _standard.RemoveAll(existing => lines.All(l => l.CompetencyCode != existing.CompetencyCode));
        foreach (var (code, level) in lines)
        {
            var existing = _standard.Find(r => r.CompetencyCode == code);
            if (existing is null)
                _standard.Add(new CompetencyRequirement(code, level));
            else
                existing.RequiredLevel = Guard.InRange(level, CompetencyLevel.Min, CompetencyLevel.Max, nameof(level));
        }
        StandardRevision++;
    }

    public void ChangeMinimumGrade(Grade? minimumGrade) => MinimumGrade = minimumGrade;
}
