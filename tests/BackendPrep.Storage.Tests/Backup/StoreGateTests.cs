using BackendPrep.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace BackendPrep.Storage.Tests.Backup;

public sealed class StoreGateTests
{
    /// <summary>A store whose one operation finishes only when the test says so.</summary>
    private sealed class SlowTopics(Task finish) : ITopicProgressStore
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<bool> MarkLearnedAsync(string userId, string topicId, DateTimeOffset at, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await finish;
            return true;
        }

        public Task<IReadOnlyDictionary<string, DateTimeOffset>> LearnedAsync(string userId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, DateTimeOffset>>(new Dictionary<string, DateTimeOffset>());
    }

    /// <summary>A metered store with one operation inside the gate, which finishes when the test sets <c>finish</c>.</summary>
    private static async Task<(ITopicProgressStore Topics, Task<bool> Running, TaskCompletionSource Finish)> StartSlowOperationAsync(StoreGate gate)
    {
        var finish = new TaskCompletionSource();
        var slow = new SlowTopics(finish.Task);
        var topics = StorageMetrics.Metered<ITopicProgressStore>(slow, gate);
        var running = topics.MarkLearnedAsync("u", "t", default, default);
        await slow.Entered.Task;
        return (topics, running, finish);
    }

    [Fact]
    public async Task A_hold_waits_for_running_operations_and_new_ones_wait_for_the_hold()
    {
        var gate = new StoreGate();
        var (topics, running, finish) = await StartSlowOperationAsync(gate);

        var hold = gate.HoldAsync(TimeSpan.FromSeconds(30), new FakeTimeProvider(), default);
        Assert.False(hold.IsCompleted);
        Assert.Equal(1, gate.InFlight);

        finish.SetResult();
        await running;
        var held = await hold;
        var waiting = Task.Run(() => topics.LearnedAsync("u", default));
        Assert.False(waiting.IsCompleted);
        Assert.Equal(0, gate.InFlight);

        held.Dispose();
        Assert.Empty(await waiting);
        Assert.Equal(0, gate.InFlight);
    }

    [Fact]
    public async Task A_hold_that_cannot_drain_in_time_fails_and_lets_operations_through_again()
    {
        var gate = new StoreGate();
        var (topics, running, finish) = await StartSlowOperationAsync(gate);
        var time = new FakeTimeProvider();

        var hold = gate.HoldAsync(TimeSpan.FromSeconds(30), time, default);
        time.Advance(TimeSpan.FromSeconds(31));

        await Assert.ThrowsAsync<TimeoutException>(() => hold);
        Assert.Empty(await topics.LearnedAsync("u", default));
        finish.SetResult();
        Assert.True(await running);
        // The operation leaves the gate as its task completes; a second hold drains once it has.
        (await gate.HoldAsync(TimeSpan.FromSeconds(30), new FakeTimeProvider(), default)).Dispose();
        Assert.Equal(0, gate.InFlight);
    }

    [Fact]
    public async Task An_operation_waiting_at_a_hold_gives_up_when_its_token_is_cancelled()
    {
        var gate = new StoreGate();
        var topics = StorageMetrics.Metered<ITopicProgressStore>(new SlowTopics(Task.CompletedTask), gate);
        using var held = await gate.HoldAsync(TimeSpan.FromSeconds(30), new FakeTimeProvider(), default);
        using var cancel = new CancellationTokenSource();

        var waiting = Task.Run(() => topics.LearnedAsync("u", cancel.Token));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, gate.InFlight);
    }
}
