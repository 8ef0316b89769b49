using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BackendPrep.Bot.Transports.Http;

/// <summary>HTTP mode's counterpart of the gateway check: the interactions endpoint is bound and serving.</summary>
internal sealed class HttpListenerHealthCheck(HttpInteractionsListener listener) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(listener.IsListening
            ? HealthCheckResult.Healthy("interactions endpoint listening")
            : HealthCheckResult.Unhealthy("the interactions endpoint is not listening"));
}
