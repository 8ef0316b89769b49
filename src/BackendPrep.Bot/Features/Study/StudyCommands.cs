using System.Globalization;
using System.Text;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Sessions;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;
using BackendPrep.Core.Text;

namespace BackendPrep.Bot.Features.Study;

internal sealed class StudyCommands(StudyContent content, IStudySessionStore sessions, StudyTimerSignal timer, TimeProvider time)
{
    public const int AssessmentMaxLength = 300;

    /// <summary>The pattern choice that stops the running session: one command covers start and stop.</summary>
    public const string Stop = "stop";

    public ValueTask<Response> RunAsync(Invocation invocation, CancellationToken ct)
    {
        var patternId = (invocation.Option("pattern") ?? "").Trim().ToLowerInvariant();
        return patternId == Stop ? StopAsync(invocation, ct) : StartAsync(invocation, patternId, ct);
    }

    private async ValueTask<Response> StartAsync(Invocation invocation, string patternId, CancellationToken ct)
    {
        var pattern = content.Pattern(patternId)
            ?? throw new UserFacingException($"There is no study pattern \"{QuotedText.Inert(patternId, 40)}\". Choose {string.Join(", ", content.Patterns.Select(p => p.Id.ToUpperInvariant()))}.");
        var now = time.GetUtcNow();
        var session = new StudySession(Guid.NewGuid().ToString("N"), invocation.User.Id, pattern.Id, now, now + pattern.TimeBox,
            invocation.GuildId, invocation.ChannelId);
        var (running, started) = await sessions.StartAsync(session, ct);
        if (!started)
        {
            var left = running.DueAt - now;
            throw new UserFacingException(
                $"You already have session {running.PatternId.ToUpperInvariant()} running ({Minutes(left)} left). Finish it or use `/study pattern:stop` first.");
        }

        timer.Wake();
        var steps = new StringBuilder(pattern.Summary).AppendLine().AppendLine();
        for (var i = 0; i < pattern.Steps.Count; i++)
        {
            steps.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. {pattern.Steps[i]}");
        }

        return Reply.Show(new ReplyCard($"Study session {pattern.Id.ToUpperInvariant()} — {pattern.Title}", steps.ToString().TrimEnd())
        {
            Accent = 0xF59E0B,
            Footer = $"Time box: {Minutes(pattern.TimeBox)}. I'll tell you when time's up; /study pattern:stop ends it early.",
        });
    }

    private async ValueTask<Response> StopAsync(Invocation invocation, CancellationToken ct)
    {
        var stopped = await sessions.StopAsync(invocation.User.Id, time.GetUtcNow(), ct);
        timer.Wake();
        return Reply.Say(stopped is null
            ? "You have no study session running. Start one with `/study pattern:A`."
            : $"Stopped session {stopped.PatternId.ToUpperInvariant()} after {Minutes(time.GetUtcNow() - stopped.StartedAt)}.");
    }

    public ValueTask<Response> AskAssessmentAsync(CustomId id) => ValueTask.FromResult<Response>(new FormResponse(new Form(
        "How did the session go?",
        CustomId.For(StudyFeature.AssessFormRoute, id.Owner, id.Arg(0)),
        [new FormField("assessment", "One line: what went well, what to redo", FieldStyle.Short, MaxLength: AssessmentMaxLength)])));

    public async ValueTask<Response> RecordAssessmentAsync(Invocation invocation, CustomId id, CancellationToken ct)
    {
        var text = (invocation.Fields.GetValueOrDefault("assessment") ?? "").Trim();
        if (text.Length == 0)
        {
            throw new UserFacingException("The note was empty, so I kept nothing. Press the button again to write one line.");
        }

        if (text.Length > AssessmentMaxLength)
        {
            throw new UserFacingException($"Please keep it to one line of {AssessmentMaxLength} characters; yours has {text.Length}.");
        }

        var saved = await sessions.RecordAssessmentAsync(invocation.User.Id, id.Arg(0), text, ct);
        return Reply.Say(saved ? "Noted. It shows up in `/progress` with your study sessions." : "I couldn't find that session any more.");
    }

    internal static string Minutes(TimeSpan span) =>
        span.TotalMinutes >= 1 ? $"{Math.Ceiling(span.TotalMinutes):0} min" : $"{Math.Max(0, span.TotalSeconds):0} s";
}
