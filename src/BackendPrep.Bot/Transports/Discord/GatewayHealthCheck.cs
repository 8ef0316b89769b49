using BackendPrep.Core.Replies;
using BackendPrep.Discord.Gateway;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BackendPrep.Bot.Transports.Discord;

/// <summary>Healthy when every shard has READY or RESUMED on its current connection (an open socket alone is not enough).</summary>
internal sealed class GatewayHealthCheck(ShardedGateway gateway) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var shards = gateway.Health;
        if (shards.Count == 0)
            return Task.FromResult(HealthCheckResult.Unhealthy("the gateway has not started"));
        var down = shards.Where(s => s.State != GatewayState.Connected).ToList();
        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy($"{Quantity.Of(shards.Count, "shard")} connected")
            : HealthCheckResult.Unhealthy(string.Join("; ", down.Select(s => $"shard {s.ShardId} is {s.State.ToString().ToLowerInvariant()}"))));
    }
}
