using MeritApi.Domain.Placement;

namespace MeritApi.Testing;

/// <summary>
/// Every assignment tried, for cases of a handful of rows: the true optimum, against which the placement plan's logic and the
/// production solver are tested.
/// </summary>
public sealed class ExhaustiveSolver : IAssignmentSolver
{
    /// <summary>It only adds values, so any value whose sum over a plan fits in 64 bits.</summary>
    public long MaxValue(int rows, int columns) => long.MaxValue / (Math.Max(rows, columns) + 1);

    public int[] Solve(long[,] value, bool[,] allowed)
    {
        int rows = value.GetLength(0), columns = value.GetLength(1);
        var best = Enumerable.Repeat(-1, rows).ToArray();
        var bestTotal = long.MinValue;
        var current = new int[rows];
        var used = new bool[columns];
        void Try(int row, long total)
        {
            if (row == rows)
            {
                if (total > bestTotal)
                    (bestTotal, best) = (total, [.. current]);
                return;
            }
            current[row] = -1;
            Try(row + 1, total);
            for (var c = 0; c < columns; c++)
            {
                if (used[c] || !allowed[row, c])
                    continue;
                (used[c], current[row]) = (true, c);
                Try(row + 1, total + value[row, c]);
                used[c] = false;
            }
        }
        Try(0, 0);
        return best;
    }
}
