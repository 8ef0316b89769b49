using BackendPrep.Bot.Features.Progress;
using BackendPrep.Core.Progress;
using SkiaSharp;

namespace BackendPrep.Bot.Tests.Progress;

/// <summary>The chart's PNG (fast encoder settings) decodes to the chart drawn: both bands carry their bar colours.</summary>
public sealed class ProgressChartTests
{
    [Fact]
    public void The_png_decodes_to_both_bands_with_their_bars()
    {
        var start = new DateOnly(2026, 11, 1);
        DailyPoint[] days = [.. Enumerable.Range(0, 30).Select(i => new DailyPoint(start.AddDays(i), 3 + (i % 4), i % 2 == 0 ? 0.5 : null))];
        TopicCoverage[] topics = [new("caching", "Caching and consistency", 3, 0.6), new("auth", "AuthN/Z and JWT", 2, 0.3)];

        var png = ProgressChart.Render(days, topics, "UTC");

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((ProgressChart.Width, ProgressChart.Height(topics.Length)), (bitmap.Width, bitmap.Height));
        Assert.True(CountPixels(bitmap, 0, ProgressChart.DailyHeight, new SKColor(0x3B, 0x82, 0xF6)) > 1000, "no review bars in the daily band");
        Assert.True(CountPixels(bitmap, ProgressChart.DailyHeight, bitmap.Height, new SKColor(0x8B, 0x5C, 0xF6)) > 1000, "no coverage bars in the topic band");
    }

    private static int CountPixels(SKBitmap bitmap, int fromRow, int toRow, SKColor color)
    {
        var count = 0;
        for (var y = fromRow; y < toRow; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (Math.Abs(pixel.Red - color.Red) < 8 && Math.Abs(pixel.Green - color.Green) < 8 && Math.Abs(pixel.Blue - color.Blue) < 8)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
