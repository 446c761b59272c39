using System.Diagnostics.CodeAnalysis;

namespace MeritApi.Domain.Employees;

/// <summary>
/// Nomor Induk Pegawai: the 18-digit civil-service id. Its digits encode the date of birth (1–8) and
/// sex (15); this type deliberately offers no way to read them, so nothing can ever be derived from them.
/// </summary>
public readonly record struct Nip
{
    public const int Length = 18;
    private const int VisibleDigits = 4;

    private readonly string? _value;

    private Nip(string value) => _value = value;

    public string Value => _value ?? string.Empty;

    /// <summary>Committee-facing form: only the last four digits are shown.</summary>
    public string Masked => Mask(Value);

    public static string Mask(string nip) =>
        nip.Length <= VisibleDigits ? nip : new string('*', nip.Length - VisibleDigits) + nip[^VisibleDigits..];

    public static bool IsValid([NotNullWhen(true)] string? text) =>
        text is { Length: Length } && text.All(char.IsAsciiDigit);

    public static Nip Parse(string text) =>
        IsValid(text) ? new Nip(text) : throw new FormatException("A NIP has exactly 18 digits.");

    public override string ToString() => Value;
}
