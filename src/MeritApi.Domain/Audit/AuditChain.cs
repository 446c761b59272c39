namespace MeritApi.Domain.Audit;

/// <summary>The first place where the audit chain does not hold, and why.</summary>
public sealed record BrokenLink(long Sequence, string Reason);

/// <summary>Walks the trail in sequence order and checks every link of the hash chain.</summary>
public sealed class AuditChain
{
    private long _expectedSequence = 1;
    private string _previousHash = AuditEntry.GenesisHash;

    public long EntriesChecked { get; private set; }
    public BrokenLink? FirstBrokenLink { get; private set; }

    /// <summary>Feeds the next entry (in sequence order); returns false once the chain is broken.</summary>
    public bool Verify(AuditEntry entry)
    {
        if (FirstBrokenLink is not null)
            return false;
        EntriesChecked++;
        if (entry.Sequence != _expectedSequence)
            FirstBrokenLink = new BrokenLink(_expectedSequence,
                $"Entry {_expectedSequence} is missing (the next entry found is {entry.Sequence}): an entry was deleted.");
        else if (entry.PreviousHash != _previousHash)
            FirstBrokenLink = new BrokenLink(entry.Sequence,
                $"Entry {entry.Sequence} does not link to the hash of entry {entry.Sequence - 1}: the chain was altered.");
        else if (entry.ComputeHash() != entry.Hash)
            FirstBrokenLink = new BrokenLink(entry.Sequence,
                $"Entry {entry.Sequence}'s content does not match its hash: the entry was edited.");
        _expectedSequence = entry.Sequence + 1;
        _previousHash = entry.Hash;
        return FirstBrokenLink is null;
    }
}
