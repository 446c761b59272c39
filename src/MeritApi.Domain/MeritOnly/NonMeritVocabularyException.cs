using MeritApi.Domain.Common;

namespace MeritApi.Domain.MeritOnly;

/// <summary>A scoring input uses non-merit vocabulary (<see cref="NonMeritVocabulary"/>) without an approved exception.</summary>
public sealed class NonMeritVocabularyException(string field, IReadOnlyList<string> terms)
    : DomainException(Rules.NonMeritVocabulary, $"'{field}' uses the non-merit term(s) {string.Join(", ", terms.Select(t => $"'{t}'"))}. A competency may " +
                            "describe competence only; if the term names a skill (e.g. 'penyuluhan agama', religious counselling), an " +
                            "administrator may register it with a written justification.", field)
{
    public IReadOnlyList<string> Terms { get; } = terms;
}
