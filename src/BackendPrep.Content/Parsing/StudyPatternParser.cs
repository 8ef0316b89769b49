using System.Globalization;
using System.Text.RegularExpressions;
using BackendPrep.Content.Markdown;
using BackendPrep.Core.Study;

namespace BackendPrep.Content.Parsing;

internal static partial class StudyPatternParser
{
    private static readonly HashSet<string> Keys = new(StringComparer.OrdinalIgnoreCase) { "Time box" };

    [GeneratedRegex(@"^(\d{1,3})\s*min", RegexOptions.IgnoreCase)]
    private static partial Regex Minutes();

    public static IEnumerable<StudyPattern> Parse(MarkdownFile file)
    {
        foreach (var section in file.Sections(2, out _))
        {
            var head = section.IdAndTitle(lowercaseId: true);
            if (head is null)
            {
                continue;
            }

            var fields = new FieldLines(file, section.Blocks.Where(b => b is not Markdig.Syntax.ListBlock).ToList(), Keys);
            var box = fields["Time box"];
            var match = box is null ? null : Minutes().Match(box.Value.Value);
            if (match is null || !match.Success)
            {
                file.Problem(box?.Line ?? section.Line, $"study pattern \"{head.Value.Id}\" needs `Time box: N min`");
                continue;
            }

            var steps = MarkdownLists.Items(file, section.Blocks).Select(i => i.Text).ToList();
            if (steps.Count == 0)
            {
                file.Problem(section.Line, $"study pattern \"{head.Value.Id}\" needs a numbered list of steps");
            }

            var minutes = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            yield return new StudyPattern(head.Value.Id, head.Value.Title, TimeSpan.FromMinutes(minutes), fields.Description,
                steps, new SourceRef(file.Path, section.Line));
        }
    }
}
