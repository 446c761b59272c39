namespace MeritApi.Verifier;

/// <summary>One item that did not hold: which check, on what (a candidate code, an entry, a run), and why.</summary>
public sealed record Failure(string Check, string Subject, string Reason)
{
    public override string ToString() => $"{Check} — {Subject}: {Reason}";
}

/// <summary>How many items a check covered and how many of them failed.</summary>
public sealed record CheckTally(string Check, int Items, int Failed);

/// <summary>
/// What verifying a decision file found: every check with the number of items it covered (a file of 100,000 candidates is
/// summarised, not listed), each failure by name, and notes on what holds but deserves attention.
/// </summary>
public sealed class VerificationReport
{
    private readonly List<CheckTally> _tallies = [];
    private readonly Dictionary<string, int> _index = [];
    private readonly List<Failure> _failures = [];
    private readonly List<string> _notes = [];

    public IReadOnlyList<CheckTally> Checks => _tallies;
    public IReadOnlyList<Failure> Failures => _failures;
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Something was checked and every check held (a file with no checks at all verifies nothing).</summary>
    public bool Verified => _failures.Count == 0 && _tallies.Count > 0;

    /// <summary>Records one item of <paramref name="check"/>: it held when <paramref name="failure"/> is null.</summary>
    public void Record(string check, string subject, string? failure)
    {
        if (!_index.TryGetValue(check, out var i))
        {
            _index[check] = i = _tallies.Count;
            _tallies.Add(new CheckTally(check, 0, 0));
        }
        var tally = _tallies[i];
        _tallies[i] = tally with { Items = tally.Items + 1, Failed = tally.Failed + (failure is null ? 0 : 1) };
        if (failure is not null)
            _failures.Add(new Failure(check, subject, failure));
    }

    public void Note(string note) => _notes.Add(note);

    /// <summary>The readable report: one line per check, each failure named (at most <paramref name="failuresPerCheck"/> per check).</summary>
    public IEnumerable<string> Lines(int failuresPerCheck = 20)
    {
        foreach (var tally in _tallies)
        {
            var items = tally.Items == 1 ? "1 item" : $"{tally.Items:N0} items";
            if (tally.Failed == 0)
            {
                yield return $"ok      {tally.Check} ({items})";
                continue;
            }
            yield return $"FAILED  {tally.Check} ({tally.Failed:N0} of {items})";
            var failures = _failures.Where(f => f.Check == tally.Check).ToList();
            foreach (var failure in failures.Take(failuresPerCheck))
                yield return $"          {failure.Subject}: {failure.Reason}";
            if (failures.Count > failuresPerCheck)
                yield return $"          … and {failures.Count - failuresPerCheck:N0} more";
        }
        foreach (var note in _notes)
            yield return $"note    {note}";
        var total = _tallies.Sum(t => t.Items);
        yield return Verified
            ? $"VERIFIED: {_tallies.Count} checks over {total:N0} items, all hold."
            : $"NOT VERIFIED: {_failures.Count:N0} of {total:N0} items failed ({_tallies.Count(t => t.Failed > 0)} of {_tallies.Count} checks).";
    }
}
