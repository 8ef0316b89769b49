using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BackendPrep.Bot.Features.Reminders;

/// <summary>Unhealthy when the reminder loop has not completed a pass within its bound (stuck, or failing every pass).</summary>
internal sealed class ReminderLoopHealthCheck(ReminderService loop) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var since = loop.SinceLastPass;
        return Task.FromResult(since <= loop.HealthyWithin
            ? HealthCheckResult.Healthy($"last pass {since.TotalSeconds:0} s ago")
            : HealthCheckResult.Unhealthy($"no completed reminder pass for {since.TotalMinutes:0.0} min (bound {loop.HealthyWithin.TotalMinutes:0} min)"));
    }
}
