using BackendPrep.Core.Reminders;

namespace BackendPrep.Core.Tests.Reminders;

/// <summary>Zone names resolve the same with ICU and without it (the bot runs globalization-invariant).</summary>
public sealed class TimeZoneNamesTests
{
    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("  europe/berlin ", "Europe/Berlin")]
    [InlineData("UTC", "UTC")]
    [InlineData("US/Eastern", "US/Eastern")]
    public void Resolves_iana_names_and_links(string typed, string zone) => Assert.Equal(zone, TimeZoneNames.Resolve(typed));

    [Theory]
    [InlineData("Pacific Standard Time")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("Europe/Atlantis")]
    public void Rejects_windows_names_and_unknown_zones(string typed) => Assert.Null(TimeZoneNames.Resolve(typed));

    [Fact]
    public void Unknown_suggests_the_nearest_iana_name() =>
        Assert.Contains("`Europe/Berlin`", TimeZoneNames.Unknown("Europe/Berlinn"), StringComparison.Ordinal);
}
