using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MeritApi.Domain.Canonical;

/// <summary>
/// MeritApi's canonical JSON (src/MeritApi.Domain/Canonical/SPECIFICATION.md): RFC 8785 (JCS) with one change, that there are no JSON numbers —
/// every number is a string holding its exact decimal value in normal form ("85.5", never 85.50, 8.55E1 or -0), because
/// scores are <c>decimal</c> and JCS's IEEE-754 number form would round them. Object members sorted by name (UTF-16 code
/// units), no whitespace, strings escaped as ECMAScript's JSON.stringify escapes them, nulls written, arrays in order.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The canonical bytes of a parsed JSON value (what a third party computes from a published document).</summary>
    public static byte[] Canonicalize(JsonElement value)
    {
        var writer = new CanonicalJsonWriter();
        Write(writer, value);
        return writer.ToArray();
    }

    private static void Write(CanonicalJsonWriter w, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                w.StartObject();
                foreach (var member in value.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    w.Name(member.Name);
                    Write(w, member.Value);
                }
                w.EndObject();
                break;
            case JsonValueKind.Array:
                w.StartArray();
                foreach (var item in value.EnumerateArray())
                    Write(w, item);
                w.EndArray();
                break;
            case JsonValueKind.String:
                w.Text(value.GetString());
                break;
            case JsonValueKind.Number:
                w.Text(NormaliseNumber(value.GetRawText()));
                break;
            case JsonValueKind.True:
                w.Bool(true);
                break;
            case JsonValueKind.False:
                w.Bool(false);
                break;
            case JsonValueKind.Null:
                w.Null();
                break;
            default:
                throw new ArgumentException($"{value.ValueKind} is not a JSON value.", nameof(value));
        }
    }

    /// <summary>
    /// The normal form of a JSON number's text, exactly (any length, any exponent): an optional minus, the integer digits
    /// without leading zeros ("0" when there are none), then, only if the fraction is not zero, a point and its digits
    /// without trailing zeros. Zero is "0".
    /// </summary>
    public static string NormaliseNumber(string number)
    {
        var negative = number.StartsWith('-');
        var text = negative ? number[1..] : number;
        var exponentAt = text.IndexOfAny(['e', 'E']);
        var exponent = 0;
        if (exponentAt >= 0)
        {
            exponent = int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..exponentAt];
        }
        var point = text.IndexOf('.');
        var digits = point < 0 ? text : text[..point] + text[(point + 1)..];
        var pointAt = (point < 0 ? text.Length : point) + exponent; // digits before the point
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
            throw new FormatException($"'{number}' is not a JSON number.");
        if (pointAt < 0)
        {
            digits = new string('0', -pointAt) + digits;
            pointAt = 0;
        }
        else if (pointAt > digits.Length)
        {
            digits += new string('0', pointAt - digits.Length);
        }
        var integer = digits[..pointAt].TrimStart('0');
        var fraction = digits[pointAt..].TrimEnd('0');
        if (integer.Length == 0)
            integer = "0";
        if (integer == "0" && fraction.Length == 0)
            return "0";
        var result = fraction.Length == 0 ? integer : $"{integer}.{fraction}";
        return negative ? "-" + result : result;
    }

    /// <summary>The normal form of a decimal: the same text <see cref="NormaliseNumber"/> gives for it.</summary>
    public static string Normalise(decimal value)
    {
        Span<byte> utf8 = stackalloc byte[MaxDecimalLength];
        return Encoding.ASCII.GetString(Normalise(value, utf8));
    }

    internal const int MaxDecimalLength = 64;

    /// <summary><see cref="Normalise(decimal)"/> as ASCII into <paramref name="destination"/>, without allocating.</summary>
    internal static ReadOnlySpan<byte> Normalise(decimal value, Span<byte> destination)
    {
        if (value == 0m)
        {
            destination[0] = (byte)'0';
            return destination[..1]; // never "-0" nor "0.00"
        }
        if (!value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture))
            throw new InvalidOperationException($"Could not format {value}.");
        ReadOnlySpan<byte> text = destination[..written];
        if (text.IndexOf((byte)'.') < 0)
            return text;
        text = text.TrimEnd((byte)'0');
        return text[^1] == (byte)'.' ? text[..^1] : text;
    }
}

/// <summary>
/// Writes canonical JSON directly, for the hot paths (a national run seals 100,000 rationales): the caller writes members
/// already in canonical (sorted) order; commas and escaping are the writer's. Reusable: <see cref="Reset"/>.
/// </summary>
public sealed class CanonicalJsonWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    /// <summary>Per open container: whether it has no element yet (canonical texts here nest a handful deep).</summary>
    private bool[] _first = new bool[16];
    private int _depth;
    private bool _afterName;

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void Reset()
    {
        _buffer.ResetWrittenCount();
        _depth = 0;
        _afterName = false;
    }

    public void StartObject() => Open((byte)'{');

    public void EndObject() => Close((byte)'}');

    public void StartArray() => Open((byte)'[');

    public void EndArray() => Close((byte)']');

    public void Name(string name)
    {
        Separate();
        WriteQuoted(name);
        Byte((byte)':');
        _afterName = true;
    }

    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        Separate();
        WriteQuoted(value);
    }

    public void Number(decimal value)
    {
        Separate();
        Span<byte> text = stackalloc byte[CanonicalJson.MaxDecimalLength];
        Byte((byte)'"');
        Bytes(CanonicalJson.Normalise(value, text));
        Byte((byte)'"');
    }

    /// <summary>A whole number (a version, a level, a year), as a string like every number; null for none.</summary>
    public void WholeNumber(long? value)
    {
        if (value is not { } number)
        {
            Null();
            return;
        }
        Separate();
        Span<byte> text = stackalloc byte[24];
        number.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
        Byte((byte)'"');
        Bytes(text[..written]);
        Byte((byte)'"');
    }

    public void Bool(bool value)
    {
        Separate();
        Bytes(value ? "true"u8 : "false"u8);
    }

    public void Null()
    {
        Separate();
        Bytes("null"u8);
    }

    private void Open(byte bracket)
    {
        Separate();
        Byte(bracket);
        if (_depth == _first.Length)
            Array.Resize(ref _first, _depth * 2);
        _first[_depth++] = true;
    }

    private void Close(byte bracket)
    {
        _depth--;
        Byte(bracket);
    }

    /// <summary>A comma before every value of an array and every member of an object but the first; none after a name.</summary>
    private void Separate()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }
        if (_depth == 0)
            return;
        if (_first[_depth - 1])
            _first[_depth - 1] = false;
        else
            Byte((byte)',');
    }

    /// <summary>What may need escaping: control characters, the quote, the backslash, and surrogates (paired or not).</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) + "\"\\" + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

    /// <summary>ECMAScript JSON.stringify's quoting (RFC 8785 §3.2.2.2), over UTF-16 code units.</summary>
    private void WriteQuoted(string text)
    {
        Byte((byte)'"');
        // Most strings (codes, ids, formulas, names) need no escape: one vectorised search, one encoding.
        if (!text.AsSpan().ContainsAny(Special))
        {
            Utf8(text);
            Byte((byte)'"');
            return;
        }
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ when char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) => null,
                _ when char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]) => null,
                _ when char.IsSurrogate(c) => $"\\u{(int)c:x4}", // a lone surrogate
                _ => null,
            };
            if (escape is null)
                continue;
            Utf8(text.AsSpan(start, i - start));
            Utf8(escape);
            start = i + 1;
        }
        Utf8(text.AsSpan(start));
        Byte((byte)'"');
    }

    private void Utf8(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty)
            return;
        var span = _buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(chars.Length));
        _buffer.Advance(Encoding.UTF8.GetBytes(chars, span));
    }

    private void Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    private void Bytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }
}
