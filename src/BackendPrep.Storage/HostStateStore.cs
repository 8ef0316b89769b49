using BackendPrep.Core.Storage;
using LiteDB;

namespace BackendPrep.Storage;

internal sealed class HostStateDocument
{
    public string Id { get; set; } = "";
    public string Value { get; set; } = "";
}

public sealed class HostStateStore(LiteDbStore store) : IHostStateStore
{
    private ILiteCollection<HostStateDocument> Collection => store.Database.GetCollection<HostStateDocument>("host_state");

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(Collection.FindById(key)?.Value);

    public Task SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        Collection.Upsert(new HostStateDocument { Id = key, Value = value });
        return Task.CompletedTask;
    }
}
