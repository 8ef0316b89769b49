using System.Globalization;
using BackendPrep.Core.Progress;
using ScottPlot;
using SkiaSharp;

namespace BackendPrep.Bot.Features.Progress;

/// <summary>
/// Draws the /progress chart headless: the last 30 days (reviews as bars, prompt coverage as a line) above per-topic
/// coverage bars, one PNG sized and lettered to read on a phone.
/// </summary>
internal static class ProgressChart
{
    public const string FileName = "progress.png";
    public const int Width = 1000;
    public const int DailyHeight = 520;
    private const float TitleSize = 30, LabelSize = 24, TickSize = 20;

    // Skia's default PNG encoding (every filter tried per row, zlib level 6) took 32 of the chart's 41 ms for 53 KB;
    // the "up" filter at level 1 takes about 6 ms for 69 KB (docs/performance.md, Sixth pass).
    private static readonly SKPngEncoderOptions PngOptions = new(SKPngEncoderFilterFlags.Up, 1);

    public static int TopicsHeight(int topics) => Math.Max(260, 140 + (56 * Math.Max(1, topics)));

    public static int Height(int topics) => DailyHeight + TopicsHeight(topics);

    public static byte[] Render(IReadOnlyList<DailyPoint> days, IReadOnlyList<TopicCoverage> topics, string zoneName)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(topics);
        var topicsHeight = TopicsHeight(topics.Count);
        using var surface = SKSurface.Create(new SKImageInfo(Width, DailyHeight + topicsHeight)) ?? throw new InvalidOperationException("could not allocate the chart surface");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        Draw(canvas, 0, DailyHeight, Daily(days, zoneName));
        Draw(canvas, DailyHeight, topicsHeight, ByTopic(topics));
        using var pixels = surface.PeekPixels();
        using var png = pixels.Encode(PngOptions) ?? throw new InvalidOperationException("could not encode the chart");
        return png.ToArray();
    }

    private static void Draw(SKCanvas canvas, int top, int height, Plot plot)
    {
        canvas.Save();
        canvas.Translate(0, top);

        // The plot clears its canvas first, and a clear ignores the translation: the clip keeps it to this band.
        canvas.ClipRect(new SKRect(0, 0, Width, height));
        plot.Render(canvas, Width, height);
        canvas.Restore();
    }

    private static Plot Daily(IReadOnlyList<DailyPoint> days, string zoneName)
    {
        var plot = Styled($"Last {days.Count} days ({zoneName})");
        var reviews = plot.Add.Bars(days.Select(d => (double)d.Reviews).ToArray());
        reviews.Color = Color.FromHex("#3B82F6");
        reviews.LegendText = "Reviews";
        var covered = days.Select((d, i) => (X: (double)i, d.Coverage)).Where(p => p.Coverage is not null).ToList();
        if (covered.Count > 0)
        {
            var line = plot.Add.Scatter(covered.Select(p => p.X).ToArray(), covered.Select(p => p.Coverage!.Value * 100).ToArray());
            line.Axes.YAxis = plot.Axes.Right;
            line.Color = Color.FromHex("#8B5CF6");
            line.LineWidth = 4;
            line.MarkerSize = 12;
            line.LegendText = "Prompt coverage %";
        }

        var ticks = Enumerable.Range(0, days.Count).Where(i => i % 5 == 0 || i == days.Count - 1).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. ticks.Select(i => (double)i)], [.. ticks.Select(i => days[i].Day.ToString("MMM d", CultureInfo.InvariantCulture))]);
        plot.Axes.Left.Label.Text = "Reviews";
        plot.Axes.Right.Label.Text = "Coverage %";
        plot.Axes.Right.Label.FontSize = LabelSize;
        plot.Axes.Right.TickLabelStyle.FontSize = TickSize;
        plot.Axes.SetLimitsX(-0.7, days.Count - 0.3);
        plot.Axes.SetLimitsY(0, Math.Max(5, days.Max(d => d.Reviews) * 1.15));
        plot.Axes.SetLimitsY(0, 105, plot.Axes.Right);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.FontSize = TickSize;
        return plot;
    }

    private static Plot ByTopic(IReadOnlyList<TopicCoverage> topics)
    {
        var plot = Styled("Coverage by topic");
        if (topics.Count == 0)
        {
            plot.Add.Text("No prompts answered yet: try /prompt", 0.5, 0.5).LabelFontSize = LabelSize;
            plot.Axes.SetLimits(0, 1, 0, 1);
            return plot;
        }

        // Horizontal bars, first topic of the plan on top, so long titles fit as axis labels.
        var bars = plot.Add.Bars(topics.Select(t => t.AverageCoverage * 100).Reverse().ToArray());
        bars.Horizontal = true;
        bars.Color = Color.FromHex("#8B5CF6");
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, topics.Count).Select(i => (double)i)],
            [.. topics.Reverse().Select(t => Shorten(t.Title, 26))]);
        plot.Axes.Bottom.Label.Text = "Average coverage %";
        plot.Axes.SetLimitsX(0, 100);
        plot.Axes.SetLimitsY(-0.6, topics.Count - 0.4);
        return plot;
    }

    private static Plot Styled(string title)
    {
        var plot = new Plot();
        plot.Font.Set(Fonts.Sans);
        plot.Title(title, TitleSize);
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Bottom })
        {
            axis.Label.FontSize = LabelSize;
            axis.TickLabelStyle.FontSize = TickSize;
        }

        return plot;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
