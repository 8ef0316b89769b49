namespace BackendPrep.Core.Sessions;

public enum SessionState
{
    Running,
    Finished,
    Stopped,
}

/// <summary>
/// A time-boxed study session (pattern A, B or C). It is persisted with its due time so the "time's up" survives a
/// restart; a session that fell due while the bot was down fires once on start, marked late.
/// </summary>
public sealed record StudySession(
    string Id,
    string UserId,
    string PatternId,
    DateTimeOffset StartedAt,
    DateTimeOffset DueAt,
    string? GuildId,
    string? ChannelId)
{
    public SessionState State { get; init; } = SessionState.Running;
    public DateTimeOffset? EndedAt { get; init; }
    public bool FiredLate { get; init; }
    public string? SelfAssessment { get; init; }

    /// <summary>A timer that fires more than this after its due time is reported as late.</summary>
    public static TimeSpan LateAfter { get; } = TimeSpan.FromMinutes(1);
}
