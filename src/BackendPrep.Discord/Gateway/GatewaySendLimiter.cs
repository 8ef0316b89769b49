namespace BackendPrep.Discord.Gateway;

/// <summary>
/// Discord allows 120 gateway sends per connection per 60 s (close 4008 beyond). Heartbeats may use the whole budget;
/// everything else stops a few short, so a burst of other sends can never crowd out a heartbeat.
/// </summary>
public sealed class GatewaySendLimiter(TimeProvider time)
{
    public const int Limit = 120;
    public const int HeartbeatReserve = 5;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Queue<long> _sent = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits until a send is allowed and records it.</summary>
    public async Task AcquireAsync(bool heartbeat, CancellationToken cancellationToken)
    {
        var limit = heartbeat ? Limit : Limit - HeartbeatReserve;
        while (true)
        {
            TimeSpan wait;
            await _gate.WaitAsync(cancellationToken);
            try
            {
                var now = time.GetTimestamp();
                while (_sent.Count > 0 && time.GetElapsedTime(_sent.Peek(), now) >= Window)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < limit)
                {
                    _sent.Enqueue(now);
                    return;
                }

                // Wait until the oldest send leaves the window.
                wait = Window - time.GetElapsedTime(_sent.Peek(), now);
            }
            finally
            {
                _gate.Release();
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>A new connection starts a new window.</summary>
    public void Reset()
    {
        _gate.Wait();
        try
        {
            _sent.Clear();
        }
        finally
        {
            _gate.Release();
        }
    }
}
