using BackendPrep.Core.Progress;

namespace BackendPrep.Core.Tests.Progress;

public sealed class PrivacySettingsTests
{
    [Theory]
    [InlineData("streak", PublicFields.Streak)]
    [InlineData("streak, topics", PublicFields.Streak | PublicFields.TopicsLearned)]
    [InlineData("Coverage review", PublicFields.Coverage | PublicFields.Reviews)]
    [InlineData("none", PublicFields.None)]
    [InlineData("all", PublicFields.All)]
    public void Public_fields_parse_from_words(string text, PublicFields expected)
    {
        Assert.True(PublicFieldsText.TryParse(text, out var fields));
        Assert.Equal(expected, fields);
    }

    [Theory]
    [InlineData("")]
    [InlineData("passwords")]
    [InlineData("streak, everything")]
    public void Unknown_words_are_refused(string text) => Assert.False(PublicFieldsText.TryParse(text, out _));

    [Fact]
    public void By_default_only_streak_and_topics_are_shared_and_nobody_is_on_the_leaderboard()
    {
        var settings = PrivacySettings.Default("u");

        Assert.False(settings.OnLeaderboard);
        Assert.True(settings.Shows(PublicFields.Streak));
        Assert.True(settings.Shows(PublicFields.TopicsLearned));
        Assert.False(settings.Shows(PublicFields.Coverage));
        Assert.False(settings.Shows(PublicFields.Reviews));
        Assert.Equal("streak, topics", PublicFieldsText.Describe(settings.Public));
    }
}
