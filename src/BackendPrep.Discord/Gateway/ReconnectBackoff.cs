namespace BackendPrep.Discord.Gateway;

/// <summary>
/// Exponential backoff with ±25 % jitter between connection attempts: 1 s, 2 s, 4 s … capped at 60 s. It resets only
/// when a connection reaches READY or RESUMED, so a server that accepts sockets but never readies us still backs off.
/// </summary>
public sealed class ReconnectBackoff(Func<double>? random = null)
{
    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;
    private int _failures;

    public TimeSpan Next()
    {
        var exponent = Math.Min(_failures++, 10);
        var delay = Math.Min(Initial.TotalMilliseconds * Math.Pow(2, exponent), Cap.TotalMilliseconds);
        var jitter = 1 + ((_random() * 2) - 1) * 0.25;
        return TimeSpan.FromMilliseconds(Math.Min(delay * jitter, Cap.TotalMilliseconds));
    }

    public void Reset() => _failures = 0;
}
