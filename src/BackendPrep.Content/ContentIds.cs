using System.Text.RegularExpressions;

namespace BackendPrep.Content;

/// <summary>Ids are lowercase kebab-case because progress, schedules and custom ids refer to them forever.</summary>
public static partial class ContentIds
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Pattern();

    public static bool IsValid(string id) => id.Length is > 0 and <= 64 && Pattern().IsMatch(id);
}
