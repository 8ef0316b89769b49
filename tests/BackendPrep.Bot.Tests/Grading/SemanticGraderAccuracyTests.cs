using System.Collections.Concurrent;
using System.Globalization;
using BackendPrep.Bot.Grading;
using BackendPrep.Content.Tests.Grading;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Prompts;
using Xunit.Abstractions;

namespace BackendPrep.Bot.Tests.Grading;

/// <summary>
/// The lexical grader plus MiniLM similarity, on the same eval set as GraderAccuracyTests. The settings (threshold,
/// margin, lead threshold, lead) are chosen by leave-prompts-out cross-validation: the prompts are dealt into six folds,
/// each fold is graded with the settings that do best on the other five, and the pooled held-out figure is what unseen
/// prompts can expect. The defaults must also sit near the best point on the non-blind answers. Loads the real model
/// (~15–40 s on two cores). Reproduce the figures in docs/grading.md with:
/// dotnet test tests/BackendPrep.Bot.Tests --filter SemanticGraderAccuracyTests --logger "console;verbosity=detailed"
/// </summary>
[Collection(CpuBound.Name)]
public sealed class SemanticGraderAccuracyTests(SemanticGraderAccuracyTests.Model model, ITestOutputHelper output)
    : IClassFixture<SemanticGraderAccuracyTests.Model>
{
    // Measured 2026-11-29 07:40 UTC (docs/grading-journal.md, after the lexical recall work) with the defaults: P 0.953 / F1 0.925
    // on all answers, P 0.955 / F1 0.918 on the blind ones; cross-validated P 0.955 / F1 0.921. Floors sit just under;
    // the precision floor is the issue's target.
    private const double PrecisionFloor = 0.90;
    private const double F1Floor = 0.92;
    private const double BlindF1Floor = 0.91;
    private const double CrossValidatedF1Floor = 0.915;

    // The second blind set (calibration data since the recall work), with the defaults: P 0.871 / R 0.830 / F1 0.850
    // (before the recall work P 0.865 / F1 0.799), against lexical P 0.933 / F1 0.835. Precision is short of the
    // target, which is why semantic matching is off by default; the floors only stop it getting worse.
    private const double SecondBlindF1Floor = 0.84;
    private const double SecondBlindPrecisionFloor = 0.86;

    // The third blind set with the defaults: blind, P 0.603 / R 0.925 / F1 0.730; after the lexical name-list and
    // dismissal rules (which also gate the semantic path), P 0.767 / R 0.919 / F1 0.836. Precision is far short of
    // the target, so semantic stays off by default; the floors only stop it getting worse. After the predicate judgement
    // rules (docs/grading-journal.md), P 0.796 / R 0.919 / F1 0.853; after the stance rules and the rejected-sentence filter,
    // P 0.809 / R 0.919 / F1 0.860.
    private const double ThirdBlindF1Floor = 0.85;
    private const double ThirdBlindPrecisionFloor = 0.80;

    // The fourth blind set with the defaults, measured once while blind: P 0.718 / R 0.847 / F1 0.777 (lexical
    // 0.775 / 0.716 / 0.744); after the predicate judgement rules, P 0.752 / R 0.847 / F1 0.797; after the stance rules
    // and the rejected-sentence filter, P 0.791 / R 0.847 / F1 0.818. Semantic stays off by default; the floors only
    // stop it getting worse.
    private const double FourthBlindF1Floor = 0.81;
    private const double FourthBlindPrecisionFloor = 0.78;

    // The fifth blind set with the defaults, measured once while blind: P 0.752 / R 0.898 / F1 0.819 (lexical
    // 0.789 / 0.784 / 0.786); after the stance rules and the rejected-sentence filter, P 0.819 / R 0.898 / F1 0.856.
    // Semantic stays off by default; the floors only stop it getting worse.
    private const double FifthBlindF1Floor = 0.85;
    private const double FifthBlindPrecisionFloor = 0.81;

    // The sixth blind set with the defaults, measured once while blind (after the stance rules and the rejected-sentence
    // filter): P 0.695 / R 0.953 / F1 0.804 (lexical 0.727 / 0.782 / 0.754); after the verdict rules, which were
    // written from its false positives, P 0.753 / R 0.953 / F1 0.842. The floors only stop it getting worse.
    private const double SixthBlindF1Floor = 0.83;
    private const double SixthBlindPrecisionFloor = 0.74;

    // The seventh blind set with the defaults, measured blind before and after the verdict rules: P 0.642 / R 0.906 /
    // F1 0.751 both times (lexical 0.698 / 0.772 / 0.734). The floors only stop it getting worse.
    private const double SeventhBlindF1Floor = 0.74;
    private const double SeventhBlindPrecisionFloor = 0.63;

    // The eighth blind set with the defaults, measured blind: P 0.609 / R 0.893 / F1 0.725 (lexical 0.693 / 0.807 /
    // 0.746). The floors only stop it getting worse.
    private const double EighthBlindF1Floor = 0.72;
    private const double EighthBlindPrecisionFloor = 0.60;

    /// <summary>Calibration may only prefer settings that keep this precision on the answers it is tuned on.</summary>
    private const double CalibrationPrecision = 0.95;

    private const int Folds = 6;

    private static readonly double[] Thresholds = [.. Enumerable.Range(0, 7).Select(i => 0.375 + (0.025 * i))];
    private static readonly double[] Margins = [0.0, 0.02, 0.05, 0.1];
    private static readonly double[] LeadThresholds = [0.0, 0.3, 0.325, 0.35, 0.375];
    private static readonly double[] Leads = [0.02, 0.03, 0.05];

    [Fact]
    public void Semantic_signal_is_cross_validated_across_prompts_and_keeps_precision()
    {
        var answers = EvalSet.Answers();
        var (prompts, _) = EvalSet.Prompts();
        var lexicalGrader = new AnswerGrader();
        var lexical = EvalReport.Measure(answers, prompts, (prompt, answer) => lexicalGrader.Grade(prompt, answer));

        var grid = (from threshold in Thresholds
                    from margin in Margins
                    from leadThreshold in LeadThresholds
                    from lead in leadThreshold == 0 ? [0.0] : Leads
                    let settings = new SemanticMatching(model.Encoder, threshold, margin) { LeadThreshold = leadThreshold, Lead = lead }
                    select (Settings: settings, Grades: GradeAll(new AnswerGrader(settings), answers, prompts))).ToList();

        var best = Best(grid, answers, a => !a.Blind);
        var defaults = grid.Single(g => g.Settings.Threshold == SemanticMatching.DefaultThreshold && g.Settings.Margin == SemanticMatching.DefaultMargin
            && g.Settings.LeadThreshold == SemanticMatching.DefaultLeadThreshold && g.Settings.Lead == SemanticMatching.DefaultLead);
        var bestNotBlind = Tally(best.Grades, answers, a => !a.Blind);
        var defaultsNotBlind = Tally(defaults.Grades, answers, a => !a.Blind);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{grid.Count} settings. Best on non-blind answers: {Describe(best.Settings)}, F1 {bestNotBlind.F1:F3}; defaults {Describe(defaults.Settings)} reach {defaultsNotBlind.F1:F3}"));

        // Leave-prompts-out: prompts sorted by id and dealt round robin, so each fold is a fixed set of whole prompts.
        var promptIds = answers.Select(a => a.Prompt).Distinct().Order(StringComparer.Ordinal).ToList();
        var crossValidated = new GradeResult[answers.Count];
        for (var fold = 0; fold < Folds; fold++)
        {
            var heldOut = promptIds.Where((_, i) => i % Folds == fold).ToHashSet(StringComparer.Ordinal);
            var chosen = Best(grid, answers, a => !heldOut.Contains(a.Prompt));
            output.WriteLine($"  fold {fold + 1} ({string.Join(", ", heldOut)}): tuned on the rest → {Describe(chosen.Settings)}");
            for (var i = 0; i < answers.Count; i++)
            {
                if (heldOut.Contains(answers[i].Prompt))
                {
                    crossValidated[i] = chosen.Grades[i];
                }
            }
        }

        var cv = Report(crossValidated, answers);
        var chosenReport = Report(defaults.Grades, answers);
        output.WriteLine("");
        output.WriteLine("LEXICAL");
        output.WriteLine(lexical.Summary());
        output.WriteLine("");
        output.WriteLine($"LEXICAL + SEMANTIC, CROSS-VALIDATED ({Folds} folds of prompts; each graded with settings tuned on the others)");
        output.WriteLine(cv.Summary());
        output.WriteLine("");
        output.WriteLine($"LEXICAL + SEMANTIC, DEFAULTS ({Describe(defaults.Settings)}); {model.Encoder.Encoded} distinct texts embedded");
        output.WriteLine(chosenReport.Summary());
        output.WriteLine("");
        output.WriteLine(chosenReport.Details());

        // The defaults must be (near) the calibrated optimum, so a changed eval set or model shows up here.
        Assert.True(defaultsNotBlind.F1 >= bestNotBlind.F1 - 0.01,
            $"defaults reach F1 {defaultsNotBlind.F1:F3} on the non-blind answers; {Describe(best.Settings)} reaches {bestNotBlind.F1:F3}");
        Assert.True(cv.Overall.Precision >= PrecisionFloor, $"cross-validated precision {cv.Overall.Precision:F3} below {PrecisionFloor}");
        Assert.True(cv.Overall.F1 >= CrossValidatedF1Floor, $"cross-validated F1 {cv.Overall.F1:F3} below {CrossValidatedF1Floor}");
        Assert.True(chosenReport.Overall.Precision >= PrecisionFloor, $"precision {chosenReport.Overall.Precision:F3} below {PrecisionFloor}");
        Assert.True(chosenReport.Blind.Precision >= PrecisionFloor, $"blind precision {chosenReport.Blind.Precision:F3} below {PrecisionFloor}");
        Assert.True(chosenReport.Overall.F1 >= F1Floor, $"F1 {chosenReport.Overall.F1:F3} below {F1Floor}");
        Assert.True(chosenReport.Blind.F1 >= BlindF1Floor, $"blind F1 {chosenReport.Blind.F1:F3} below {BlindF1Floor}");
    }

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
    public void Defaults_hold_their_floor_on_each_blind_set(string name, IReadOnlyList<EvalAnswer> answers, double precisionFloor, double f1Floor)
    {
        var grader = new AnswerGrader(new SemanticMatching(model.Encoder, SemanticMatching.DefaultThreshold, SemanticMatching.DefaultMargin));
        var report = EvalReport.MeasureFile(answers, (prompt, answer) => grader.Grade(prompt, answer), output.WriteLine);
        report.Overall.AssertAtLeast($"{name} blind set", precisionFloor, f1Floor);
    }

    [Fact]
    public void A_rejected_idea_and_a_keyword_list_earn_nothing_by_similarity()
    {
        var (prompts, _) = EvalSet.Prompts();
        var grader = new AnswerGrader(new SemanticMatching(model.Encoder, SemanticMatching.DefaultThreshold, SemanticMatching.DefaultMargin));
        var prompt = prompts["payment-webhook"];

        var negated = grader.Grade(prompt, "We would not keep a record of which deliveries we have already handled, duplicates are fine.");
        var list = grader.Grade(prompt, "Deduplication, signatures, retries, poison events, replays.");

        Assert.DoesNotContain("idempotency-key", negated.Covered);
        Assert.Empty(list.Covered);
    }

    private static GradeResult[] GradeAll(AnswerGrader grader, IReadOnlyList<EvalAnswer> answers, IReadOnlyDictionary<string, InterviewPrompt> prompts) =>
        [.. answers.Select(a => grader.Grade(prompts[a.Prompt], a.Answer))];

    /// <summary>The settings with the best F1 on the selected answers among those keeping the calibration precision.</summary>
    private static (SemanticMatching Settings, GradeResult[] Grades) Best(List<(SemanticMatching Settings, GradeResult[] Grades)> grid, IReadOnlyList<EvalAnswer> answers, Func<EvalAnswer, bool> select) =>
        grid.Select(g => (Entry: g, Tally: Tally(g.Grades, answers, select)))
            .Where(g => g.Tally.Precision >= CalibrationPrecision)
            .MaxBy(g => g.Tally.F1).Entry;

    private static EvalReport.Tally Tally(GradeResult[] grades, IReadOnlyList<EvalAnswer> answers, Func<EvalAnswer, bool> select)
    {
        var tally = new EvalReport.Tally();
        for (var i = 0; i < answers.Count; i++)
        {
            if (select(answers[i]))
            {
                foreach (var item in grades[i].Items)
                {
                    tally.Add(answers[i].Covers.Contains(item.ItemId), item.Covered);
                }
            }
        }

        return tally;
    }

    /// <summary>A report over grades already made (the grader is not called again).</summary>
    private static EvalReport Report(GradeResult[] grades, IReadOnlyList<EvalAnswer> answers)
    {
        var index = answers.Select((a, i) => (a.Line, i)).ToDictionary(x => x.Line, x => x.i);
        return EvalReport.Measure(answers, answer => grades[index[answer.Line]]);
    }

    private static string Describe(SemanticMatching s) => string.Create(CultureInfo.InvariantCulture,
        $"threshold {s.Threshold:F3}, margin {s.Margin:F2}, lead threshold {s.LeadThreshold:F3}, lead {s.Lead:F2}");

    /// <summary>The real MiniLM model (the process-wide one); every text is embedded once across the whole grid.</summary>
    public sealed class Model : IDisposable
    {
        public Model()
        {
            Encoder = new MemoisingEncoder(MiniLmSentenceEncoder.Shared);
        }

        internal MemoisingEncoder Encoder { get; }

        public void Dispose()
        {
            // The shared model lives as long as the test process; other tests' hosts use it too.
        }
    }

    internal sealed class MemoisingEncoder(ISentenceEncoder inner) : ISentenceEncoder
    {
        private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);

        public int Encoded => _vectors.Count;

        public IReadOnlyList<float[]> Encode(IReadOnlyList<string> sentences)
        {
            var missing = sentences.Where(s => !_vectors.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToArray();
            if (missing.Length > 0)
            {
                var vectors = inner.Encode(missing);
                for (var i = 0; i < missing.Length; i++)
                {
                    _vectors[missing[i]] = vectors[i];
                }
            }

            return [.. sentences.Select(s => _vectors[s])];
        }
    }
}
