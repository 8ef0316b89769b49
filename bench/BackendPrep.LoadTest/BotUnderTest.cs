using System.Diagnostics;
using System.Globalization;
using BackendPrep.Bot.Cli;
using BackendPrep.Bot.Transports.Console;
using BackendPrep.Testing;
using Microsoft.Diagnostics.NETCore.Client;

namespace BackendPrep.LoadTest;

/// <summary>The bot the harness drives: in this process beside the fake Discord, or alone in a child process.</summary>
public abstract class BotUnderTest : IAsyncDisposable
{
    protected BotUnderTest(string databasePath) => DatabasePath = databasePath;

    public string DatabasePath { get; }

    /// <summary>Whether <see cref="Memory"/> is the bot alone (a child process) or the bot, the fake and the harness together.</summary>
    public abstract bool Alone { get; }

    public abstract TimeSpan CpuTime();

    /// <summary>The runtime's totals so far: the whole process in process, the bot alone out of process (null when unreadable).</summary>
    public abstract Task<RuntimeTotals?> RuntimeTotalsAsync();

    /// <summary>Starts a new "longest pause" (only the child's events carry single pauses).</summary>
    public virtual void ResetLongestPause()
    {
    }

    public abstract MemoryFigures Memory();

    /// <summary>Settings as the bot reads them (BACKENDPREP_ environment variables or --Key=value arguments).</summary>
    protected static Dictionary<string, string> Settings(string token, Uri apiBaseUrl, string databasePath) => new()
    {
        ["Discord:Token"] = token,
        ["Discord:ApiBaseUrl"] = apiBaseUrl.ToString(),
        ["Content:Path"] = RepoPaths.Content,
        ["Storage:Path"] = databasePath,
        ["Logging:LogLevel:Default"] = "Warning",
        // The lean-bot targets are for the lexical grader; the semantic model's load would run during the phases.
        ["Grading:Semantic"] = "false",
    };

    public abstract ValueTask DisposeAsync();

    protected void DeleteDatabase()
    {
        File.Delete(DatabasePath);
        File.Delete(Path.ChangeExtension(DatabasePath, null) + "-log.db");
    }
}

/// <summary>The bot's host in this process: cheap to start, but its memory figures include the fake Discord and the harness.</summary>
public sealed class InProcessBot : BotUnderTest
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<int> _run;

    public InProcessBot(string token, Uri apiBaseUrl, string databasePath) : base(databasePath)
    {
        string[] args = [.. Settings(token, apiBaseUrl, databasePath).Select(s => $"--{s.Key}={s.Value}")];
        _run = BotProgram.RunAsync(args, new ConsoleIO(TextReader.Null, TextWriter.Null, Interactive: false), _stop.Token);
    }

    public override bool Alone => false;

    public override TimeSpan CpuTime() => Process.GetCurrentProcess().TotalProcessorTime;

    public override Task<RuntimeTotals?> RuntimeTotalsAsync() =>
        Task.FromResult<RuntimeTotals?>(new RuntimeTotals(GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration(), null));

    public override MemoryFigures Memory()
    {
        var process = Process.GetCurrentProcess();
        return new MemoryFigures(process.WorkingSet64 / 1_048_576.0, process.PeakWorkingSet64 / 1_048_576.0, GC.GetTotalMemory(false) / 1_048_576.0);
    }

    public override async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
        DeleteDatabase();
    }
}

/// <summary>
/// The built bot (<c>backendprep.dll</c>) as a child process configured through its environment, as it would run on a
/// server, so its resident set can be read alone from <c>/proc/&lt;pid&gt;/status</c>.
/// </summary>
public sealed class ChildProcessBot : BotUnderTest
{
    private readonly Process _process;
    private readonly Queue<string> _lastErrors = new();

    public ChildProcessBot(string botDll, string token, Uri apiBaseUrl, string databasePath, IReadOnlyDictionary<string, string> runtimeSettings, int? core = null) : base(databasePath)
    {
        if (!File.Exists(botDll))
        {
            throw new FileNotFoundException($"the bot is not built at {botDll}; run: dotnet build src/BackendPrep.Bot -c Release", botDll);
        }

        // Pinned through taskset rather than after start, so the runtime sizes its thread pool and GC for that one core.
        var start = new ProcessStartInfo(core is null ? "dotnet" : "taskset") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true };
        if (core is { } c)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(c.ToString(CultureInfo.InvariantCulture));
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(botDll);
        foreach (var (key, value) in Settings(token, apiBaseUrl, databasePath))
        {
            start.Environment["BACKENDPREP_" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in runtimeSettings)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the bot");
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public override bool Alone => true;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The bot's last lines of output, for a failure message.</summary>
    public string LastOutput
    {
        get
        {
            lock (_lastErrors)
            {
                return string.Join(Environment.NewLine, _lastErrors);
            }
        }
    }

    public override TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    private ChildRuntimeEvents? _runtime;

    /// <summary>
    /// Starts reading the child's GC events; call once it is up. Where the diagnostics port is off
    /// (<c>DOTNET_EnableDiagnostics=0</c>) the run goes on and those columns say n/a.
    /// </summary>
    public void AttachRuntimeEvents()
    {
        try
        {
            _runtime ??= ChildRuntimeEvents.Attach(_process.Id);
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or UnsupportedCommandException or IOException or TimeoutException)
        {
            Console.Error.WriteLine($"GC figures unavailable: could not attach to the bot's diagnostics port ({ex.Message})");
        }
    }

    public override async Task<RuntimeTotals?> RuntimeTotalsAsync() => _runtime is null ? null : await _runtime.SettledTotalsAsync();

    public override void ResetLongestPause() => _runtime?.ResetLongest();

    /// <summary>VmRSS now and VmHWM (the kernel's high-water mark) of the child; its managed heap is not visible from here.</summary>
    public override MemoryFigures Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Kb(string field) =>
            status.FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal)) is { } line
                ? double.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)
                : double.NaN;
        return new MemoryFigures(Kb("VmRSS") / 1024, Kb("VmHWM") / 1024, double.NaN);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_runtime is not null)
        {
            await _runtime.DisposeAsync();
        }

        if (!_process.HasExited)
        {
            // SIGTERM, which the generic host turns into a graceful stop (LiteDB checkpoint and close).
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }

        _process.Dispose();
        DeleteDatabase();
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastErrors)
        {
            _lastErrors.Enqueue(line);
            if (_lastErrors.Count > 20)
            {
                _lastErrors.Dequeue();
            }
        }
    }
}
