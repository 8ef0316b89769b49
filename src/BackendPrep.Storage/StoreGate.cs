namespace BackendPrep.Storage;

/// <summary>
/// Every store operation passes this gate, so a backup can hold new operations back for a moment and wait for the
/// running ones to finish: with none in flight, a checkpoint and the copy's read snapshot describe the same state.
/// Operations never wait on each other, only on a hold; a nested store call from inside a running one passes straight
/// through, since waiting there could never end.
/// </summary>
public sealed class StoreGate
{
    private readonly Lock _lock = new();
    private readonly AsyncLocal<int> _depth = new();
    private int _inFlight;
    private long _started;
    private TaskCompletionSource? _released;
    private TaskCompletionSource? _drained;

    /// <summary>Operations running now (for tests and diagnostics).</summary>
    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Operations started since the store opened: a cheap "has anything happened since I last looked".</summary>
    public long Started => Interlocked.Read(ref _started);

    /// <summary>Waits while a hold is in place, then counts one more operation in flight. Blocks the calling thread.</summary>
    internal void Enter(CancellationToken cancellationToken)
    {
        var nested = _depth.Value > 0;
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                if (_released is null || nested)
                {
                    _inFlight++;
                    _started++;
                    _depth.Value++;
                    return;
                }

                wait = _released.Task;
            }

            wait.Wait(cancellationToken);
        }
    }

    /// <summary>Ends the nesting scope of <see cref="Enter"/> on this flow; call where <see cref="Enter"/> returned.</summary>
    internal void LeaveScope() => _depth.Value--;

    /// <summary>One operation finished (it may complete on another thread than it started).</summary>
    internal void Exit()
    {
        lock (_lock)
        {
            if (--_inFlight == 0)
            {
                _drained?.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Holds new operations back and returns once none is in flight. Dispose the result to let them go on. Fails with
    /// <see cref="TimeoutException"/> (and releases) when the running ones do not finish within <paramref name="drainTimeout"/>.
    /// </summary>
    public async Task<IDisposable> HoldAsync(TimeSpan drainTimeout, TimeProvider time, CancellationToken cancellationToken)
    {
        Task drained;
        lock (_lock)
        {
            if (_released is not null)
            {
                throw new InvalidOperationException("the store gate is already held");
            }

            _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_inFlight == 0)
            {
                _drained.TrySetResult();
            }

            drained = _drained.Task;
        }

        var hold = new Hold(this);
        try
        {
            await drained.WaitAsync(drainTimeout, time, cancellationToken);
            return hold;
        }
        catch
        {
            hold.Dispose();
            throw;
        }
    }

    private void Release()
    {
        TaskCompletionSource? released;
        lock (_lock)
        {
            released = _released;
            _released = null;
            _drained = null;
        }

        released?.TrySetResult();
    }

    private sealed class Hold(StoreGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
