namespace MeritApi.Domain.Common;

/// <summary>Invariant checks shared by the domain types; a failure is a programming or validation gap.</summary>
internal static class Guard
{
    public static string NotBlank(string? value, string name, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"{name} must not be blank.", name);
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
            throw new ArgumentException($"{name} must be at most {maxLength} characters.", name);
        return trimmed;
    }

    public static int InRange(int value, int min, int max, string name) =>
        value < min || value > max
            ? throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.")
            : value;
}
