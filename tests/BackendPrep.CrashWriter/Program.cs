using BackendPrep.Core.Drills;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Prompts;
using BackendPrep.Storage;

namespace BackendPrep.CrashWriter;

/// <summary>
/// <c>BackendPrep.CrashWriter &lt;db-file&gt; &lt;run&gt;</c>: opens the database (recovering whatever a previous kill
/// left), prints "ready", then writes until killed. Each line "ack review &lt;user&gt; &lt;card&gt; &lt;reps&gt;" or
/// "ack attempt &lt;id&gt; &lt;version&gt;" is printed only after the store call returned: the moment the bot would tell
/// the user "saved". It also stops when stdin closes, so an aborted test run leaves no writer behind.
/// </summary>
public static class Program
{
    private const int MaxSteps = 100_000;
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    public static async Task<int> Main(string[] args)
    {
        if (args is not [var path, var run, ..] || (args.Length == 3 && !int.TryParse(args[2], out _)) || args.Length > 3)
        {
            await Console.Error.WriteLineAsync("usage: BackendPrep.CrashWriter <db-file> <run> [die-after-acks]").ConfigureAwait(false);
            return 2;
        }

        // The tightest kill point: SIGKILL to itself right after an ack, while LiteDB may still hold the write in memory.
        var dieAfter = args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;

        _dieAfter = dieAfter;
        using var stopping = new CancellationTokenSource();
        _ = Task.Run(() =>
        {
            Console.In.ReadToEnd();
            stopping.Cancel();
        });

        using var store = new LiteDbStore(path);
        var reviews = new ReviewStore(store);
        var attempts = new AttemptStore(store);
        var scheduler = new FsrsScheduler();
        var output = Console.Out;
        await output.WriteLineAsync("ready").ConfigureAwait(false);

        ReviewCard? previous = null;
        for (var step = 0; step < MaxSteps && !stopping.IsCancellationRequested; step++)
        {
            var user = $"u{step % 7}";
            var at = Start.AddMinutes(step);

            // A first rating (insert) of a fresh card, and every other step a second rating of the previous card
            // (conditional update): both write paths of a drill answer.
            var (card, log) = scheduler.Review(ReviewCard.New($"r{run}-c{step}", at), Rating.Good, at);
            await Record(reviews, user, card, 0, log, output, stopping.Token).ConfigureAwait(false);
            if (previous is not null && step % 2 == 1)
            {
                var (again, againLog) = scheduler.Review(previous, Rating.Hard, at.AddDays(3));
                await Record(reviews, $"u{(step - 1) % 7}", again, previous.Reps, againLog, output, stopping.Token).ConfigureAwait(false);
            }

            previous = card;

            var attempt = new PromptAttempt($"r{run}-a{step}", user, "webhook", "idempotency", at,
                [new AttemptAnswer(AnswerKind.Original, "We verify the signature and dedupe on the event id.", at, ["sig", "dedupe"])],
                new GradeResult("webhook", [new("sig", true, "We verify the signature"), new("dedupe", step % 3 == 0, null)]));
            if (!await attempts.TryAddAsync(attempt, stopping.Token).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"attempt {attempt.Id} already stored");
            }

            await output.WriteLineAsync($"ack attempt {attempt.Id} {attempt.Version}").ConfigureAwait(false);
            Acked();
        }

        return 0;
    }

    private static async Task Record(ReviewStore reviews, string user, ReviewCard next, int expectedReps, ReviewLog log, TextWriter output, CancellationToken ct)
    {
        if (!await reviews.TryRecordAsync(user, next, expectedReps, log, ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"review of {next.CardId} by {user} was refused");
        }

        await output.WriteLineAsync($"ack review {user} {next.CardId} {next.Reps}").ConfigureAwait(false);
        Acked();
    }

    private static int _acks;
    private static int _dieAfter = int.MaxValue;

    private static void Acked()
    {
        if (++_acks >= _dieAfter)
        {
            using var self = System.Diagnostics.Process.GetCurrentProcess();
            self.Kill();
        }
    }
}
