using BackendPrep.Core.Study;

namespace BackendPrep.Content;

/// <summary>Card ids are the content id prefixed with the deck, so a cue and a term may share a name.</summary>
public static class CardIds
{
    public static string For(Deck deck, string id) => deck switch
    {
        Deck.Cues => "cue." + id,
        Deck.Vocabulary => "term." + id,
        Deck.Pitfalls => "pitfall." + id,
        Deck.Hooks => "hook." + id,
        _ => throw new ArgumentOutOfRangeException(nameof(deck)),
    };
}
