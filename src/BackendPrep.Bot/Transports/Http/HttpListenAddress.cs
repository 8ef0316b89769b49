namespace BackendPrep.Bot.Transports.Http;

/// <summary>The URL the endpoint actually listens on, once bound (port 0 resolves to a real port here).</summary>
public sealed class HttpListenAddress
{
    private readonly TaskCompletionSource<Uri> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Uri> Bound => _bound.Task;

    internal void Set(Uri url) => _bound.TrySetResult(url);
}
