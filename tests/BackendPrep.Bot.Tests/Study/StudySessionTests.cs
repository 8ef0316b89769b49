using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Bot.Tests.Study;

public sealed class StudySessionTests
{
    private static TempContent Content() => TempContent.Minimal()
        .With("study-patterns.md", """
            ## a: Endpoint postmortem
            Time box: 12 min
            Walk one endpoint end to end.
            1. Happy path latency
            2. Degrade path

            ## b: Distributed diagram
            Time box: 35 min
            Draw it.
            1. Boxes
            """)
        .With("templates/incident-template.md", """
            ---
            id: incident-template
            title: Incident compression
            ---

            ## impact: Impact and duration
            Who was hurt and for how long.
            Concepts: impact, customers affected, minutes, duration

            ## detection-gap: Detection gap
            How long until we knew.
            Concepts: detected, alert, noticed

            ## mitigation: Immediate mitigation
            What stopped the bleeding.
            Concepts: rolled back, rollback, failover

            ## remedy: Permanent remedy
            What fixed the cause.
            Concepts: fixed, root cause

            ## guard: Automated guard
            What stops it recurring.
            Concepts: alert, test, guard, canary
            """);

    [Fact]
    public async Task Pattern_a_says_times_up_after_twelve_minutes_of_test_controlled_time()
    {
        using var content = Content();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var console = new LiveConsole(content.Root, time);

        console.Type("/study pattern:A");
        var started = await console.WaitForAsync("Study session A — Endpoint postmortem");
        time.Advance(TimeSpan.FromMinutes(11));
        console.Type("/study pattern:b");
        await console.WaitForAsync("You already have session A running (1 min left)", started);
        Assert.DoesNotContain("Time's up", console.Output, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMinutes(1));
        var up = await console.WaitForAsync("⏰ Time's up on study session A (Endpoint postmortem).");
        console.Type("1");
        await console.WaitForAsync("How did the session go?", up);
        console.Type("Latency budget was clear, degrade path was vague");
        await console.WaitForAsync("Noted.", up);

        Assert.Equal(0, await console.EndAsync());
        Assert.Equal(1, Count(console.Output, "Time's up"));
    }

    [Fact]
    public async Task A_session_that_fell_due_while_the_bot_was_down_fires_once_on_start_marked_late()
    {
        using var content = Content();
        var db = Path.Combine(Path.GetTempPath(), $"bp-late-{Guid.NewGuid():N}.db");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using (var first = new LiveConsole(content.Root, time, databasePath: db))
        {
            first.Type("/study pattern:a");
            await first.WaitForAsync("Study session A");
            await first.EndAsync();
        }

        time.Advance(TimeSpan.FromHours(1));
        await using (var second = new LiveConsole(content.Root, time, databasePath: db))
        {
            await second.WaitForAsync("late: I was offline when it ended at 09:12 UTC");
            second.Type("/study pattern:stop");
            await second.WaitForAsync("You have no study session running.");
            await second.EndAsync();
            Assert.Equal(1, Count(second.Output, "Time's up"));
        }

        File.Delete(db);
    }

    [Fact]
    public async Task Stop_ends_the_session_and_no_times_up_follows()
    {
        using var content = Content();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var console = new LiveConsole(content.Root, time);

        console.Type("/study pattern:a");
        await console.WaitForAsync("Study session A");
        time.Advance(TimeSpan.FromMinutes(5));
        console.Type("/study pattern:stop");
        await console.WaitForAsync("Stopped session A after 5 min.");
        time.Advance(TimeSpan.FromMinutes(30));
        console.Type("/help");
        await console.WaitForAsync("BackendPrep commands");

        Assert.Equal(0, await console.EndAsync());
        Assert.DoesNotContain("Time's up", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Incident_form_checks_each_part_and_names_the_missing_ones()
    {
        using var content = Content();

        var (_, output) = await ConsoleSession.RunAsync(content.Root, """
            /incident
            Checkout failed for 40 minutes and about 12 percent of customers were affected at peak.
            Ops
            We rolled back the deploy within ten minutes of the first alert firing on errors.

            A canary stage with an automatic rollback guard now blocks releases that raise errors.
            """);

        Assert.Contains("== Incident story: 3/5 parts solid ==", output, StringComparison.Ordinal);
        Assert.Contains("✓ **Impact and duration**", output, StringComparison.Ordinal);
        Assert.Contains("~ **Detection gap** — too thin (1 words)", output, StringComparison.Ordinal);
        Assert.Contains("✗ **Permanent remedy** — missing", output, StringComparison.Ordinal);
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
