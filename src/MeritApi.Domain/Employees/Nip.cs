using System.Diagnostics.CodeAnalysis;

namespace MeritApi.Domain.Employees;

/// <summary>
/// Nomor Induk Pegawai: the 18-digit civil-service id. Its digits encode the date of birth (1–8), the appointment
/// month (9–14) and sex (15); this type deliberately offers no way to read them, so nothing can ever be derived from
/// them. There is no "masked" form either: any run of its digits can carry one of those facts, so committee views
/// show no digit of it before the identity reveal (the candidate code identifies a candidate instead).
/// </summary>
public readonly record struct Nip
{
    public const int Length = 18;
    private readonly string? _value;

    private Nip(string value) => _value = value;

    public string Value => _value ?? string.Empty;

    public static bool IsValid([NotNullWhen(true)] string? text) =>
        text is { Length: Length } && text.All(char.IsAsciiDigit);

    public static Nip Parse(string text) =>
        IsValid(text) ? new Nip(text) : throw new FormatException("A NIP has exactly 18 digits.");

    public override string ToString() => Value;
}
