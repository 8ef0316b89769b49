using System.Diagnostics;
using System.Globalization;
using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Transports.Console;
using BackendPrep.Core.Drills;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Prompts;
using BackendPrep.Core.Sessions;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;
using BackendPrep.Storage;
using BackendPrep.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BackendPrep.Benchmarks;

/// <summary>
/// The bot's own host (not started) over a temp LiteDB file holding <see cref="Users"/> users: one heavy user with
/// <see cref="HeavyReviews"/> reviews and everyone else with a little of everything. Seeding goes through the bot's
/// stores, batched in one LiteDB transaction per <see cref="Batch"/> users, which is what keeps it to seconds: LiteDB
/// commits every auto-transaction to its log file, while an explicit one writes its pages once at commit.
/// </summary>
public sealed class SeededStudyDatabase : IDisposable
{
    public const int Users = 100_000;
    public const int HeavyReviews = 5_000;
    private const int HeavyCards = 200;
    private const int Batch = 10_000;

    public const string HeavyUser = "300000000000000001";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"bp-bench-{Guid.NewGuid():N}.db");

    public SeededStudyDatabase(DateTimeOffset now)
    {
        Now = now;
        // BenchmarkDotNet runs each benchmark in a process of its own, so the seeded file is kept as a template beside
        // the temp files, keyed by the builds that wrote it, and each process works on a copy.
        var template = Path.Combine(Path.GetTempPath(), $"bp-bench-seed-{TemplateKey(now)}.db");
        if (!File.Exists(template))
        {
            var building = Path.ChangeExtension(template, $".{Environment.ProcessId}.db");
            var started = Stopwatch.GetTimestamp();
            using (var host = Open(building))
            {
                Seed(host.Services);
            }

            SeedTime = Stopwatch.GetElapsedTime(started);
            File.Move(building, template, overwrite: true);
            Console.WriteLine($"// seeded {Users:N0} users ({HeavyReviews:N0} reviews for the heavy one) in {SeedTime.TotalSeconds:0.0} s; file {new FileInfo(template).Length / 1_048_576.0:0} MB");
        }

        File.Copy(template, _path);
        Host = Open(_path);
    }

    public IHost Host { get; }

    public DateTimeOffset Now { get; }

    /// <summary>How long seeding took, or zero when the template file already existed.</summary>
    public TimeSpan SeedTime { get; }

    public IServiceProvider Services => Host.Services;

    /// <summary>A light user's id; <paramref name="n"/> from 1 to <see cref="Users"/> - 1.</summary>
    public static string LightUser(int n) => (400_000_000_000_000_000UL + (ulong)n).ToString(CultureInfo.InvariantCulture);

    private static IHost Open(string path)
    {
        string[] args = [$"--Storage:Path={path}", $"--Content:Path={RepoPaths.Content}", "--Bot:Console=true", "--Logging:LogLevel:Default=Warning"];
        return BotHost.CreateBuilder(args, new ConsoleIO(TextReader.Null, TextWriter.Null, Interactive: false)).Build();
    }

    private static string TemplateKey(DateTimeOffset now) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"{typeof(LiteDbStore).Assembly.ManifestModule.ModuleVersionId}|{typeof(SeededStudyDatabase).Assembly.ManifestModule.ModuleVersionId}|{now:O}")))[..12];

    private void Seed(IServiceProvider services)
    {
        var database = services.GetRequiredService<LiteDbStore>().Database;
        database.BeginTrans();
        SeedHeavyUser(services);
        database.Commit();
        for (var first = 1; first < Users; first += Batch)
        {
            database.BeginTrans();
            for (var n = first; n < Math.Min(Users, first + Batch); n++)
            {
                SeedLightUser(services, n);
            }

            database.Commit();
        }
    }

    /// <summary>Years of daily drilling: 200 cards with 25 reviews each, 40 graded prompt answers, 30 study sessions, 15 topics.</summary>
    private void SeedHeavyUser(IServiceProvider services)
    {
        var content = services.GetRequiredService<StudyContent>();
        var reviews = services.GetRequiredService<IReviewStore>();
        var scheduler = new FsrsScheduler();
        var start = Now.AddDays(-365);
        var perCard = HeavyReviews / HeavyCards;
        for (var c = 0; c < HeavyCards; c++)
        {
            var card = ReviewCard.New(content.Cards[c % content.Cards.Count].Id + (c < content.Cards.Count ? "" : $"#{c}"), start);
            for (var r = 0; r < perCard; r++)
            {
                var at = start.AddDays(r * 365.0 / perCard).AddMinutes(c);
                var (next, log) = scheduler.Review(card, r % 7 == 3 ? Rating.Again : Rating.Good, at);
                if (r < perCard - 1)
                {
                    reviews.AppendAsync(HeavyUser, log, CancellationToken.None).GetAwaiter().GetResult();
                }
                else
                {
                    reviews.TryRecordAsync(HeavyUser, next, 0, log, CancellationToken.None).GetAwaiter().GetResult();
                }

                card = next;
            }
        }

        var topics = services.GetRequiredService<ITopicProgressStore>();
        foreach (var topic in content.Topics.Take(15))
        {
            topics.MarkLearnedAsync(HeavyUser, topic.Id, start.AddDays(3), CancellationToken.None).GetAwaiter().GetResult();
        }

        var attempts = services.GetRequiredService<IAttemptStore>();
        for (var a = 0; a < 40; a++)
        {
            attempts.TryAddAsync(Attempt($"heavy-{a}", HeavyUser, content.Prompts[a % content.Prompts.Count], start.AddDays(a * 9), a), CancellationToken.None).GetAwaiter().GetResult();
        }

        var sessions = services.GetRequiredService<IStudySessionStore>();
        for (var s = 0; s < 30; s++)
        {
            var at = start.AddDays(s * 12);
            var pattern = content.Patterns[s % content.Patterns.Count];
            // Started and finished as the study timer does it: one running session per user at a time.
            var session = new StudySession($"heavy-session-{s}", HeavyUser, pattern.Id, at, at + pattern.TimeBox, null, null);
            sessions.StartAsync(session, CancellationToken.None).GetAwaiter().GetResult();
            sessions.FinishAsync(session.Id, at + pattern.TimeBox, late: false, CancellationToken.None).GetAwaiter().GetResult();
        }

        services.GetRequiredService<IDrillSettingsStore>().SaveAsync(new DrillSettings(HeavyUser) { TimeZone = "Europe/Berlin" }, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>A topic learned, drill settings, one card reviewed once, and for every tenth user one graded answer.</summary>
    private void SeedLightUser(IServiceProvider services, int n)
    {
        var content = services.GetRequiredService<StudyContent>();
        var user = LightUser(n);
        var at = Now.AddDays(-(n % 60));
        services.GetRequiredService<ITopicProgressStore>().MarkLearnedAsync(user, content.Topics[n % content.Topics.Count].Id, at, CancellationToken.None).GetAwaiter().GetResult();
        services.GetRequiredService<IDrillSettingsStore>().SaveAsync(new DrillSettings(user) { LastGuildId = "100000000000000001" }, CancellationToken.None).GetAwaiter().GetResult();
        var (card, log) = new FsrsScheduler().Review(ReviewCard.New(content.Cards[n % content.Cards.Count].Id, at), Rating.Good, at);
        services.GetRequiredService<IReviewStore>().TryRecordAsync(user, card, 0, log, CancellationToken.None).GetAwaiter().GetResult();

        if (n % 10 == 0)
        {
            services.GetRequiredService<IAttemptStore>()
                .TryAddAsync(Attempt($"light-{n}", user, content.Prompts[n % content.Prompts.Count], at, n), CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    /// <summary>A graded answer covering about two thirds of the rubric, as a real grading would store it.</summary>
    private static PromptAttempt Attempt(string id, string user, InterviewPrompt prompt, DateTimeOffset at, int seed)
    {
        var items = prompt.Rubric.Items.Select((item, i) => new ItemGrade(item.Id, (i + seed) % 3 != 0, (i + seed) % 3 != 0 ? "a sentence of the answer that showed it" : null)).ToList();
        var answer = new AttemptAnswer(AnswerKind.Original, "An answer of a few sentences. " + new string('x', 600), at, [.. items.Where(i => i.Covered).Select(i => i.ItemId)]);
        return new PromptAttempt(id, user, prompt.Id, prompt.TopicId, at, [answer], new GradeResult(prompt.Id, items));
    }

    public void Dispose()
    {
        Host.Dispose();
        File.Delete(_path);
        File.Delete(Path.ChangeExtension(_path, null) + "-log.db");
    }
}
