using BackendPrep.Bot.Hosting;
using BackendPrep.Core.Storage;
using BackendPrep.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Bot.Tests.Hosting;

public sealed class LogCheckpointLoopTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"bp-checkpoint-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_pass_empties_a_log_that_reached_the_configured_pages_and_leaves_a_shorter_one()
    {
        using var store = new LiteDbStore(_db, checkpointPages: 20);
        // Through the gate, as the bot's stores are: the loop looks only when an operation has passed it.
        var topics = StorageMetrics.Metered<ITopicProgressStore>(new TopicProgressStore(store), store.Gate);
        var loop = new LogCheckpointLoop(store, new FakeTimeProvider(), NullLogger<LogCheckpointLoop>.Instance);

        await topics.MarkLearnedAsync("u0", "caching", DateTimeOffset.UnixEpoch, default);
        var shortLog = LogBytes();
        Assert.Null(await loop.PassAsync(default));
        Assert.Equal(shortLog, LogBytes());

        for (var i = 1; LogBytes() < 20 * 8192; i++)
        {
            await topics.MarkLearnedAsync($"u{i}", "caching", DateTimeOffset.UnixEpoch, default);
        }

        Assert.Null(await loop.PassAsync(default));
        Assert.Equal(0, LogBytes());
    }

    private long LogBytes() => File.Exists(LogPath) ? new FileInfo(LogPath).Length : 0;

    private string LogPath => Path.ChangeExtension(_db, null) + "-log.db";

    public void Dispose()
    {
        File.Delete(_db);
        File.Delete(LogPath);
    }
}
