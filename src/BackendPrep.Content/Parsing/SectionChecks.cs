using BackendPrep.Content.Markdown;
using Markdig.Syntax;

namespace BackendPrep.Content.Parsing;

internal static class SectionChecks
{
    public static void Length(MarkdownFile file, int line, string what, string body)
    {
        if (body.Length == 0)
        {
            file.Problem(line, $"\"{what}\" is empty");
        }
        else if (body.Length > ContentLimits.SectionChars)
        {
            file.Problem(line, $"\"{what}\" is {body.Length} characters; one Discord embed holds {ContentLimits.SectionChars}");
        }
    }

    public static void Diagram(MarkdownFile file, MarkdownSection section)
    {
        var code = section.Blocks.OfType<FencedCodeBlock>().ToList();
        if (code.Count == 0)
        {
            file.Problem(section.Line, "a Diagram section needs a fenced code block (```text … ```)");
        }

        foreach (var block in code)
        {
            for (var i = 0; i < block.Lines.Count; i++)
            {
                var text = block.Lines.Lines[i].ToString();
                if (text.Length > ContentLimits.DiagramColumns)
                {
                    // +1 skips the opening fence line.
                    file.Problem(file.LineOf(block) + 1 + i, $"diagram line is {text.Length} columns; keep it within {ContentLimits.DiagramColumns} to read on a phone");
                }
            }
        }
    }
}
