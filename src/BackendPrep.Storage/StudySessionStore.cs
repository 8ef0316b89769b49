using BackendPrep.Core.Sessions;
using BackendPrep.Core.Storage;
using LiteDB;

namespace BackendPrep.Storage;

internal sealed class StudySessionDocument
{
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public string PatternId { get; set; } = "";
    public DateTime StartedAtUtc { get; set; }
    public DateTime DueAtUtc { get; set; }
    public string? GuildId { get; set; }
    public string? ChannelId { get; set; }
    public SessionState State { get; set; }
    public DateTime? EndedAtUtc { get; set; }
    public bool FiredLate { get; set; }
    public string? SelfAssessment { get; set; }

    /// <summary>
    /// The user id while running, <c>ended/{session id}</c> after: a unique index on it allows one running session per
    /// user. Never null once ended, because LiteDB's unique index counts null as a value (a second ended session in
    /// the file would be refused as a duplicate).
    /// </summary>
    public string? RunningUserId { get; set; }
}

public sealed class StudySessionStore : IStudySessionStore
{
    private const string Name = "study_sessions";
    private readonly LiteDbStore _store;

    public StudySessionStore(LiteDbStore store)
    {
        _store = store;
        Collection.EnsureIndex(d => d.UserId);
        Collection.EnsureIndex(d => d.RunningUserId, unique: true);
        Collection.EnsureIndex(d => d.DueAtUtc);
    }

    private ILiteCollection<StudySessionDocument> Collection => _store.Database.GetCollection<StudySessionDocument>(Name);

    public Task<(StudySession Session, bool Started)> StartAsync(StudySession session, CancellationToken cancellationToken)
    {
        try
        {
            Collection.Insert(ToDocument(session));
            return Task.FromResult((session, true));
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            var running = Collection.FindOne(d => d.RunningUserId == session.UserId);
            return Task.FromResult((FromDocument(running), false));
        }
    }

    public Task<StudySession?> RunningAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(Collection.FindOne(d => d.RunningUserId == userId) is { } d ? FromDocument(d) : null);

    public Task<StudySession?> StopAsync(string userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var running = Collection.FindOne(d => d.RunningUserId == userId);
        if (running is null)
        {
            return Task.FromResult<StudySession?>(null);
        }

        running.State = SessionState.Stopped;
        running.EndedAtUtc = at.UtcDateTime;
        running.RunningUserId = EndedSlot(running.Id);
        return Task.FromResult(Collection.Update(running) ? FromDocument(running) : null);
    }

    public Task<IReadOnlyList<StudySession>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = now.UtcDateTime;
        IReadOnlyList<StudySession> due = [.. Collection.Find(d => d.State == SessionState.Running && d.DueAtUtc <= limit)
            .OrderBy(d => d.DueAtUtc).Select(FromDocument)];
        return Task.FromResult(due);
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        var next = Collection.Find(d => d.State == SessionState.Running).OrderBy(d => d.DueAtUtc).FirstOrDefault();
        return Task.FromResult<DateTimeOffset?>(next is null ? null : Utc(next.DueAtUtc));
    }

    public Task<bool> FinishAsync(string sessionId, DateTimeOffset at, bool late, CancellationToken cancellationToken)
    {
        // A conditional update: only the transition Running → Finished counts, so a timer fires once.
        var updated = Collection.UpdateMany(
            d => new StudySessionDocument
            {
                Id = d.Id,
                UserId = d.UserId,
                PatternId = d.PatternId,
                StartedAtUtc = d.StartedAtUtc,
                DueAtUtc = d.DueAtUtc,
                GuildId = d.GuildId,
                ChannelId = d.ChannelId,
                State = SessionState.Finished,
                EndedAtUtc = at.UtcDateTime,
                FiredLate = late,
                SelfAssessment = d.SelfAssessment,
                RunningUserId = EndedPrefix + d.Id,
            },
            d => d.Id == sessionId && d.State == SessionState.Running);
        return Task.FromResult(updated == 1);
    }

    public Task<bool> RecordAssessmentAsync(string userId, string sessionId, string assessment, CancellationToken cancellationToken)
    {
        var document = Collection.FindById(sessionId);
        if (document is null || document.UserId != userId)
        {
            return Task.FromResult(false);
        }

        document.SelfAssessment = assessment;
        return Task.FromResult(Collection.Update(document));
    }

    public Task<IReadOnlyList<StudySession>> HistoryAsync(string userId, CancellationToken cancellationToken)
    {
        IReadOnlyList<StudySession> sessions = [.. Collection.Find(d => d.UserId == userId).OrderBy(d => d.StartedAtUtc).Select(FromDocument)];
        return Task.FromResult(sessions);
    }

    private const string EndedPrefix = "ended/";

    private static string EndedSlot(string sessionId) => EndedPrefix + sessionId;

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static StudySessionDocument ToDocument(StudySession s) => new()
    {
        Id = s.Id,
        UserId = s.UserId,
        PatternId = s.PatternId,
        StartedAtUtc = s.StartedAt.UtcDateTime,
        DueAtUtc = s.DueAt.UtcDateTime,
        GuildId = s.GuildId,
        ChannelId = s.ChannelId,
        State = s.State,
        EndedAtUtc = s.EndedAt?.UtcDateTime,
        FiredLate = s.FiredLate,
        SelfAssessment = s.SelfAssessment,
        RunningUserId = s.State == SessionState.Running ? s.UserId : EndedSlot(s.Id),
    };

    private static StudySession FromDocument(StudySessionDocument d) =>
        new(d.Id, d.UserId, d.PatternId, Utc(d.StartedAtUtc), Utc(d.DueAtUtc), d.GuildId, d.ChannelId)
        {
            State = d.State,
            EndedAt = d.EndedAtUtc is { } e ? Utc(e) : null,
            FiredLate = d.FiredLate,
            SelfAssessment = d.SelfAssessment,
        };
}
