using MeritApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace MeritApi.Application.Competencies;

/// <summary>"Is this competency in the dictionary?", asked one way by every command that names competencies.</summary>
internal static class CompetencyDictionary
{
    /// <summary>The codes among <paramref name="codes"/> that the dictionary does not hold, in one query.</summary>
    public static async Task<HashSet<string>> UnknownCompetencyCodesAsync(this IApplicationDbContext db, IEnumerable<string> codes,
        CancellationToken cancellationToken)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Competencies.Where(c => wanted.Contains(c.Code)).Select(c => c.Code).ToListAsync(cancellationToken);
        return [.. wanted.Except(known, StringComparer.Ordinal)];
    }

    public static string NotInDictionary(string code) => $"Competency '{code}' is not in the competency dictionary; register it first.";
}
