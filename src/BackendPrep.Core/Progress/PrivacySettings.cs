namespace BackendPrep.Core.Progress;

/// <summary>What another member may see of a user's progress. Stored as a number: the values are persisted.</summary>
[Flags]
public enum PublicFields
{
    None = 0,
    Streak = 1,
    TopicsLearned = 2,
    Reviews = 4,
    Coverage = 8,
    Sessions = 16,

    /// <summary>What a user who never chose shows: encouraging, and nothing about how well they answer.</summary>
    Default = Streak | TopicsLearned,
    All = Streak | TopicsLearned | Reviews | Coverage | Sessions,
}

/// <summary>A user's sharing choices; <see cref="Default"/> until they change anything.</summary>
public sealed record PrivacySettings(string UserId, bool OnLeaderboard, PublicFields Public)
{
    public static PrivacySettings Default(string userId) => new(userId, false, PublicFields.Default);

    public bool Shows(PublicFields field) => (Public & field) == field;
}

/// <summary>Reads what a user types for <c>/privacy public:</c>: "streak, topics", "all", "none" or "default".</summary>
public static class PublicFieldsText
{
    private static readonly (string Word, PublicFields Field)[] Words =
    [
        ("streak", PublicFields.Streak),
        ("topics", PublicFields.TopicsLearned),
        ("reviews", PublicFields.Reviews),
        ("coverage", PublicFields.Coverage),
        ("sessions", PublicFields.Sessions),
        ("all", PublicFields.All),
        ("none", PublicFields.None),
        ("default", PublicFields.Default),
    ];

    public static IReadOnlyList<string> Known => [.. Words.Select(w => w.Word)];

    public static bool TryParse(string? text, out PublicFields fields)
    {
        fields = PublicFields.None;
        var words = (text ?? "").Split([',', ' ', '+', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0)
        {
            return false;
        }

        foreach (var word in words)
        {
            var match = Words.FirstOrDefault(w => w.Word.Equals(word, StringComparison.OrdinalIgnoreCase)
                || (w.Word.EndsWith('s') && w.Word[..^1].Equals(word, StringComparison.OrdinalIgnoreCase)));
            if (match.Word is null)
            {
                return false;
            }

            fields |= match.Field;
        }

        return true;
    }

    public static string Describe(PublicFields fields) => fields == PublicFields.None
        ? "nothing"
        : string.Join(", ", Words.Take(5).Where(w => (fields & w.Field) == w.Field).Select(w => w.Word));
}
