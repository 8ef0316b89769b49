using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Drills;
using BackendPrep.Core.Progress;
using BackendPrep.Core.Replies;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace BackendPrep.Benchmarks;

/// <summary>
/// LiteDB under the bot's stores with 100,000 users in the file: recording one review, and <c>/progress</c> for a user
/// with 5,000 reviews, both the report the stores feed and the whole command (report, chart PNG, reply).
/// </summary>
[MemoryDiagnoser]
public class StorageBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private SeededStudyDatabase _db = null!;
    private IReviewStore _reviews = null!;
    private FsrsScheduler _scheduler = null!;
    private InteractionRouter _router = null!;
    private StudyContent _content = null!;
    private ReviewCard _card = null!;
    private DateTimeOffset _reviewAt;
    private Invocation _progress = null!;

    [GlobalSetup]
    public void Setup()
    {
        _db = new SeededStudyDatabase(Now);
        _reviews = _db.Services.GetRequiredService<IReviewStore>();
        _content = _db.Services.GetRequiredService<StudyContent>();
        _router = _db.Services.GetRequiredService<InteractionRouter>();
        _scheduler = new FsrsScheduler();
        var cards = _reviews.CardsAsync(SeededStudyDatabase.LightUser(42), CancellationToken.None).GetAwaiter().GetResult();
        _card = cards[0];
        _reviewAt = Now;
        _progress = new Invocation
        {
            Kind = InvocationKind.Command,
            Id = "1",
            User = new Member(SeededStudyDatabase.HeavyUser, "heavy"),
            Command = "progress",
            ChannelId = "5",
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _db.Dispose();

    /// <summary>A light user rates a card they know: the conditional card update and the log insert, as /drill does it.</summary>
    [Benchmark]
    public async Task<bool> RecordReview()
    {
        _reviewAt = _reviewAt.AddHours(1);
        var (next, log) = _scheduler.Review(_card, Rating.Good, _reviewAt);
        var stored = await _reviews.TryRecordAsync(SeededStudyDatabase.LightUser(42), next, _card.Reps, log, CancellationToken.None);
        _card = next;
        return stored ? true : throw new InvalidOperationException("the review was not stored");
    }

    /// <summary>Every store read /progress makes for the heavy user, then the report built from them.</summary>
    [Benchmark]
    public async Task<ProgressSummary> ProgressReportHeavyUser()
    {
        var user = SeededStudyDatabase.HeavyUser;
        var services = _db.Services;
        var settings = await services.GetRequiredService<IDrillSettingsStore>().GetAsync(user, CancellationToken.None);
        var input = new ProgressInput(
            await services.GetRequiredService<ITopicProgressStore>().LearnedAsync(user, CancellationToken.None),
            await services.GetRequiredService<IAttemptStore>().ForUserAsync(user, CancellationToken.None),
            await _reviews.MomentsAsync(user, CancellationToken.None),
            await _reviews.CardsAsync(user, CancellationToken.None),
            await services.GetRequiredService<IStudySessionStore>().HistoryAsync(user, CancellationToken.None),
            settings.Zone());
        return input.Reviews.Count >= SeededStudyDatabase.HeavyReviews
            ? ProgressReport.Build(_content, input, Now)
            : throw new InvalidOperationException($"expected {SeededStudyDatabase.HeavyReviews} reviews, read {input.Reviews.Count}");
    }

    /// <summary>The whole <c>/progress</c> command through the router: the reads above, the report, the chart PNG and the reply.</summary>
    [Benchmark]
    public async Task<Response> ProgressCommandHeavyUser()
    {
        await using var scope = _db.Services.CreateAsyncScope();
        var response = await _router.DispatchAsync(_progress, scope.ServiceProvider, CancellationToken.None);
        return response is MessageResponse { Reply.File: not null } ? response : throw new InvalidOperationException($"unexpected reply: {response}");
    }
}
