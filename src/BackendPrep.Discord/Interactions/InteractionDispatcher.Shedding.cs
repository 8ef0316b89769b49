using System.Threading.Channels;
using BackendPrep.Discord.Interactions.Http;
using BackendPrep.Discord.Models;
using Microsoft.Extensions.Logging;

namespace BackendPrep.Discord.Interactions;

public sealed partial class InteractionDispatcher
{
    /// <summary>
    /// Busy callbacks in flight at once. Unbounded, a burst of 2,000 opened ~2,000 connections whose contention
    /// pushed the admitted interactions' deferrals past 3 s. At Discord's ~100 ms round trip 128 clear ~1,300 a
    /// second, enough to tell a 2,000 burst "busy" inside its 3 s; 32 (tried first) left busy replies queueing for
    /// 2.7 s on the loaded test machine.
    /// </summary>
    internal const int BusySenders = 128;

    /// <summary>Shed interactions waiting for a busy sender. Past it admission waits, and so does the gateway.</summary>
    internal const int BusyBacklog = 1024;

    private long _shedsSinceLog;
    private long _lastShedLog;
    private long _lastBacklogLog;

    /// <summary>An interaction turned away: it gets the busy notice as its one initial callback.</summary>
    private sealed record BusyReply(Interaction Interaction, long ReceivedAt);

    /// <summary>Counts and queues the busy reply; returns at once unless the backlog is full.</summary>
    private ValueTask ShedAsync(ChannelWriter<BusyReply> busy, Interaction interaction, long receivedAt, CancellationToken ct)
    {
        _metrics.Shed();
        LogShed(interaction.Id);
        var reply = new BusyReply(interaction, receivedAt);
        return busy.TryWrite(reply) ? ValueTask.CompletedTask : WaitForBusySenderAsync(busy, reply, ct);
    }

    private async ValueTask WaitForBusySenderAsync(ChannelWriter<BusyReply> busy, BusyReply reply, CancellationToken ct)
    {
        // Once a second at most, like LogShed: every admission waits here while the backlog stays full.
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastBacklogLog);
        if ((last == 0 || _time.GetElapsedTime(last, now) >= TimeSpan.FromSeconds(1)) && Interlocked.CompareExchange(ref _lastBacklogLog, now, last) == last)
        {
            _logger.LogWarning("Busy-reply backlog full ({Backlog}); admission waits for a sender", BusyBacklog);
        }

        await busy.WriteAsync(reply, ct);
    }

    private async Task SendBusyRepliesAsync(ChannelReader<BusyReply> replies, CancellationToken ct)
    {
        try
        {
            await foreach (var reply in replies.ReadAllAsync(ct))
                await SendBusyAsync(reply.Interaction, NewResponder(reply.Interaction, reply.ReceivedAt), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>HTTP mode: the busy notice is the HTTP response itself, no outgoing call, so it needs no sender.</summary>
    private void ShedHttp(Interaction interaction, long receivedAt, PendingHttpResponse http, CancellationToken ct)
    {
        _metrics.Shed();
        LogShed(interaction.Id);
        var responder = NewResponder(interaction, receivedAt, http);
        Track(async () =>
        {
            try
            {
                await SendBusyAsync(interaction, responder, ct);
            }
            finally
            {
                http.Abandon();
            }
        });
    }

    private async Task SendBusyAsync(Interaction interaction, InteractionResponder responder, CancellationToken ct)
    {
        try
        {
            await responder.SendNoticeAsync(BusyText, ct);
            _metrics.InteractionHandled(interaction.Type.ToString(), "shed");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            _logger.LogWarning("Busy reply to interaction {InteractionId} failed: {Error}", interaction.Id, ex.Message);
        }
    }

    /// <summary>
    /// One warning per second at most: a line per shed in a burst of thousands can fill the logger's queue, and a
    /// blocked logger would stall admission while the gateway keeps receiving. The metric still counts each one.
    /// </summary>
    private void LogShed(ulong interactionId)
    {
        var now = _time.GetTimestamp();
        var suppressed = Interlocked.Increment(ref _shedsSinceLog);
        var last = Interlocked.Read(ref _lastShedLog);
        if (last != 0 && _time.GetElapsedTime(last, now) < TimeSpan.FromSeconds(1))
            return;
        if (Interlocked.CompareExchange(ref _lastShedLog, now, last) != last)
            return;
        Interlocked.Add(ref _shedsSinceLog, -suppressed);
        _logger.LogWarning("Interaction queue full ({Bound}); answering {InteractionId} and {Others} more since the last report with busy",
            _options.QueueBound, interactionId, suppressed - 1);
    }
}
