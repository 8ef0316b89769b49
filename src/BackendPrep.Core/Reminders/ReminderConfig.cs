namespace BackendPrep.Core.Reminders;

public enum ReminderKind
{
    /// <summary>A daily post in a guild channel.</summary>
    Group,

    /// <summary>A personal direct-message nudge when cards are due.</summary>
    Nudge,
}

/// <summary>
/// One reminder schedule. <see cref="ClaimedDate"/> is the last local date a post was claimed for and
/// <see cref="ConfirmedDate"/> the last one known delivered; a claim without a confirmation means a crash mid-post.
/// </summary>
public sealed record ReminderConfig(string Id, ReminderKind Kind, ReminderSchedule Schedule)
{
    public string? GuildId { get; init; }
    public string? UserId { get; init; }
    public string? ChannelId { get; init; }
    public string? RoleId { get; init; }
    public DateOnly? ClaimedDate { get; init; }
    public DateOnly? ConfirmedDate { get; init; }
    public DateTimeOffset? LastPostedAt { get; init; }

    /// <summary>Why the last post failed (missing permissions, deleted channel); shown to admins, cleared on success.</summary>
    public string? Problem { get; init; }

    public static string GroupId(string guildId) => $"guild:{guildId}";

    public static string NudgeId(string userId) => $"user:{userId}";
}
