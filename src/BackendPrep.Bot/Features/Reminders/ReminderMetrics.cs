using System.Diagnostics.Metrics;
using BackendPrep.Bot.Interactions;
using BackendPrep.Core.Reminders;

namespace BackendPrep.Bot.Features.Reminders;

/// <summary>
/// <c>backendprep.reminders</c>: each due reminder's fate — posted, skipped (nothing to say, or already claimed) or
/// failed (with the delivery failure) — by kind (group, nudge).
/// </summary>
internal sealed class ReminderMetrics(IMeterFactory? meters = null)
{
    private readonly Counter<long> _reminders = (meters?.Create(RouterMetrics.MeterName) ?? RouterMetrics.Standalone(RouterMetrics.MeterName))
        .CreateCounter<long>("backendprep.reminders", "{reminder}", "Due reminders by kind and outcome (posted, skipped, failed)");

    public void Posted(ReminderKind kind) => Add(kind, "posted", null);

    public void Skipped(ReminderKind kind, string reason) => Add(kind, "skipped", reason);

    public void Failed(ReminderKind kind, string reason) => Add(kind, "failed", reason);

    private void Add(ReminderKind kind, string outcome, string? reason) =>
        _reminders.Add(1, new("kind", kind == ReminderKind.Group ? "group" : "nudge"), new("outcome", outcome), new("reason", reason ?? ""));
}
