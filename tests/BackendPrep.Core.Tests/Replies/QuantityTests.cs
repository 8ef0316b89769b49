using BackendPrep.Core.Replies;

namespace BackendPrep.Core.Tests.Replies;

public sealed class QuantityTests
{
    [Theory]
    [InlineData(0, "card", null, "0 cards")]
    [InlineData(1, "card", null, "1 card")]
    [InlineData(2, "card", null, "2 cards")]
    [InlineData(1, "day", null, "1 day")]
    [InlineData(3, "reply", "replies", "3 replies")]
    [InlineData(1, "reply", "replies", "1 reply")]
    public void Counts_read_as_english(int count, string singular, string? plural, string expected) =>
        Assert.Equal(expected, Quantity.Of(count, singular, plural));
}
