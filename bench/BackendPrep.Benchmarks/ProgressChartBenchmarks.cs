using BackendPrep.Bot.Features.Progress;
using BackendPrep.Core.Progress;
using BenchmarkDotNet.Attributes;

namespace BackendPrep.Benchmarks;

/// <summary>The /progress chart alone: 30 days of reviews and coverage above eight topic bars, to PNG.</summary>
[MemoryDiagnoser]
public class ProgressChartBenchmarks
{
    private DailyPoint[] _days = [];
    private TopicCoverage[] _topics = [];

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateOnly(2026, 10, 30);
        _days = [.. Enumerable.Range(0, 30).Select(i => new DailyPoint(start.AddDays(i), (i * 7) % 23, i % 3 == 0 ? 0.4 + (i % 5 * 0.1) : null))];
        _topics = [.. Enumerable.Range(0, 8).Select(i => new TopicCoverage($"t{i}", $"Topic number {i} with a long title", 5, 0.1 * (i + 1)))];
    }

    [Benchmark]
    public byte[] RenderChart() => ProgressChart.Render(_days, _topics, "Europe/Berlin");
}
