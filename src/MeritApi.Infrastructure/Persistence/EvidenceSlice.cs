using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace MeritApi.Infrastructure.Persistence;

/// <summary>
/// One candidate's evidence as a read-only dictionary over its slice of a run-wide array: the keys (competency codes, or
/// counted years) are shared by every candidate, and a default value means "none". A 100,000-candidate run then holds one
/// small object per candidate and list instead of a dictionary (three arrays) each, which the garbage collector had to
/// trace and copy for the whole run.
/// </summary>
internal sealed class EvidenceSlice<TKey, TValue>(TKey[] keys, TValue[] values, int offset) : IReadOnlyDictionary<TKey, TValue>
    where TKey : notnull
    where TValue : struct
{
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        // A handful of keys, and the scorer asks with the very instances in the keys array: a scan beats hashing.
        for (var i = 0; i < keys.Length; i++)
        {
            if (EqualityComparer<TKey>.Default.Equals(keys[i], key))
            {
                value = values[offset + i];
                return !EqualityComparer<TValue>.Default.Equals(value, default);
            }
        }
        value = default;
        return false;
    }

    public TValue this[TKey key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No evidence for '{key}'.");

    public bool ContainsKey(TKey key) => TryGetValue(key, out _);

    public int Count
    {
        get
        {
            var count = 0;
            for (var i = 0; i < keys.Length; i++)
            {
                if (!EqualityComparer<TValue>.Default.Equals(values[offset + i], default))
                    count++;
            }
            return count;
        }
    }

    public IEnumerable<TKey> Keys => this.Select(pair => pair.Key);

    public IEnumerable<TValue> Values => this.Select(pair => pair.Value);

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (!EqualityComparer<TValue>.Default.Equals(values[offset + i], default))
                yield return new KeyValuePair<TKey, TValue>(keys[i], values[offset + i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
