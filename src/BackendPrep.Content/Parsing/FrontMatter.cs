using System.Globalization;
using BackendPrep.Content.Markdown;

namespace BackendPrep.Content.Parsing;

/// <summary>Typed, problem-reporting access to a file's front matter.</summary>
internal sealed class FrontMatter(MarkdownFile file)
{
    public string? Required(string key)
    {
        if (file.FrontMatter.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value.Scalar))
        {
            return value.Scalar.Trim();
        }

        file.Problem(value?.Line ?? 1, $"front matter needs `{key}:`");
        return null;
    }

    public string? Optional(string key) =>
        file.FrontMatter.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value.Scalar) ? value.Scalar.Trim() : null;

    public string? Id(string key)
    {
        var id = Required(key);
        if (id is not null && !ContentIds.IsValid(id))
        {
            file.Problem(file.FrontMatter[key].Line, $"`{key}: {id}` must be lowercase kebab-case");
            return null;
        }

        return id;
    }

    public int? Int(string key)
    {
        var text = Required(key);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        file.Problem(file.FrontMatter[key].Line, $"`{key}` must be a whole number, not \"{text}\"");
        return null;
    }

    public IReadOnlyList<string> List(string key)
    {
        if (!file.FrontMatter.TryGetValue(key, out var value))
        {
            return [];
        }

        return value.List ?? (value.Scalar is { } s ? FieldLines.SplitList(s) : []);
    }

    public int LineOf(string key) => file.FrontMatter.TryGetValue(key, out var v) ? v.Line : 1;
}
