using MeritApi.Infrastructure.Solvers;
using MeritApi.Testing;

namespace MeritApi.Api.Tests.Infrastructure.Solvers;

/// <summary>
/// OR-Tools' LinearSumAssignment, behind the dummy nodes that let a candidate stay unplaced and a seat unfilled, finds the
/// same optimum total as trying every assignment, on 500 random problems of up to 6 candidates and 5 seats with forbidden
/// pairs; and a large problem solves at all.
/// </summary>
public sealed class OrToolsAssignmentSolverTests
{
    [Test]
    public void Its_optimum_equals_the_exhaustive_one_on_random_problems_with_forbidden_pairs()
    {
        var random = new Random(20261203);
        var solver = new OrToolsAssignmentSolver();
        var exhaustive = new ExhaustiveSolver();
        for (var trial = 0; trial < 500; trial++)
        {
            int rows = random.Next(0, 7), columns = random.Next(0, 6);
            var value = new long[rows, columns];
            var allowed = new bool[rows, columns];
            for (var r = 0; r < rows; r++)
                for (var c = 0; c < columns; c++)
                    (value[r, c], allowed[r, c]) = (random.Next(0, 10_000) * 1_000_000_000L, random.NextDouble() < 0.7);

            var found = solver.Solve(value, allowed);
            var best = exhaustive.Solve(value, allowed);

            Assert.That(Total(found, value, allowed), Is.EqualTo(Total(best, value, allowed)), $"trial {trial}");
            Assert.That(found.Where(c => c >= 0), Is.Unique, $"trial {trial}: a seat taken twice");
        }
    }

    [Test]
    public void A_plan_of_five_hundred_seats_and_two_thousand_candidates_solves()
    {
        var random = new Random(7);
        int rows = 2_000, columns = 500;
        var value = new long[rows, columns];
        var allowed = new bool[rows, columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                (value[r, c], allowed[r, c]) = (random.Next(1, 10_000), random.NextDouble() < 0.5);

        var found = new OrToolsAssignmentSolver().Solve(value, allowed);

        Assert.That(found.Count(c => c >= 0), Is.EqualTo(columns), "every seat has an allowed candidate to spare");
        Assert.That(found.Where(c => c >= 0), Is.Unique);
    }

    [Test]
    public void It_solves_values_up_to_the_bound_it_gives_for_five_thousand_candidates_and_five_hundred_seats()
    {
        var solver = new OrToolsAssignmentSolver();
        int rows = 5_000, columns = 500;
        var limit = solver.MaxValue(rows, columns);
        var random = new Random(11);
        var value = new long[rows, columns];
        var allowed = new bool[rows, columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                (value[r, c], allowed[r, c]) = (limit - random.Next(0, 1_000_000), true);

        var found = solver.Solve(value, allowed);

        Assert.That(found.Count(c => c >= 0), Is.EqualTo(columns));
        Assert.That(limit, Is.GreaterThan(50_000_000_000L), "room for merit and JPM at this size (10^4 · (10^4 · 500 + 1))");
    }

    /// <summary>The plan's total; -1 when it uses a forbidden pair.</summary>
    private static long Total(int[] assignment, long[,] value, bool[,] allowed)
    {
        long total = 0;
        for (var r = 0; r < assignment.Length; r++)
        {
            if (assignment[r] < 0)
                continue;
            if (!allowed[r, assignment[r]])
                return -1;
            total += value[r, assignment[r]];
        }
        return total;
    }
}
