using BackendPrep.Content;
using BackendPrep.Core.Drills;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Study;
using BackendPrep.Testing;
using BenchmarkDotNet.Attributes;

namespace BackendPrep.Benchmarks;

/// <summary>Content load, grading one answer, one FSRS review step and topic search: the per-request domain costs.</summary>
[MemoryDiagnoser]
public class StudyBenchmarks
{
    private const string Answer =
        "I would verify the HMAC signature with the signing secret before anything else and reject unsigned calls. " +
        "Each event id is stored in a processed-events table with a unique constraint so duplicates are ignored. " +
        "The order update and the event record commit in one database transaction. " +
        "The provider retries with backoff because delivery is at-least-once, and after five failures the event goes to a dead letter queue. " +
        "Replaying an old event changes nothing because we check the stored state first.";

    private StudyContent _content = null!;
    private AnswerGrader _grader = null!;
    private FsrsScheduler _scheduler = null!;
    private ReviewCard _card = null!;
    private TopicFinder _finder = null!;
    private readonly DateTimeOffset _now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [GlobalSetup]
    public void Setup()
    {
        _content = ContentLoader.LoadOrThrow(RepoPaths.Content);
        _grader = new AnswerGrader();
        _scheduler = new FsrsScheduler();
        _card = _scheduler.Review(ReviewCard.New("cue.x", _now), Rating.Good, _now).Next;
        _finder = new TopicFinder(_content.Topics);
        var prompt = _content.Prompt("payment-webhook")!;
        _grader.Grade(prompt.Id, prompt.Rubric, Answer);
    }

    [Benchmark]
    public StudyContent LoadContent() => ContentLoader.LoadOrThrow(RepoPaths.Content);

    [Benchmark]
    public GradeResult GradeAnswer()
    {
        var prompt = _content.Prompt("payment-webhook")!;
        return _grader.Grade(prompt.Id, prompt.Rubric, Answer);
    }

    [Benchmark]
    public ReviewCard FsrsReviewStep() => _scheduler.Review(_card, Rating.Good, _now.AddDays(3)).Next;

    [Benchmark]
    public IReadOnlyList<Topic> TopicAutocomplete() => _finder.Search("idem");
}
