namespace BackendPrep.Content;

/// <summary>Limits that keep every piece of content displayable in one Discord embed on a phone.</summary>
public static class ContentLimits
{
    /// <summary>Discord's embed description limit.</summary>
    public const int SectionChars = 4096;

    /// <summary>Diagram code blocks must read on a phone without wrapping.</summary>
    public const int DiagramColumns = 60;

    public const int MinRubricItems = 4;
    public const int MaxRubricItems = 7;
    public const int MinMoves = 2;
    public const int MaxMoves = 4;

    /// <summary>Button and select labels are capped at 80 characters by Discord.</summary>
    public const int TitleChars = 80;
}
