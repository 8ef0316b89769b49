using System.Runtime.CompilerServices;
using System.Text.Json;

namespace BackendPrep.Content.Tests.Grading;

/// <summary>
/// One hand-labelled answer: what a human interviewer says it covers. <see cref="Set"/> says how it relates to tuning:
/// "tuned" answers were written before the rubric concepts were last edited (some concepts borrow their phrasings);
/// "holdout" answers were written after that edit; "blind" answers were written from the prompt and item
/// descriptions only, without reading the concept lists, and measured before any grader change made for them.
/// </summary>
public sealed record EvalAnswer(int Line, string Prompt, string Answer, IReadOnlyList<string> Covers, string Style, string Set)
{
    public bool HeldOut => Set == "holdout";

    public bool Blind => Set == "blind";

    public bool Paraphrase => Style == "paraphrase";
}

/// <summary>
/// Reads the evaluation set from the source tree (found by walking up to the solution). Linked into the Bot tests too;
/// each project supplies its own <c>Prompts()</c> (this one may parse prompt files with Content internals).
/// </summary>
internal static partial class EvalSet
{
    /// <summary>Searched from the binaries, the working directory and this source file (binaries may live elsewhere with --artifacts-path).</summary>
    public static string RepoRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(sourceFile) })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "BackendPrep.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("BackendPrep.sln not found above the test binaries, the working directory or " + sourceFile);
    }

    /// <summary>The set the grader is tuned and cross-validated on (tuned, holdout and the first blind answers).</summary>
    public static IReadOnlyList<EvalAnswer> Answers() => Read("eval-set.jsonl");

    /// <summary>
    /// The second blind set: 60 answers to 12 prompts the first set never used, labelled from the prompt text without
    /// the concept lists and committed before the grader first saw them. Kept apart so no calibration ever uses it.
    /// </summary>
    public static IReadOnlyList<EvalAnswer> SecondBlind() => Read("eval-blind2.jsonl");

    /// <summary>
    /// The third blind set: 72 answers to 12 more prompts neither other file uses, labelled by someone else from the
    /// prompt text without the concept lists. Its first measurement is the honest held-out figure (docs/grading.md);
    /// the buzzword and dismissal rules that followed read its misses, so it is calibration data now.
    /// </summary>
    public static IReadOnlyList<EvalAnswer> ThirdBlind() => Read("eval-blind3.jsonl");

    /// <summary>
    /// The fourth blind set: 72 answers to 12 prompts written for it (content/prompts, 2026-11-29), by someone who saw
    /// only each prompt's scenario and item labels, never the concepts or the grader. Measured once, at 10:15 UTC that
    /// day (docs/grading.md); from then on it is calibration data like the others.
    /// </summary>
    public static IReadOnlyList<EvalAnswer> FourthBlind() => Read("eval-blind4.jsonl");

    /// <summary>
    /// The fifth blind set: 72 answers to 12 more prompts written for it, made the same way as the fourth while the
    /// rejection rules were being written from the fourth's misses. Measured once, at 10:52 UTC on 2026-11-29
    /// (docs/grading.md); calibration data from then on.
    /// </summary>
    public static IReadOnlyList<EvalAnswer> FifthBlind() => Read("eval-blind5.jsonl");

    /// <summary>
    /// The sixth blind set: 72 answers to 12 more new prompts, made the same way while the stance rules were being
    /// written from the fifth's misses. Measured once, at 12:51 UTC on 2026-11-29 (docs/grading.md); calibration data
    /// from then on.
    /// </summary>
    public static IReadOnlyList<EvalAnswer> SixthBlind() => Read("eval-blind6.jsonl");

    /// <summary>
    /// The seventh blind set: 72 answers to 12 more new prompts, made while the verdict rules were written from the
    /// sixth's misses. Measured blind twice, before and after those rules (13:01 and 13:25 UTC on 2026-11-29, the same
    /// figures both times; docs/grading.md); calibration data from then on.
    /// </summary>
    public static IReadOnlyList<EvalAnswer> SeventhBlind() => Read("eval-blind7.jsonl");

    /// <summary>
    /// The eighth blind set: 72 answers to 12 more new prompts, written from labels alone while the options and memory
    /// work went on. Measured once, at 15:00 UTC on 2026-11-29 (docs/grading.md), then used for the learned-filter
    /// experiments' cross-validation; calibration data from then on.
    /// </summary>
    public static IReadOnlyList<EvalAnswer> EighthBlind() => Read("eval-blind8.jsonl");

    /// <summary>Blind sets 2–8 in the order they were written, each paired with a test's own floors (precision, F1).</summary>
    public static TheoryData<string, IReadOnlyList<EvalAnswer>, double, double> BlindSetsWith(params (double Precision, double F1)[] floors)
    {
        (string Name, Func<IReadOnlyList<EvalAnswer>> Read)[] sets =
        [
            ("second", SecondBlind), ("third", ThirdBlind), ("fourth", FourthBlind), ("fifth", FifthBlind),
            ("sixth", SixthBlind), ("seventh", SeventhBlind), ("eighth", EighthBlind),
        ];
        if (floors.Length != sets.Length)
        {
            throw new ArgumentException($"{sets.Length} blind sets need {sets.Length} floors, got {floors.Length}", nameof(floors));
        }

        var data = new TheoryData<string, IReadOnlyList<EvalAnswer>, double, double>();
        for (var i = 0; i < sets.Length; i++)
        {
            data.Add(sets[i].Name, sets[i].Read(), floors[i].Precision, floors[i].F1);
        }

        return data;
    }

    private static IReadOnlyList<EvalAnswer> Read(string file)
    {
        var path = Path.Combine(RepoRoot(), "tests", "BackendPrep.Content.Tests", "Grading", file);
        var answers = new List<EvalAnswer>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            answers.Add(new EvalAnswer(
                lineNumber,
                root.GetProperty("prompt").GetString()!,
                root.GetProperty("answer").GetString()!,
                [.. root.GetProperty("covers").EnumerateArray().Select(e => e.GetString()!)],
                root.GetProperty("style").GetString()!,
                root.TryGetProperty("set", out var set) ? set.GetString()! : "tuned"));
        }

        return answers;
    }
}
