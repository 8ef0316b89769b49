using Markdig.Syntax;

namespace BackendPrep.Content.Markdown;

/// <summary>
/// Reads the <c>Key: value</c> lines authors put under an item heading (Concepts, Follow-up, Related…),
/// keeping every other line as the item's description.
/// </summary>
internal sealed class FieldLines
{
    private readonly Dictionary<string, (int Line, string Value)> _fields = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _description = [];

    public FieldLines(MarkdownFile file, IReadOnlyList<Block> blocks, IReadOnlySet<string> keys)
    {
        foreach (var block in blocks)
        {
            if (block is not ParagraphBlock paragraph)
            {
                _description.Add(file.Raw(block));
                continue;
            }

            var lines = file.Raw(paragraph).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var key = colon > 0 ? line[..colon].Trim() : null;
                if (key is not null && keys.Contains(key))
                {
                    _fields[key] = (file.LineOf(paragraph) + i, line[(colon + 1)..].Trim());
                }
                else
                {
                    _description.Add(line);
                }
            }
        }
    }

    public string Description => string.Join('\n', _description).Trim();

    public (int Line, string Value)? this[string key] => _fields.TryGetValue(key, out var v) ? v : null;

    public static IReadOnlyList<string> SplitList(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(s => s.Length > 0)];
}
