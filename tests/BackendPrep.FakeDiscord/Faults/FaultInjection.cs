namespace BackendPrep.FakeDiscord.Faults;

/// <summary>Carries out a <see cref="Fault"/> on a running fake Discord.</summary>
public static class FaultInjection
{
    /// <summary>
    /// Gateway faults act on the live connection at once (there must be one); REST faults are queued as scripted
    /// answers for the next requests to the fault's route.
    /// </summary>
    public static Task InjectAsync(this FakeDiscordServer server, Fault fault)
    {
        var gateway = server.Gateway;
        switch (fault.Kind)
        {
            case FaultKind.SocketDrop:
                gateway.Drop();
                return Task.CompletedTask;
            case FaultKind.Close1000:
                return gateway.CloseAsync(1000, "chaos");
            case FaultKind.Close1001:
                return gateway.CloseAsync(1001, "chaos");
            case FaultKind.Close4000:
                return gateway.CloseAsync(4000, "chaos");
            case FaultKind.Close4007:
                return gateway.CloseAsync(4007, "chaos");
            case FaultKind.Close4009:
                return gateway.CloseAsync(4009, "chaos");
            case FaultKind.Reconnect:
                return gateway.RequestReconnectAsync();
            case FaultKind.InvalidSessionResumable:
                return gateway.InvalidateSessionAsync(resumable: true);
            case FaultKind.InvalidSessionFresh:
                return gateway.InvalidateSessionAsync(resumable: false);
            case FaultKind.Zombie:
                gateway.BecomeZombie();
                return Task.CompletedTask;
            case FaultKind.RateLimitBurst:
                for (var i = 0; i < fault.Count; i++)
                {
                    server.Enqueue(Route(fault), FakeResponse.RateLimited(fault.Seconds, global: fault.Scope == "global", scope: fault.Scope));
                }

                return Task.CompletedTask;
            case FaultKind.ServerError:
                server.Enqueue(Route(fault), FakeResponse.ServerError(fault.Status));
                return Task.CompletedTask;
            case FaultKind.SlowResponse:
                server.Enqueue(Route(fault), FakeResponse.Slow(TimeSpan.FromSeconds(fault.Seconds)));
                return Task.CompletedTask;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, "unknown fault");
        }
    }

    private static string Route(Fault fault) => fault.Route ?? throw new ArgumentException($"{fault.Kind} needs a route", nameof(fault));
}
