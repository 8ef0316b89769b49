using BackendPrep.Bot.Hosting;
using BackendPrep.Bot.Transports;
using BackendPrep.Core.Reminders;
using BackendPrep.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Features.Reminders;

/// <summary>Wakes the reminder loop when a schedule is set or removed.</summary>
internal sealed class ReminderSignal : WakeSignal;

/// <summary>
/// Posts each guild's daily reminder and each user's nudge at their local time.
/// Exactly one post per schedule per local date: the date is CLAIMED in storage (a conditional write that only moves
/// forward) before posting and CONFIRMED after. A crash between the two leaves a claim without a confirmation, and
/// on restart that date counts as done: this errs on the side of at most once, because a missing reminder costs a
/// group nothing it cannot recover from, while a duplicate ping to a whole role is noise people mute the bot for.
/// A failed delivery is not retried either: permissions and deleted channels mark the schedule unhealthy for
/// <c>/reminders show</c>; closed DMs switch the nudge off with a note for the user's next drill.
/// </summary>
internal sealed class ReminderService(
    IReminderStore store,
    IDrillSettingsStore settings,
    ReminderMessages messages,
    IChannelMessenger messenger,
    ReminderSignal signal,
    IOptions<RemindersOptions> options,
    TimeProvider time,
    ILogger<ReminderService> log,
    ReminderMetrics? metrics = null) : ScheduledLoop(time, log, signal)
{
    private readonly ReminderMetrics _metrics = metrics ?? new ReminderMetrics();

    /// <summary>Look again at least this often, as a backstop against a missed wake-up or a clock jump.</summary>
    protected override TimeSpan MaxSleep { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Posts whatever is due now; returns when the next occurrence is.</summary>
    protected internal override async Task<DateTimeOffset?> RunDueAsync(CancellationToken ct)
    {
        DateTimeOffset? earliest = null;
        foreach (var config in await store.AllAsync(ct))
        {
            var now = Time.GetUtcNow();
            ReminderDecision decision;
            try
            {
                decision = ReminderPlan.Decide(config.Schedule, config.ClaimedDate, now, options.Value.GraceWindow);
            }
            catch (TimeZoneNotFoundException)
            {
                await store.MarkAsync(config.Id, $"time zone {config.Schedule.TimeZone} is not known on this host", ct);
                continue;
            }

            if (decision.PostFor is { } date)
            {
                await PostAsync(config, date, now, ct);
            }

            if (decision.NextAt is { } at && (earliest is null || at < earliest))
            {
                earliest = at;
            }
        }

        return earliest;
    }

    private async Task PostAsync(ReminderConfig config, DateOnly date, DateTimeOffset now, CancellationToken ct)
    {
        if (!await store.TryClaimAsync(config.Id, date, ct))
        {
            _metrics.Skipped(config.Kind, "already claimed");
            return;
        }

        var reply = config.Kind == ReminderKind.Group
            ? await messages.GroupAsync(config, date, now, ct)
            : await messages.NudgeAsync(config, date, now, ct);
        if (reply is null)
        {
            await store.ConfirmAsync(config.Id, date, now, ct);
            _metrics.Skipped(config.Kind, "nothing due");
            return;
        }

        var destination = config.Kind == ReminderKind.Group
            ? Destination.Channel(config.ChannelId ?? "", mentionRoleId: config.RoleId)
            : Destination.Direct(config.UserId ?? "");
        try
        {
            await messenger.PostAsync(destination, reply, ct);
            _metrics.Posted(config.Kind);
            await store.ConfirmAsync(config.Id, date, now, ct);
        }
        catch (DeliveryException ex)
        {
            await FailedAsync(config, date, ex, ct);
        }
    }

    private async Task FailedAsync(ReminderConfig config, DateOnly date, DeliveryException ex, CancellationToken ct)
    {
        Log.LogWarning("Reminder {ReminderId} for {Date} not delivered: {Failure}", config.Id, date, ex.Failure);
        _metrics.Failed(config.Kind, ex.Failure.ToString());
        switch (ex.Failure)
        {
            case DeliveryFailure.CannotMessageUser when config.UserId is { } userId:
                await store.RemoveAsync(config.Id, ct);
                var user = await settings.GetAsync(userId, ct);
                await settings.SaveAsync(user with { Note = "I couldn't DM you your drill nudge (your DMs are closed to me), so I switched it off. Turn it back on with `/nudge` once DMs are open." }, ct);
                break;
            case DeliveryFailure.MissingPermissions:
                await store.MarkAsync(config.Id, "I lack permission to post in that channel (View Channel, Send Messages, Embed Links).", ct);
                break;
            case DeliveryFailure.UnknownChannel:
                await store.MarkAsync(config.Id, "the channel no longer exists.", ct);
                break;
            default:
                // Transient: the claim stands, so this date is skipped rather than retried (at most once).
                await store.MarkAsync(config.Id, $"the last post failed ({ex.Failure}); I will try again at the next scheduled Time.", ct);
                break;
        }
    }
}
