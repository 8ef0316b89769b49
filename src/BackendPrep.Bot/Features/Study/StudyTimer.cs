using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Interactions;
using BackendPrep.Bot.Transports;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Sessions;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Bot.Features.Study;

/// <summary>Wakes the timer early when a session starts or stops, so it never sleeps past a new due time.</summary>
internal sealed class StudyTimerSignal : WakeSignal;

/// <summary>
/// Fires "time's up" for study sessions. Sessions are persisted with their due time, so one that fell due while the
/// bot was down fires once on start, marked late; the conditional finish in the store makes each fire exactly once.
/// </summary>
internal sealed class StudyTimer(
    IStudySessionStore sessions,
    StudyContent content,
    IChannelMessenger messenger,
    StudyTimerSignal signal,
    TimeProvider time,
    ILogger<StudyTimer> log) : ScheduledLoop(time, log, signal)
{
    /// <summary>Re-check at least this often, as a backstop against a missed wake-up.</summary>
    protected override TimeSpan MaxSleep { get; } = TimeSpan.FromMinutes(1);

    protected internal override async Task<DateTimeOffset?> RunDueAsync(CancellationToken ct)
    {
        await FireDueAsync(ct);
        return await sessions.NextDueAsync(ct);
    }

    internal async Task FireDueAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow();
        foreach (var session in await sessions.DueAsync(now, ct))
        {
            var late = now - session.DueAt > StudySession.LateAfter;
            if (!await sessions.FinishAsync(session.Id, now, late, ct))
            {
                continue;
            }

            await AnnounceAsync(session, late, ct);
        }
    }

    private async Task AnnounceAsync(StudySession session, bool late, CancellationToken ct)
    {
        var title = content.Pattern(session.PatternId)?.Title ?? session.PatternId;
        var text = late
            ? $"⏰ Time's up on study session {session.PatternId.ToUpperInvariant()} ({title}) — late: I was offline when it ended at {session.DueAt:HH:mm} UTC."
            : $"⏰ Time's up on study session {session.PatternId.ToUpperInvariant()} ({title}).";
        var reply = new Reply
        {
            Text = $"<@{session.UserId}> {text} How did it go? Record one line so you can see your progress.",
            Rows = [ControlRow.Of(new Button("Record how it went", CustomId.For(StudyFeature.AssessRoute, session.UserId, session.Id), ControlStyle.Primary))],
            Visibility = Visibility.Public,
        };
        var destination = session.ChannelId is { } channel ? Destination.Channel(channel, mentionUserId: session.UserId) : Destination.Direct(session.UserId);
        try
        {
            await messenger.PostAsync(destination, reply, ct);
        }
        catch (DeliveryException ex)
        {
            // The session is finished either way; a lost "time's up" is not worth a retry loop.
            Log.LogWarning("Could not post time's up for session {SessionId}: {Failure}", session.Id, ex.Failure);
        }
    }

}
