using BackendPrep.Core.Drills;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Progress;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Reminders;
using BackendPrep.Core.Sessions;
using BackendPrep.Core.Study;
using LiteDB;

namespace BackendPrep.Storage.Tests;

public sealed class UserDataStoreTests
{
    private const string Alice = "100000000000000001";
    private const string Bob = "100000000000000002";
    private static readonly DateTimeOffset At = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static readonly InterviewPrompt Prompt = new("webhook", "idempotency", Level.Senior, "Webhook", "Design it.",
        new Rubric([new RubricItem("sig", "Signature", ["sig"], "Sig?", new SourceRef("p.md", 2))]), [], new SourceRef("p.md", 1));

    /// <summary>Writes one user's data through every store that exists, plus a collection no store knows (a future feature's).</summary>
    private static async Task WriteEverythingAsync(LiteDbStore store, string user, string tag)
    {
        await new TopicProgressStore(store).MarkLearnedAsync(user, "caching", At, default);
        await new StudySessionStore(store).StartAsync(new StudySession($"s-{tag}", user, "a", At, At.AddMinutes(12), "g1", "c1"), default);
        var attempts = new AttemptStore(store);
        await attempts.TryAddAsync(PromptAttempt.First($"a-{tag}", user, Prompt, "sig", new GradeResult(Prompt.Id, [new("sig", true, "sig")]), At), default);
        await attempts.MarkShownAsync(user, Prompt.Id, At, default);
        await new GroupRoundStore(store).AddAsync(new GroupRound($"r-{tag}", Prompt.Id, user, "name", "g1", "c1", "m1", At), default);
        await new PrivacyStore(store).SetPublicAsync(user, PublicFields.All, default);
        await new ProfileStore(store).RecordUseAsync("g1", user, "name", At, default);
        var reviews = new ReviewStore(store);
        var card = ReviewCard.New("card-1", At);
        var (next, log) = new FsrsScheduler().Review(card, Rating.Good, At);
        Assert.True(await reviews.TryRecordAsync(user, next, 0, log, default));
        await reviews.AppendAsync(user, ReviewLog.ForCram(next, Rating.Easy, At.AddMinutes(1)), default);
        await new DrillSettingsStore(store).SaveAsync(new DrillSettings(user) { TimeZone = "Europe/Paris", LastGuildId = "g1" }, default);
        await new ReminderStore(store).SaveAsync(new ReminderConfig(ReminderConfig.NudgeId(user), ReminderKind.Nudge, new ReminderSchedule(new TimeOnly(9, 0), "UTC", ReminderSchedule.EveryDay)) { UserId = user }, default);
        store.Database.GetCollection("future_feature").Insert(new BsonDocument { ["UserId"] = user, ["Note"] = "x" });
    }

    private static List<string> DocumentsMentioning(LiteDbStore store, string user) =>
        [.. store.Database.GetCollectionNames()
            .SelectMany(name => store.Database.GetCollection(name).FindAll().Select(d => $"{name}: {JsonSerializer.Serialize(d)}"))
            .Where(json => json.Contains(user, StringComparison.Ordinal))];

    [Fact]
    public async Task Erase_removes_everything_of_the_user_in_every_collection_and_nothing_of_anyone_else()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        await WriteEverythingAsync(store, Alice, "alice");
        await WriteEverythingAsync(store, Bob, "bob");
        var bobBefore = DocumentsMentioning(store, Bob);
        var data = new UserDataStore(store);

        var removed = await data.EraseAsync(Alice, default);

        Assert.Empty(DocumentsMentioning(store, Alice));
        Assert.Equal(bobBefore, DocumentsMentioning(store, Bob));
        Assert.Equal(1, removed["topic_progress"]);
        Assert.Equal(1, removed["prompt_attempts"]);
        Assert.Equal(1, removed["future_feature"]);
        Assert.Equal(2, removed.Where(r => r.Key.Contains("review", StringComparison.Ordinal) && r.Key.Contains("log", StringComparison.Ordinal)).Sum(r => r.Value));
        Assert.Equal(1, removed["drill_settings"]);
        Assert.Equal(1, removed["reminders"]);
        Assert.Equal(1, removed["review_days"]);
        Assert.Equal(bobBefore.Count, removed.Values.Sum());
        Assert.Empty(await data.InventoryAsync(Alice, default));
        Assert.Empty(await data.EraseAsync(Alice, default));
    }

    [Fact]
    public async Task Export_holds_every_document_of_the_user_and_none_of_anyone_else()
    {
        using var temp = new TempDatabase();
        using var store = temp.Open();
        await WriteEverythingAsync(store, Alice, "alice");
        await WriteEverythingAsync(store, Bob, "bob");
        var data = new UserDataStore(store);

        var json = await data.ExportJsonAsync(Alice, At, default);
        var inventory = await data.InventoryAsync(Alice, default);

        var export = JsonSerializer.Deserialize(json).AsDocument;
        Assert.Equal(Alice, export["userId"].AsString);
        var collections = export["collections"].AsDocument;
        Assert.Equal(DocumentsMentioning(store, Alice).Count, collections.Values.Sum(v => v.AsArray.Count));
        Assert.Equal(inventory.Keys.Order(StringComparer.Ordinal), collections.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("future_feature", collections.Keys);
        Assert.Contains("review_days", collections.Keys);
        Assert.DoesNotContain(Bob, json, StringComparison.Ordinal);
        Assert.Contains("\"sig\"", json, StringComparison.Ordinal);
    }
}
