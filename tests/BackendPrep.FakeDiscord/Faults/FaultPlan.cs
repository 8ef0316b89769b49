namespace BackendPrep.FakeDiscord.Faults;

/// <summary>
/// A reproducible stream of faults: one <see cref="Random"/> with a fixed seed draws the kind and its parameters, so a
/// failing run is replayed by running again with the seed it logged.
/// </summary>
public sealed class FaultPlan(int seed)
{
    private static readonly FaultKind[] AllKinds = Enum.GetValues<FaultKind>();
    private static readonly FaultKind[] RestKinds = [FaultKind.RateLimitBurst, FaultKind.ServerError, FaultKind.SlowResponse];
    private static readonly string[] Scopes = ["user", "global", "shared"];
    private static readonly int[] ServerErrors = [500, 502, 503, 504];

    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    /// <summary>Any kind, uniformly; a REST fault targets <paramref name="restRoute"/>.</summary>
    public Fault Next(string restRoute) => Draw(AllKinds[_random.Next(AllKinds.Length)], restRoute);

    /// <summary>A REST fault (429 burst, 5xx or slow answer) on <paramref name="route"/>.</summary>
    public Fault NextRest(string route) => Draw(RestKinds[_random.Next(RestKinds.Length)], route);

    private Fault Draw(FaultKind kind, string route) => kind switch
    {
        FaultKind.RateLimitBurst => new Fault(kind, route, Count: 1 + _random.Next(3), Seconds: Math.Round(0.1 + (_random.NextDouble() * 1.4), 3),
            Scope: Scopes[_random.Next(Scopes.Length)]),
        FaultKind.ServerError => new Fault(kind, route, Status: ServerErrors[_random.Next(ServerErrors.Length)]),
        // Below the client's 30 s request deadline: a slow answer, not a lost one.
        FaultKind.SlowResponse => new Fault(kind, route, Seconds: Math.Round(0.2 + (_random.NextDouble() * 2.3), 3)),
        _ => new Fault(kind),
    };
}
