using System.Text.Json;
using BackendPrep.LoadTest;

// dotnet run -c Release --project bench/BackendPrep.LoadTest [-- --smoke] [--json]
var smoke = args.Contains("--smoke");
var json = args.Contains("--json");
Phase[] phases = smoke
    ? [new("smoke 50/s", 50, TimeSpan.FromSeconds(1))]
    :
    [
        new("warm-up 100/s", 100, TimeSpan.FromSeconds(3)),
        new("50/s", 50, TimeSpan.FromSeconds(10)),
        new("200/s", 200, TimeSpan.FromSeconds(10)),
        new("1000/s", 1000, TimeSpan.FromSeconds(10)),
        new("burst 2000 in 1 s", 2000, TimeSpan.FromSeconds(1)),
    ];

await using var harness = await LoadHarness.StartAsync();
var results = new List<PhaseResult>();
foreach (var phase in phases)
{
    results.Add(await harness.RunAsync(phase));
}

var report = new LoadReport(harness.StartToReady, results, harness.Memory());
Console.WriteLine(json ? JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }) : report.ToTable());
return results.All(r => r.Unanswered == 0) ? 0 : 1;
