namespace BackendPrep.Bot.Hosting;

/// <summary>
/// Wakes a <see cref="ScheduledLoop"/> when its work changes (a schedule set or removed, a session started), so it
/// never sleeps past a new due time. A wake that arrives
/// while the loop is busy stays pending until the next wait, and a wait that ends by timeout leaves no stale waiter
/// behind to swallow the next wake.
/// </summary>
internal abstract class WakeSignal
{
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Wake() => Volatile.Read(ref _wake).TrySetResult();

    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        var current = Volatile.Read(ref _wake);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(current.Task, Task.Delay(timeout, time, stop.Token));
        await stop.CancelAsync();
        ct.ThrowIfCancellationRequested();
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _wake, new(TaskCreationOptions.RunContinuationsAsynchronously), current);
        }
    }
}
