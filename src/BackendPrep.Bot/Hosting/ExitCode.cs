namespace BackendPrep.Bot.Hosting;

/// <summary>
/// The process exit code a component asks for when it stops the host (a fatal gateway close, a wedged connection).
/// Kept per host rather than in <see cref="Environment.ExitCode"/>, which is process-wide and would leak between
/// hosts run in one process (tests, the load harness).
/// </summary>
public sealed class ExitCode
{
    private int _code;

    public int Code => Volatile.Read(ref _code);

    public void Fail(int code = 1) => Interlocked.CompareExchange(ref _code, code, 0);
}
