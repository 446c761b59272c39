using System.Text.Json;

namespace MeritApi.Verifier;

/// <summary>
/// Reads one JSON object from a stream a member at a time, and a member that is an array an element at a time, holding only
/// the value being read: a decision file of 100,000 rationales is checked in the memory of one rationale.
/// </summary>
/// <remarks>
/// Utf8JsonReader reads from a buffer that may end mid-value; each step here is tried on what is buffered and, when the
/// buffer ends first, retried from the same place after more of the stream is read (the buffer grows to hold the largest
/// single value).
/// </remarks>
internal sealed class StreamedJsonObject(Stream stream, int initialBufferSize)
{
    private delegate bool Step<T>(ref Utf8JsonReader reader, ReadOnlySpan<byte> buffered, out T result);

    private byte[] _buffer = new byte[initialBufferSize];
    private int _start, _end;
    private bool _final;
    private JsonReaderState _state;

    /// <summary>Reads the object's opening brace.</summary>
    public void Open()
    {
        if (Advance(static (ref Utf8JsonReader r, ReadOnlySpan<byte> _, out JsonTokenType t) => TryToken(ref r, out t)) != JsonTokenType.StartObject)
            throw new JsonException("A decision file is one JSON object.");
    }

    /// <summary>The next member's name, or null at the end of the object.</summary>
    public string? NextName() => Advance(static (ref Utf8JsonReader r, ReadOnlySpan<byte> _, out string? name) =>
    {
        name = null;
        if (!r.Read())
            return false;
        if (r.TokenType == JsonTokenType.PropertyName)
            name = r.GetString();
        else if (r.TokenType != JsonTokenType.EndObject)
            throw new JsonException($"Expected a member name, found {r.TokenType}.");
        return true;
    });

    /// <summary>The value of the member whose name was just read, whole.</summary>
    public JsonDocument Value() => Advance(static (ref Utf8JsonReader r, ReadOnlySpan<byte> b, out JsonDocument? value) => TryValue(ref r, b, out value))!;

    /// <summary>Starts reading the member just named as an array; false when it is null.</summary>
    public bool OpenArray() => Advance(static (ref Utf8JsonReader r, ReadOnlySpan<byte> _, out JsonTokenType t) => TryToken(ref r, out t)) switch
    {
        JsonTokenType.StartArray => true,
        JsonTokenType.Null => false,
        var other => throw new JsonException($"Expected an array, found {other}."),
    };

    /// <summary>The array's next element, whole, or null at the end of the array.</summary>
    public JsonDocument? NextElement() => Advance(static (ref Utf8JsonReader r, ReadOnlySpan<byte> b, out JsonDocument? element) =>
    {
        element = null;
        var probe = r;
        if (!probe.Read())
            return false;
        if (probe.TokenType == JsonTokenType.EndArray)
        {
            r = probe;
            return true;
        }
        return TryValue(ref r, b, out element);
    });

    private static bool TryToken(ref Utf8JsonReader reader, out JsonTokenType token)
    {
        token = JsonTokenType.None;
        if (!reader.Read())
            return false;
        token = reader.TokenType;
        return true;
    }

    private static bool TryValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> buffered, out JsonDocument? value)
    {
        value = null;
        if (!reader.Read())
            return false;
        var start = (int)reader.TokenStartIndex;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            return false;
        // Copied: the buffer is reused for what follows.
        value = JsonDocument.Parse(buffered[start..(int)reader.BytesConsumed].ToArray());
        return true;
    }

    private T Advance<T>(Step<T> step)
    {
        while (true)
        {
            var buffered = _buffer.AsSpan(_start, _end - _start);
            var reader = new Utf8JsonReader(buffered, _final, _state);
            if (step(ref reader, buffered, out var result))
            {
                _start += (int)reader.BytesConsumed;
                _state = reader.CurrentState;
                return result;
            }
            if (_final)
                throw new JsonException("The file ends before its JSON does.");
            Refill();
        }
    }

    private void Refill()
    {
        var buffered = _end - _start;
        if (buffered == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2); // one value is larger than the buffer
        else if (_start > 0)
            Array.Copy(_buffer, _start, _buffer, 0, buffered);
        _start = 0;
        _end = buffered;
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _final = true;
        _end += read;
    }
}
