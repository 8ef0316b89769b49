using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace BackendPrep.Storage;

/// <summary>
/// The Meter "BackendPrep.Storage": how long each store operation holds LiteDB. Stores are wrapped once, at
/// registration (<see cref="Metered{T}"/>), so no operation can be added without being measured or without passing the
/// database's <see cref="StoreGate"/> (which a backup holds for a moment).
/// </summary>
public static class StorageMetrics
{
    public const string MeterName = "BackendPrep.Storage";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "backendprep.storage.operation.duration", "ms", "Time a store operation took, by operation (e.g. ReviewStore.TryRecordAsync) and outcome");

    /// <summary>
    /// Returns <paramref name="store"/> behind a proxy of <typeparamref name="T"/> that passes every call through
    /// <paramref name="gate"/> and records its duration (including any wait at the gate).
    /// </summary>
    public static T Metered<T>(T store, StoreGate gate)
        where T : class
    {
        var proxy = DispatchProxy.Create<T, MeteredStoreProxy>();
        ((MeteredStoreProxy)(object)proxy).Target = store;
        ((MeteredStoreProxy)(object)proxy).Gate = gate;
        return proxy;
    }

    internal static void Record(string operation, long startedAt, string outcome) =>
        Duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds,
            new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("outcome", outcome));
}

/// <summary>Not sealed: <see cref="DispatchProxy"/> derives the proxy type from it.</summary>
#pragma warning disable CA1852
internal class MeteredStoreProxy : DispatchProxy
#pragma warning restore CA1852
{
    public object Target { get; set; } = null!;

    public StoreGate Gate { get; set; } = null!;

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var operation = $"{Target.GetType().Name}.{targetMethod.Name}";
        var started = Stopwatch.GetTimestamp();
        Gate.Enter(args?.OfType<CancellationToken>().FirstOrDefault() ?? default);
        object? result;
        try
        {
            result = targetMethod.Invoke(Target, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            Gate.Exit();
            StorageMetrics.Record(operation, started, "error");
            ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
        finally
        {
            Gate.LeaveScope();
        }

        if (result is Task { IsCompleted: false } pending)
        {
            // Today's stores finish synchronously; one that truly awaits is timed, and stays in flight, to its completion.
            _ = pending.ContinueWith(t =>
            {
                Gate.Exit();
                StorageMetrics.Record(operation, started, t.IsCompletedSuccessfully ? "ok" : "error");
            }, TaskScheduler.Default);
        }
        else
        {
            Gate.Exit();
            StorageMetrics.Record(operation, started, result is Task { IsCompletedSuccessfully: false } ? "error" : "ok");
        }

        return result;
    }
}
