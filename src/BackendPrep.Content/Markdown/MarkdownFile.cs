using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BackendPrep.Content.Markdown;

/// <summary>
/// A parsed content file: front matter as a flat map, and the body as nested heading sections that keep the
/// author's raw Markdown (Discord renders Markdown itself, so we pass the source through rather than re-render).
/// </summary>
internal sealed class MarkdownFile
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    private MarkdownFile(string path, string text, MarkdownDocument document, ProblemSink problems)
    {
        Path = path;
        Text = text;
        Document = document;
        Problems = problems;
    }

    public string Path { get; }
    public string Text { get; }
    public MarkdownDocument Document { get; }
    public ProblemSink Problems { get; }
    public IReadOnlyDictionary<string, FrontMatterValue> FrontMatter { get; private set; } =
        new Dictionary<string, FrontMatterValue>();

    public static MarkdownFile Parse(string path, string text, ProblemSink problems)
    {
        // Normalise line endings so spans and line numbers agree on every platform.
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var document = Markdig.Markdown.Parse(text, Pipeline);
        var file = new MarkdownFile(path, text, document, problems);
        file.FrontMatter = file.ReadFrontMatter();
        return file;
    }

    public int LineOf(Block block) => block.Line + 1;

    public void Problem(int line, string message) => Problems.Add(Path, line, message);

    public void Problem(Block block, string message) => Problem(LineOf(block), message);

    /// <summary>The raw Markdown of consecutive blocks, trimmed.</summary>
    public string Raw(IReadOnlyList<Block> blocks)
    {
        if (blocks.Count == 0)
        {
            return "";
        }

        var start = blocks[0].Span.Start;
        var end = blocks[^1].Span.End;
        return Text[start..Math.Min(end + 1, Text.Length)].Trim();
    }

    public string Raw(Block block) => Raw([block]);

    /// <summary>Top-level sections split at headings of <paramref name="level"/>; blocks before the first heading go to <paramref name="preamble"/>.</summary>
    public IReadOnlyList<MarkdownSection> Sections(int level, out IReadOnlyList<Block> preamble) =>
        MarkdownSection.Split(this, Document.Where(b => b is not YamlFrontMatterBlock).ToList(), level, out preamble);

    public static string InlineText(LeafBlock block)
    {
        if (block.Inline is null)
        {
            return "";
        }

        var builder = new System.Text.StringBuilder();
        foreach (var inline in block.Inline.Descendants())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
            }
        }

        return builder.ToString().Trim();
    }

    private Dictionary<string, FrontMatterValue> ReadFrontMatter()
    {
        var result = new Dictionary<string, FrontMatterValue>(StringComparer.Ordinal);
        var block = Document.OfType<YamlFrontMatterBlock>().FirstOrDefault();
        if (block is null)
        {
            return result;
        }

        var yaml = block.Lines.ToString();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            Problem(LineOf(block) + (int)ex.Start.Line, $"front matter is not valid YAML: {ex.Message}");
            return result;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            Problem(block, "front matter must be a YAML mapping of `key: value` lines");
            return result;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var line = LineOf(block) + (int)keyNode.Start.Line;
            result[key] = valueNode switch
            {
                YamlScalarNode scalar => new FrontMatterValue(line, scalar.Value ?? "", null),
                YamlSequenceNode seq => new FrontMatterValue(line, null,
                    [.. seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "")]),
                _ => new FrontMatterValue(line, null, null),
            };
        }

        return result;
    }
}

internal sealed record FrontMatterValue(int Line, string? Scalar, IReadOnlyList<string>? List);
