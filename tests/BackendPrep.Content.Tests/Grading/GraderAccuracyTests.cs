using System.Diagnostics;
using BackendPrep.Core.Grading;
using Xunit.Abstractions;

namespace BackendPrep.Content.Tests.Grading;

/// <summary>
/// Grades every hand-labelled answer in eval-set.jsonl against the real rubrics and holds the grader to a floor.
/// Reproduce the figures in docs/grading.md with:
/// dotnet test tests/BackendPrep.Content.Tests --filter GraderAccuracyTests --logger "console;verbosity=detailed"
/// </summary>
public sealed class GraderAccuracyTests(ITestOutputHelper output)
{
    // Target: micro-F1 ≥ 0.90 with precision ≥ 0.90. Measured 2026-11-29 (docs/grading-journal.md), lexical only, with
    // the recall work: P 0.975 / F1 0.893 on all 185 answers, and on the 48 blind answers P 0.968 / F1 0.850.
    // The gap is paraphrase. Floors sit just under what is reached; the semantic path has its own test in the Bot tests.
    private const double MicroF1Floor = 0.88;
    private const double MicroPrecisionFloor = 0.90;
    private const double WithoutParaphraseF1Floor = 0.95;
    private const double BlindF1Floor = 0.84;
    private const double MeanGradeMicrosecondsCeiling = 5000;

    // The second blind set (now calibration data too): P 0.933 / R 0.755 / F1 0.835 with partial concept matches, irregular verb forms and plain synonyms
    // (before them 0.921 / 0.633 / 0.750). Below the target; the floors only stop it getting worse.
    private const double SecondBlindF1Floor = 0.83;
    private const double SecondBlindPrecisionFloor = 0.90;

    // The third blind set: blind, P 0.638 / R 0.820 / F1 0.717 (name-dropping lists and dismissals without a negator);
    // after the name-list and dismissal rules, which read its misses, P 0.857 / R 0.820 / F1 0.838; after the judgement
    // rules (referring and relative dismissals, conceded cost words), P 0.892 / R 0.820 / F1 0.854; after the stance
    // rules (docs/grading-journal.md), P 0.904 / R 0.820 / F1 0.860.
    private const double ThirdBlindF1Floor = 0.85;
    private const double ThirdBlindPrecisionFloor = 0.89;

    // The fourth blind set, measured once while blind: P 0.775 / R 0.716 / F1 0.744 (24 false positives on the 12
    // negation answers, paraphrase recall 0.35); after the predicate judgement rules (harm verbs, judgement nouns,
    // praise at a distance, lists closed by "and so on", referring pronouns, clefts, dislike, verbless questions),
    // P 0.851 / R 0.716 / F1 0.777; after the stance rules, P 0.879 / R 0.716 / F1 0.789. Far below the target; the
    // floors only stop it getting worse.
    private const double FourthBlindF1Floor = 0.78;
    private const double FourthBlindPrecisionFloor = 0.86;

    // The fifth blind set, measured once while blind (after the predicate judgement rules): P 0.789 / R 0.784 /
    // F1 0.786 (19 false positives on the 12 negation answers, paraphrase recall 0.38); after the stance rules, which
    // were written from its false positives, P 0.873 / R 0.784 / F1 0.826. The floors only stop it getting worse.
    private const double FifthBlindF1Floor = 0.82;
    private const double FifthBlindPrecisionFloor = 0.86;

    // The sixth blind set, measured once while blind (after the stance rules): P 0.727 / R 0.782 / F1 0.754 (29 false
    // positives on the 12 negation answers, paraphrase recall 0.47); after the verdict rules, which were written from
    // its false positives, P 0.806 / R 0.782 / F1 0.794. The floors only stop it getting worse.
    private const double SixthBlindF1Floor = 0.78;
    private const double SixthBlindPrecisionFloor = 0.79;

    // The seventh blind set, measured blind before and after the verdict rules: P 0.698 / R 0.772 / F1 0.734 both times.
    // The floors only stop it getting worse.
    private const double SeventhBlindF1Floor = 0.73;
    private const double SeventhBlindPrecisionFloor = 0.69;

    // The eighth blind set, measured blind: P 0.693 / R 0.807 / F1 0.746. The floors only stop it getting worse.
    private const double EighthBlindF1Floor = 0.74;
    private const double EighthBlindPrecisionFloor = 0.69;

    [Fact]
    public void Eval_set_is_large_varied_and_labels_real_rubric_items()
    {
        var answers = EvalSet.Answers();
        var (prompts, _) = EvalSet.Prompts();

        Assert.True(answers.Count >= 80, $"eval set has {answers.Count} answers; at least 80 needed");
        Assert.True(answers.Select(a => a.Prompt).Distinct().Count() >= 10, "eval set must span at least 10 prompts");
        string[] styles = ["strong", "partial", "paraphrase", "acronyms", "negation", "off-topic", "buzzwords"];
        Assert.All(styles, style => Assert.Contains(answers, a => a.Style == style));
        foreach (var answer in answers)
        {
            Assert.True(prompts.TryGetValue(answer.Prompt, out var prompt), $"line {answer.Line}: unknown prompt {answer.Prompt}");
            Assert.Contains(answer.Style, styles);
            foreach (var id in answer.Covers)
            {
                Assert.True(prompt.Rubric.Item(id) is not null, $"line {answer.Line}: {answer.Prompt} has no rubric item {id}");
            }
        }
    }

    [Fact]
    public void Second_blind_set_labels_real_rubric_items_of_prompts_the_first_set_never_used() =>
        AssertLabelsRealItemsOfUnusedPrompts(EvalSet.SecondBlind(), "blind2", 48, EvalSet.Answers());

    [Fact]
    public void Third_blind_set_labels_real_rubric_items_of_prompts_the_other_sets_never_used() =>
        AssertLabelsRealItemsOfUnusedPrompts(EvalSet.ThirdBlind(), "blind3", 60, [.. EvalSet.Answers(), .. EvalSet.SecondBlind()]);

    [Fact]
    public void Fourth_blind_set_labels_real_rubric_items_of_prompts_the_other_sets_never_used() =>
        AssertLabelsRealItemsOfUnusedPrompts(EvalSet.FourthBlind(), "blind4", 72, [.. EvalSet.Answers(), .. EvalSet.SecondBlind(), .. EvalSet.ThirdBlind()]);

    [Fact]
    public void Fifth_blind_set_labels_real_rubric_items_of_prompts_the_other_sets_never_used() =>
        AssertLabelsRealItemsOfUnusedPrompts(EvalSet.FifthBlind(), "blind5", 72,
            [.. EvalSet.Answers(), .. EvalSet.SecondBlind(), .. EvalSet.ThirdBlind(), .. EvalSet.FourthBlind()]);

    [Fact]
    public void Sixth_blind_set_labels_real_rubric_items_of_prompts_the_other_sets_never_used() =>
        AssertLabelsRealItemsOfUnusedPrompts(EvalSet.SixthBlind(), "blind6", 72,
            [.. EvalSet.Answers(), .. EvalSet.SecondBlind(), .. EvalSet.ThirdBlind(), .. EvalSet.FourthBlind(), .. EvalSet.FifthBlind()]);

    [Fact]
    public void Seventh_blind_set_labels_real_rubric_items_of_prompts_the_other_sets_never_used() =>
        AssertLabelsRealItemsOfUnusedPrompts(EvalSet.SeventhBlind(), "blind7", 72,
            [.. EvalSet.Answers(), .. EvalSet.SecondBlind(), .. EvalSet.ThirdBlind(), .. EvalSet.FourthBlind(), .. EvalSet.FifthBlind(), .. EvalSet.SixthBlind()]);

    [Fact]
    public void Eighth_blind_set_labels_real_rubric_items_of_prompts_the_other_sets_never_used() =>
        AssertLabelsRealItemsOfUnusedPrompts(EvalSet.EighthBlind(), "blind8", 72,
            [.. EvalSet.Answers(), .. EvalSet.SecondBlind(), .. EvalSet.ThirdBlind(), .. EvalSet.FourthBlind(), .. EvalSet.FifthBlind(), .. EvalSet.SixthBlind(), .. EvalSet.SeventhBlind()]);

    /// <summary>Each blind set, long since calibration data, must not get worse than its recorded figure.</summary>
    public static TheoryData<string, IReadOnlyList<EvalAnswer>, double, double> BlindSets => EvalSet.BlindSetsWith(
        (SecondBlindPrecisionFloor, SecondBlindF1Floor),
        (ThirdBlindPrecisionFloor, ThirdBlindF1Floor),
        (FourthBlindPrecisionFloor, FourthBlindF1Floor),
        (FifthBlindPrecisionFloor, FifthBlindF1Floor),
        (SixthBlindPrecisionFloor, SixthBlindF1Floor),
        (SeventhBlindPrecisionFloor, SeventhBlindF1Floor),
        (EighthBlindPrecisionFloor, EighthBlindF1Floor));

    [Theory]
    [MemberData(nameof(BlindSets))]
    public void Grader_holds_its_floor_on_each_blind_set(string name, IReadOnlyList<EvalAnswer> answers, double precisionFloor, double f1Floor)
    {
        var grader = new AnswerGrader();
        var report = EvalReport.MeasureFile(answers, (prompt, answer) => grader.Grade(prompt.Id, prompt.Rubric, answer), output.WriteLine);
        report.Overall.AssertAtLeast($"{name} blind set", precisionFloor, f1Floor);
    }

    [Fact]
    public void Grader_meets_the_accuracy_floor_on_the_eval_set()
    {
        var answers = EvalSet.Answers();
        var (prompts, source) = EvalSet.Prompts();
        var grader = new AnswerGrader();
        var report = EvalReport.Measure(answers, prompts, (prompt, answer) => grader.Grade(prompt.Id, prompt.Rubric, answer));

        var elapsed = MeasureMicroseconds(grader, answers, prompts);
        output.WriteLine($"Rubrics from {source}; {answers.Count} answers; mean grade time {elapsed:F1} µs");
        output.WriteLine(report.Summary());
        output.WriteLine("");
        output.WriteLine(report.Details());

        var overall = report.Overall;
        var withoutParaphrase = report.WithoutParaphrase;
        Assert.True(overall.Precision >= MicroPrecisionFloor, $"micro precision {overall.Precision:F3} below {MicroPrecisionFloor}");
        Assert.True(overall.F1 >= MicroF1Floor, $"micro F1 {overall.F1:F3} below {MicroF1Floor}");
        Assert.True(report.Blind.F1 >= BlindF1Floor, $"micro F1 on blind answers {report.Blind.F1:F3} below {BlindF1Floor}");
        Assert.True(report.Blind.Precision >= MicroPrecisionFloor, $"micro precision on blind answers {report.Blind.Precision:F3} below {MicroPrecisionFloor}");
        Assert.True(withoutParaphrase.F1 >= WithoutParaphraseF1Floor, $"micro F1 without paraphrases {withoutParaphrase.F1:F3} below {WithoutParaphraseF1Floor}");
        Assert.True(withoutParaphrase.Precision >= MicroPrecisionFloor, $"micro precision without paraphrases {withoutParaphrase.Precision:F3} below {MicroPrecisionFloor}");
        // Release builds grade an eval answer in ~60 µs. This guard runs in Debug on shared, busy CI machines, so it
        // only catches a gross regression (e.g. quadratic matching), not a few tens of percent.
        Assert.True(elapsed < MeanGradeMicrosecondsCeiling, $"mean grade time {elapsed:F0} µs exceeds {MeanGradeMicrosecondsCeiling} µs");
    }

    /// <summary>
    /// Mean time to grade one eval answer with warm caches (compiled rubrics reused, as in production); the fastest of
    /// several passes, so a busy build machine does not make the figure noise.
    /// </summary>
    private static double MeasureMicroseconds(AnswerGrader grader, IReadOnlyList<EvalAnswer> answers, IReadOnlyDictionary<string, Core.Prompts.InterviewPrompt> prompts)
    {
        var best = double.MaxValue;
        for (var pass = 0; pass < 10; pass++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var answer in answers)
            {
                var prompt = prompts[answer.Prompt];
                grader.Grade(prompt.Id, prompt.Rubric, answer.Answer);
            }

            best = Math.Min(best, watch.Elapsed.TotalMicroseconds / answers.Count);
        }

        return best;
    }

    private static void AssertLabelsRealItemsOfUnusedPrompts(IReadOnlyList<EvalAnswer> answers, string set, int minimum, IReadOnlyList<EvalAnswer> earlier)
    {
        var used = earlier.Select(a => a.Prompt).ToHashSet(StringComparer.Ordinal);
        var (prompts, _) = EvalSet.Prompts();

        Assert.True(answers.Count >= minimum, $"{set} has {answers.Count} answers; at least {minimum} needed");
        foreach (var answer in answers)
        {
            Assert.Equal(set, answer.Set);
            Assert.DoesNotContain(answer.Prompt, used);
            Assert.True(prompts.TryGetValue(answer.Prompt, out var prompt), $"line {answer.Line}: unknown prompt {answer.Prompt}");
            Assert.All(answer.Covers, id => Assert.True(prompt.Rubric.Item(id) is not null, $"line {answer.Line}: {answer.Prompt} has no rubric item {id}"));
        }
    }
}
