using System.Globalization;
using System.Text.Json;
using BackendPrep.LoadTest;
using BackendPrep.Testing;

// dotnet run -c Release --project bench/BackendPrep.LoadTest [-- --smoke] [--json] [--out-of-process [--bot <backendprep.dll>]] [--soak <minutes>] [--mix reads|writes] [--idle <seconds>] [--pin]
//   [--rates 200[,50…] [--seconds 30]]: only those rates after the warm-up, each for that long (more samples, a steadier p99)
var smoke = args.Contains("--smoke");
var json = args.Contains("--json");
var mix = Value("--mix") is { } mixName ? Enum.Parse<InteractionMix>(mixName, ignoreCase: true) : InteractionMix.Both;
var soakMinutes = Value("--soak") is { } m ? int.Parse(m, CultureInfo.InvariantCulture) : 0;
var rates = Value("--rates") is { } r ? r.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray() : null;
var seconds = Value("--seconds") is { } s ? double.Parse(s, CultureInfo.InvariantCulture) : 10;
// 20 s: RSS peaks in the seconds after READY and the GC hands part of it back 6–9 s later (docs/performance.md, Sixth pass).
var idleSeconds = Value("--idle") is { } idle ? int.Parse(idle, CultureInfo.InvariantCulture) : 20;
var placement = new BotPlacement(
    args.Contains("--out-of-process"),
    Value("--bot") ?? Path.Combine(RepoPaths.Root, "src", "BackendPrep.Bot", "bin", "Release", "net10.0", "backendprep.dll"),
    // LOADTEST_DOTNET_*, LOADTEST_MALLOC_* (glibc) and LOADTEST_BACKENDPREP_* (e.g. LOADTEST_BACKENDPREP_Storage__CheckpointPages=1000)
    // passed to the child without the prefix, to try runtime knobs and bot settings without a rebuild.
    Environment.GetEnvironmentVariables().Keys.Cast<string>()
        .Where(k => k.StartsWith("LOADTEST_DOTNET_", StringComparison.Ordinal) || k.StartsWith("LOADTEST_MALLOC_", StringComparison.Ordinal)
            || k.StartsWith("LOADTEST_BACKENDPREP_", StringComparison.Ordinal))
        .ToDictionary(k => k["LOADTEST_".Length..], k => Environment.GetEnvironmentVariable(k)!),
    args.Contains("--pin"));
Phase[] phases = smoke
    ? [new("smoke 50/s", 50, TimeSpan.FromSeconds(1))]
    : rates is not null
        ? [new("warm-up 100/s", 100, TimeSpan.FromSeconds(3)), .. rates.Select(rate => new Phase($"{rate}/s", rate, TimeSpan.FromSeconds(seconds)))]
    : soakMinutes > 0
        ? [new("warm-up 100/s", 100, TimeSpan.FromSeconds(3)), .. Enumerable.Range(1, soakMinutes).Select(i => new Phase($"soak minute {i} at 50/s", 50, TimeSpan.FromMinutes(1)))]
        :
        [
            new("warm-up 100/s", 100, TimeSpan.FromSeconds(3)),
            new("50/s", 50, TimeSpan.FromSeconds(10)),
            new("200/s", 200, TimeSpan.FromSeconds(10)),
            new("1000/s", 1000, TimeSpan.FromSeconds(10)),
            new("burst 2000 in 1 s", 2000, TimeSpan.FromSeconds(1)),
        ];

await using var harness = await LoadHarness.StartAsync(placement);
harness.Mix = mix;
var samples = new List<MemorySample> { new("at READY", harness.Memory().RssMb) };
if (!smoke)
{
    // Steady state after READY: whatever start-up allocated has been collected or settled.
    await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
    samples.Add(new($"idle, {idleSeconds} s after READY", harness.Memory().RssMb));
}

harness.AttachRuntimeEvents();

var results = new List<PhaseResult>();
foreach (var phase in phases)
{
    results.Add(await harness.RunAsync(phase));
}

var report = new LoadReport(harness.Bot.Alone, harness.StartToReady, samples, results, harness.Memory());
Console.WriteLine(json ? JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }) : report.ToTable());
return results.All(r => r.Unanswered == 0) ? 0 : 1;

string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
