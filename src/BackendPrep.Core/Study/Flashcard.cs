namespace BackendPrep.Core.Study;

/// <summary>
/// One side-to-side recall item, from any deck. Recognition cues are the default deck;
/// vocabulary, pitfalls and memory hooks are decks a user can switch on.
/// </summary>
public sealed record Flashcard(string Id, Deck Deck, string Front, IReadOnlyList<string> Back, string? TopicId, SourceRef Source);

public enum Deck
{
    Cues,
    Vocabulary,
    Pitfalls,
    Hooks,
}
