using System.Globalization;
using System.Text;
using BackendPrep.Core.Grading;
using BackendPrep.Core.Prompts;

namespace BackendPrep.Content.Tests.Grading;

/// <summary>
/// Precision, recall and F1 of one grader over the eval set, sliced by set, style, prompt and item. Shared by the
/// lexical accuracy test and the semantic one (linked into the Bot tests), so both report the same way.
/// </summary>
internal sealed class EvalReport
{
    private readonly SortedDictionary<string, Tally> _byItem = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Tally> _byStyle = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Tally> _byPrompt = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, Tally> _blindByPrompt = new(StringComparer.Ordinal);
    private readonly StringBuilder _mistakes = new();

    public Tally Overall { get; } = new();
    public Tally WithoutParaphrase { get; } = new();
    public Tally NotBlind { get; } = new();
    public Tally HeldOut { get; } = new();
    public Tally HeldOutWithoutParaphrase { get; } = new();
    public Tally Blind { get; } = new();
    public Tally BlindWithoutParaphrase { get; } = new();

    public static EvalReport Measure(IReadOnlyList<EvalAnswer> answers, IReadOnlyDictionary<string, InterviewPrompt> prompts, Func<InterviewPrompt, string, GradeResult> grade) =>
        Measure(answers, answer => grade(prompts[answer.Prompt], answer.Answer));

    /// <summary>
    /// Grades one later eval file (<see cref="EvalSet.SecondBlind"/>, <see cref="EvalSet.ThirdBlind"/>) and writes its
    /// tables; both accuracy tests hold their floors on each.
    /// </summary>
    public static EvalReport MeasureFile(IReadOnlyList<EvalAnswer> answers, Func<InterviewPrompt, string, GradeResult> grade, Action<string> write)
    {
        var (prompts, _) = EvalSet.Prompts();
        var report = Measure(answers, prompts, grade);
        write(report.Summary());
        write("");
        write(report.Details());
        return report;
    }

    /// <summary>Over grades made elsewhere, e.g. each answer by the settings its cross-validation fold chose.</summary>
    public static EvalReport Measure(IReadOnlyList<EvalAnswer> answers, Func<EvalAnswer, GradeResult> grade)
    {
        var report = new EvalReport();
        foreach (var answer in answers)
        {
            report.Add(answer, grade(answer));
        }

        return report;
    }

    private void Add(EvalAnswer answer, GradeResult result)
    {
        foreach (var item in result.Items)
        {
            var expected = answer.Covers.Contains(item.ItemId);
            var key = $"{answer.Prompt}/{item.ItemId}";
            var tallies = new List<Tally> { Overall, Get(_byItem, key), Get(_byStyle, answer.Style), Get(_byPrompt, answer.Prompt) };
            if (!answer.Paraphrase)
            {
                tallies.Add(WithoutParaphrase);
            }

            if (answer.Blind)
            {
                tallies.Add(Blind);
                tallies.Add(Get(_blindByPrompt, answer.Prompt));
                if (!answer.Paraphrase)
                {
                    tallies.Add(BlindWithoutParaphrase);
                }
            }
            else
            {
                tallies.Add(NotBlind);
            }

            if (answer.HeldOut)
            {
                tallies.Add(HeldOut);
                if (!answer.Paraphrase)
                {
                    tallies.Add(HeldOutWithoutParaphrase);
                }
            }

            foreach (var tally in tallies)
            {
                tally.Add(expected, item.Covered);
            }

            if (expected != item.Covered)
            {
                _mistakes.AppendLine(CultureInfo.InvariantCulture,
                    $"  line {answer.Line} [{answer.Set}/{answer.Style}] {key}: {(item.Covered ? "FALSE POSITIVE on \"" + item.Evidence + "\"" : "missed")}");
            }
        }
    }

    public const string Header = "                                                          P      R     F1   TP   FP   FN";

    public string Summary() => string.Join(Environment.NewLine,
        Header,
        $"{"MICRO all answers",-52} {Overall}",
        $"{"MICRO without paraphrase",-52} {WithoutParaphrase}",
        $"{"MICRO not blind (tuned + holdout: calibration)",-52} {NotBlind}",
        $"{"MICRO holdout answers",-52} {HeldOut}",
        $"{"MICRO holdout without paraphrase",-52} {HeldOutWithoutParaphrase}",
        $"{"MICRO blind answers",-52} {Blind}",
        $"{"MICRO blind without paraphrase",-52} {BlindWithoutParaphrase}");

    public string Details()
    {
        var text = new StringBuilder();
        Write(text, "style", _byStyle);
        Write(text, "prompt", _byPrompt);
        Write(text, "blind answers by prompt", _blindByPrompt);
        Write(text, "item", _byItem);
        text.AppendLine("Disagreements with the labels:");
        text.AppendLine(_mistakes.Length == 0 ? "  none" : _mistakes.ToString());
        return text.ToString();
    }

    private static Tally Get(SortedDictionary<string, Tally> tallies, string key)
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tally = new Tally();
            tallies[key] = tally;
        }

        return tally;
    }

    private static void Write(StringBuilder text, string label, SortedDictionary<string, Tally> tallies)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"{label,-52} {"P",6} {"R",6} {"F1",6} {"TP",4} {"FP",4} {"FN",4}");
        foreach (var (key, tally) in tallies)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{key,-52} {tally}");
        }

        text.AppendLine();
    }

    internal sealed class Tally
    {
        public int TruePositives { get; private set; }
        public int FalsePositives { get; private set; }
        public int FalseNegatives { get; private set; }

        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public void AssertAtLeast(string what, double precisionFloor, double f1Floor)
        {
            Assert.True(Precision >= precisionFloor, $"{what}: precision {Precision:F3} below {precisionFloor}");
            Assert.True(F1 >= f1Floor, $"{what}: F1 {F1:F3} below {f1Floor}");
        }

        public void Add(bool expected, bool actual)
        {
            if (expected && actual)
            {
                TruePositives++;
            }
            else if (actual)
            {
                FalsePositives++;
            }
            else if (expected)
            {
                FalseNegatives++;
            }
        }

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Precision,6:F3} {Recall,6:F3} {F1,6:F3} {TruePositives,4} {FalsePositives,4} {FalseNegatives,4}");
    }
}
