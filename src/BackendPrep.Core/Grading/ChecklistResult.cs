namespace BackendPrep.Core.Grading;

/// <summary>Whether an answer shows one template part, with the sentence that shows it.</summary>
public sealed record PartCheck(string PartId, bool Shown, string? Evidence);

/// <summary>Which parts of a template (the six-step answer, the incident compression) an answer shows.</summary>
public sealed record ChecklistResult(string ChecklistId, IReadOnlyList<PartCheck> Parts)
{
    public IReadOnlyList<string> Shown => [.. Parts.Where(p => p.Shown).Select(p => p.PartId)];

    public IReadOnlyList<string> Missing => [.. Parts.Where(p => !p.Shown).Select(p => p.PartId)];
}

/// <summary>An expected first move of a recognition cue; without concepts the move's own words are used.</summary>
public sealed record ExpectedMove(string Text, IReadOnlyList<string> Concepts);

/// <summary>A suggested FSRS rating for a drill card, from how many expected moves a typed answer named.</summary>
public enum SuggestedRating
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

/// <summary>Which expected moves (same order as given) a typed drill answer named, and the rating that suggests.</summary>
public sealed record MoveMatch(IReadOnlyList<bool> Named, SuggestedRating Rating)
{
    public int NamedCount => Named.Count(n => n);

    public double Share => Named.Count == 0 ? 0 : (double)NamedCount / Named.Count;
}
