namespace BackendPrep.Bot.Tests.Discord.Fuzz;

/// <summary>Text a hostile or careless user might type: mentions, markdown that breaks out, invisible characters, floods.</summary>
internal static class HostileText
{
    public const string ZeroWidth = "\u200B";
    public const string BidiOverride = "\u202E";

    private static readonly string[] Samples =
    [
        "@everyone free nitro",
        "@here look",
        "<@200000000000000666> you're it",
        "<@&100000000000000001> ping the role",
        "```\n@everyone\n```",
        "**bold** __under__ ~~strike~~ ||spoiler|| [click](https://evil.example/x)",
        "> quote\n# Heading\n- list",
        $"ev{ZeroWidth}eryone @{ZeroWidth}everyone",
        $"{BidiOverride}txt.exe",
        "\0\u0001\u0007 control",
        "caching\uFEFF",
        "🧪🧪🧪" + new string('\uD83E', 1),
        "'; DROP TABLE users; --",
        "{\"op\":0}",
        "\\u0040everyone",
    ];

    public static string Draw(Random random) => random.Next(6) switch
    {
        0 => new string('A', 4_000),
        1 => string.Concat(Enumerable.Repeat("@everyone ", 400)),
        2 => new string('x', random.Next(1, 120_000)),
        _ => Samples[random.Next(Samples.Length)],
    };

    /// <summary>Whether outgoing text still carries something that should have been made inert.</summary>
    public static bool LooksLive(string text) =>
        text.Contains("@everyone", StringComparison.Ordinal) || text.Contains("@here", StringComparison.Ordinal)
        || text.Contains(ZeroWidth, StringComparison.Ordinal) || text.Contains(BidiOverride, StringComparison.Ordinal);
}
