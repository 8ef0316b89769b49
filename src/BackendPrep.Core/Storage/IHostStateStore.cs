namespace BackendPrep.Core.Storage;

/// <summary>Small facts the host keeps between runs (e.g. the hash of the commands last registered with Discord).</summary>
public interface IHostStateStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}
