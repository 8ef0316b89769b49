using BackendPrep.Core.Sessions;

namespace BackendPrep.Core.Storage;

public interface IStudySessionStore
{
    /// <summary>Starts a session unless the user already has one running; returns the running one either way.</summary>
    Task<(StudySession Session, bool Started)> StartAsync(StudySession session, CancellationToken cancellationToken);

    Task<StudySession?> RunningAsync(string userId, CancellationToken cancellationToken);

    Task<StudySession?> StopAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Running sessions due at or before <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<StudySession>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

    /// <summary>Marks a running session finished; false when another path finished or stopped it first (fire once).</summary>
    Task<bool> FinishAsync(string sessionId, DateTimeOffset at, bool late, CancellationToken cancellationToken);

    Task<bool> RecordAssessmentAsync(string userId, string sessionId, string assessment, CancellationToken cancellationToken);

    Task<IReadOnlyList<StudySession>> HistoryAsync(string userId, CancellationToken cancellationToken);
}
