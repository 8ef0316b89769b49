using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace BackendPrep.LoadTest;

/// <summary>What the child's runtime reported so far: sampled bytes allocated, collections and stop-the-world pauses.</summary>
public sealed record RuntimeTotals(long AllocatedBytes, int Collections, int Gen2Collections, TimeSpan Pauses, TimeSpan? LongestPause)
{
    public static RuntimeTotals? Between(RuntimeTotals? before, RuntimeTotals? after) => before is null || after is null ? null : after - before;

    public static RuntimeTotals operator -(RuntimeTotals after, RuntimeTotals before) =>
        new(after.AllocatedBytes - before.AllocatedBytes, after.Collections - before.Collections, after.Gen2Collections - before.Gen2Collections,
            after.Pauses - before.Pauses, after.LongestPause);
}

/// <summary>
/// Reads the child bot's GC events over EventPipe (the diagnostics port dotnet-trace uses), so the out-of-process run
/// reports GC pauses and allocation per interaction for the bot alone. Allocations come from the runtime's
/// AllocationTick, one event per ~100 KB allocated, so they are exact to within one tick per phase.
/// </summary>
public sealed class ChildRuntimeEvents : IAsyncDisposable
{
    private readonly EventPipeSession _session;
    private readonly Task _reading;
    private readonly Lock _lock = new();
    private long _allocated;
    private int _collections;
    private int _gen2;
    private double _pauseMs;
    private double _longestMs;
    private double _suspendedAtMs = -1;

    private ChildRuntimeEvents(int processId)
    {
        EventPipeProvider[] providers =
        [
            new("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)ClrTraceEventParser.Keywords.GC),
        ];
        // No stack walks and no rundown: only counts and timestamps are read, and the session must not slow the bot.
        _session = new DiagnosticsClient(processId).StartEventPipeSession(new EventPipeSessionConfiguration(providers, circularBufferSizeMB: 64, requestRundown: false, requestStackwalk: false));
        var source = new EventPipeEventSource(_session.EventStream);
        source.Clr.GCAllocationTick += e => Interlocked.Add(ref _allocated, e.AllocationAmount64);
        source.Clr.GCStart += e =>
        {
            lock (_lock)
            {
                _collections++;
                _gen2 += e.Depth == 2 ? 1 : 0;
            }
        };
        source.Clr.GCSuspendEEStart += e => _suspendedAtMs = e.TimeStampRelativeMSec;
        source.Clr.GCRestartEEStop += e =>
        {
            if (_suspendedAtMs < 0)
            {
                return;
            }

            var pause = e.TimeStampRelativeMSec - _suspendedAtMs;
            _suspendedAtMs = -1;
            lock (_lock)
            {
                _pauseMs += pause;
                _longestMs = Math.Max(_longestMs, pause);
            }
        };
        _reading = Task.Run(source.Process);
    }

    public static ChildRuntimeEvents Attach(int processId) => new(processId);

    /// <summary>
    /// Totals so far. EventPipe hands events over in buffered batches, so call this after the bot has been idle for a
    /// moment (the harness waits for every callback first); <see cref="ResetLongest"/> starts a new maximum.
    /// </summary>
    public async Task<RuntimeTotals> SettledTotalsAsync()
    {
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        lock (_lock)
        {
            return new RuntimeTotals(Interlocked.Read(ref _allocated), _collections, _gen2, TimeSpan.FromMilliseconds(_pauseMs), TimeSpan.FromMilliseconds(_longestMs));
        }
    }

    public void ResetLongest()
    {
        lock (_lock)
        {
            _longestMs = 0;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _session.StopAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is ServerNotAvailableException or IOException or TimeoutException)
        {
            // The bot already exited: nothing left to stop.
        }

        await _reading.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _session.Dispose();
    }
}
