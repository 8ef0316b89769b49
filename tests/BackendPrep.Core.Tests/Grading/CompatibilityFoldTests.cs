using System.Globalization;
using System.Text;
using BackendPrep.Core.Grading;

namespace BackendPrep.Core.Tests.Grading;

/// <summary>
/// The managed fold against what TextNormaliser did with ICU (NFKD, then non-spacing marks dropped), for every code
/// point in the ranges gen_fold_table.py covers. In globalization-invariant mode Normalize folds nothing, so the
/// generator's own expectations (fold_expectations.txt) stand in for ICU.
/// </summary>
public sealed class CompatibilityFoldTests
{
    private static readonly Expectations Fixture = Expectations.Load(
        Path.Combine(RepoPaths.Root, "tests", "BackendPrep.Core.Tests", "Grading", "fold_expectations.txt"));

    [Fact]
    public void Fold_equals_nfkd_without_marks_for_every_covered_code_point()
    {
        Func<char, string> expected = IcuFolds() ? IcuFold : Fixture.Fold;
        var mismatches = Fixture.CodePoints()
            .Select(c => (c, want: expected(c), got: new string(CompatibilityFold.Of(c))))
            .Where(x => x.want != x.got)
            .Select(x => $"U+{(int)x.c:X4}: expected {Hex(x.want)}, got {Hex(x.got)}")
            .ToList();

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} differ ({(IcuFolds() ? "ICU" : "fixture")}):\n" + string.Join('\n', mismatches.Take(20)));
    }

    [Fact]
    public void Fold_matches_the_generator_fixture_in_any_globalization_mode()
    {
        var mismatches = Fixture.CodePoints().Where(c => Fixture.Fold(c) != new string(CompatibilityFold.Of(c))).ToList();

        Assert.True(mismatches.Count == 0, "differ: " + string.Join(", ", mismatches.Take(20).Select(c => $"U+{(int)c:X4}")));
        Assert.True(Fixture.Changed > 1000, "the fixture lost its entries"); // an empty fixture would prove nothing
    }

    [Theory]
    [InlineData("caf\u00E9", "cafe")]
    [InlineData("cafe\u0301", "cafe")] // the accent typed as its own combining mark
    [InlineData("\uFB01le \uFB03ce", "file ffice")]
    [InlineData("\uFF21\uFF30\uFF29\uFF01", "API!")]
    [InlineData("x\u00B2 H\u2082O", "x2 H2O")]
    [InlineData("a\u00A0b\u2009c\u3000d", "a b c d")]
    [InlineData("\u1EA1\u1EF9", "ay")]
    [InlineData("\u00BD \u2122 \u2026", "1\u20442 TM ...")]
    [InlineData("\u00F8 \u0142 \u0111 \u00E6 \u00DF", "\u00F8 \u0142 \u0111 \u00E6 \u00DF")] // NFKD leaves these letters whole
    [InlineData("\uD835\uDC00 \u4E2D", "\uD835\uDC00 \u4E2D")] // outside the covered ranges: unchanged
    public void Folds_what_answers_contain(string text, string folded)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            builder.Append(CompatibilityFold.Of(c));
        }

        Assert.Equal(folded, builder.ToString());
        Assert.Equal(folded, CompatibilityFold.Apply(text));
    }

    /// <summary>Whether this process has ICU's normalisation (it has not in globalization-invariant mode).</summary>
    private static bool IcuFolds()
    {
        try
        {
            return "\u00E9".Normalize(NormalizationForm.FormKD) != "\u00E9";
        }
        catch (PlatformNotSupportedException)
        {
            return false;
        }
    }

    private static string IcuFold(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormKD);
        return string.Concat(decomposed.Where(x => char.GetUnicodeCategory(x) != UnicodeCategory.NonSpacingMark));
    }

    private static string Hex(string s) => s.Length == 0 ? "(nothing)" : string.Join(' ', s.Select(c => $"U+{(int)c:X4}"));

    /// <summary>fold_expectations.txt: the covered ranges, then each changed code point with its fold.</summary>
    private sealed class Expectations(List<(char First, char Last)> ranges, Dictionary<char, string> folds)
    {
        public int Changed => folds.Count;

        public IEnumerable<char> CodePoints() =>
            ranges.SelectMany(r => Enumerable.Range(r.First, r.Last - r.First + 1).Select(i => (char)i));

        public string Fold(char c) => folds.TryGetValue(c, out var f) ? f : c.ToString();

        public static Expectations Load(string path)
        {
            var ranges = new List<(char, char)>();
            var folds = new Dictionary<char, string>();
            foreach (var line in File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#'))
            {
                var parts = line.Split(' ');
                if (parts[0] == "ranges")
                {
                    ranges.AddRange(parts.Skip(1).Select(r => (Char(r[..4]), Char(r[5..]))));
                    continue;
                }

                folds[Char(parts[0])] = string.Concat(parts.Skip(1).Select(Char));
            }

            return new Expectations(ranges, folds);
        }

        private static char Char(string hex) => (char)int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }
}
