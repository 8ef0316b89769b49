using BackendPrep.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BackendPrep.Bot.Operations;

/// <summary>Healthy when a probe write to the LiteDB file succeeds: it exercises the same WAL and file as real writes.</summary>
internal sealed class StorageHealthCheck(LiteDbStore store, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            store.ProbeWrite(time.GetUtcNow());
            return Task.FromResult(HealthCheckResult.Healthy("probe write succeeded"));
        }
        catch (Exception ex)
        {
            // Whatever LiteDB or the OS throws (disk full, file gone read-only, database closed) is the reason.
            return Task.FromResult(HealthCheckResult.Unhealthy($"storage is not writable: {ex.GetType().Name}: {ex.Message}"));
        }
    }
}
