using Google.OrTools.Graph;
using MeritApi.Application.Common;
using MeritApi.Domain.Placement;

namespace MeritApi.Infrastructure.Solvers;

/// <summary>
/// The assignment problem on Google OR-Tools' LinearSumAssignment (a cost-scaling push-relabel solver). That solver needs a
/// perfect matching, so every candidate also gets a seat of their own meaning "not placed" and every seat a candidate of its
/// own meaning "unfilled", all at cost 0, and those dummies are matched to each other at cost 0: a real pair is chosen only
/// where it adds value. Costs are the negated values (the solver minimises).
/// </summary>
public sealed class OrToolsAssignmentSolver : IAssignmentSolver
{
    /// <summary>
    /// Cost scaling multiplies costs by about (L + 1)(2L + 1) for L left nodes (candidates plus seats, with the dummies) and
    /// refuses (POSSIBLE_OVERFLOW) beyond 64 bits; half of that leaves a margin. Measured: with 5,500 left nodes values up to
    /// 5·10^10 solve and 2·10^11 do not; this bound is 7.6·10^10.
    /// </summary>
    public long MaxValue(int rows, int columns)
    {
        var left = (double)rows + columns;
        return (long)(long.MaxValue / ((left + 1) * (2 * left + 1)) / 2);
    }

    public int[] Solve(long[,] value, bool[,] allowed)
    {
        // Its own span: a plan's time split between scoring the pairs and solving shows in the span log.
        using var span = ApplicationTelemetry.Source.StartActivity("placement.solve");
        int rows = value.GetLength(0), columns = value.GetLength(1);
        var result = Enumerable.Repeat(-1, rows).ToArray();
        if (rows == 0 || columns == 0)
            return result;

        // Left nodes: candidates 0..rows-1, then one "unfilled" per seat. Right nodes: seats 0..columns-1, then one "not placed"
        // per candidate. Both sides have rows + columns nodes.
        var assignment = new LinearSumAssignment();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
                if (allowed[r, c])
                    assignment.AddArcWithCost(r, c, -value[r, c]);
            assignment.AddArcWithCost(r, columns + r, 0);
        }
        for (var c = 0; c < columns; c++)
        {
            assignment.AddArcWithCost(rows + c, c, 0);
            for (var r = 0; r < rows; r++)
                assignment.AddArcWithCost(rows + c, columns + r, 0);
        }
        var status = assignment.Solve();
        if (status != LinearSumAssignment.Status.OPTIMAL)
            throw new InvalidOperationException($"The assignment solver ended with {status}.");
        for (var r = 0; r < rows; r++)
        {
            var column = assignment.RightMate(r);
            result[r] = column < columns ? column : -1;
        }
        return result;
    }
}
