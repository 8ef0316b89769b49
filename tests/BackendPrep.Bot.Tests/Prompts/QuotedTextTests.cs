using System.Text;
using BackendPrep.Core.Text;

namespace BackendPrep.Bot.Tests.Prompts;

public sealed class QuotedTextTests
{
    [Theory]
    [InlineData("ping @everyone now", "ping ＠everyone now")]
    [InlineData("hi <@123> and <#456>", "hi \\<＠123\\> and \\<\\#456\\>")]
    [InlineData("a\u200Bb\u2060c\uFEFFd\u202Ee", "abcde")]
    [InlineData("line one\n\n  line\ttwo", "line one line two")]
    [InlineData("`code` **bold** ||spoiler|| > quote", "\\`code\\` \\*\\*bold\\*\\* \\|\\|spoiler\\|\\| \\> quote")]
    public void User_text_is_flattened_and_made_inert(string input, string expected)
    {
        Assert.Equal(expected, QuotedText.Inert(input));
    }

    [Fact]
    public void Long_text_is_cut_at_a_word_and_never_splits_an_emoji()
    {
        var words = QuotedText.Inert(string.Concat(Enumerable.Repeat("word ", 100)), 50);
        var emoji = QuotedText.Inert(string.Concat(Enumerable.Repeat("😀", 100)), 51);

        Assert.EndsWith("word…", words, StringComparison.Ordinal);
        Assert.True(words.Length <= 51);
        Assert.EndsWith("…", emoji, StringComparison.Ordinal);
        Assert.True(emoji.EnumerateRunes().All(r => r != Rune.ReplacementChar) && !char.IsHighSurrogate(emoji[^2]), emoji);
    }
}
