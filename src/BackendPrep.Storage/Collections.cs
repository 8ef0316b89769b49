namespace BackendPrep.Storage;

/// <summary>Collection names in one place: they are part of the file format.</summary>
internal static class Collections
{
    public const string TopicProgress = "topic_progress";
    public const string ReviewCards = "review_cards";
    public const string ReviewLogs = "review_logs";
    public const string ReviewDays = "review_days";
}
