using Markdig.Syntax;

namespace BackendPrep.Content.Markdown;

internal static class MarkdownLists
{
    /// <summary>The items of every list among <paramref name="blocks"/>, as raw Markdown with the line each starts on.</summary>
    public static IReadOnlyList<(int Line, string Text)> Items(MarkdownFile file, IEnumerable<Block> blocks) =>
        [.. blocks.OfType<ListBlock>()
            .SelectMany(list => list.OfType<ListItemBlock>())
            .Select(item => (file.LineOf(item), file.Raw([.. item]).Replace('\n', ' ').Trim()))];
}
