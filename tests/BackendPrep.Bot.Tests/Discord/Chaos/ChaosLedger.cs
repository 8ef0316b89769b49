using System.Globalization;
using System.Text;
using BackendPrep.Discord.Gateway;
using BackendPrep.FakeDiscord;
using BackendPrep.FakeDiscord.Faults;

namespace BackendPrep.Bot.Tests.Discord.Chaos;

/// <summary>
/// Book-keeping of a chaos run: what was sent (and into which gateway session), which faults were injected, and what
/// the bot's counters should say about them.
/// </summary>
internal sealed class ChaosLedger(FakeDiscordServer discord, BotProbe probe)
{
    private readonly Dictionary<ulong, string> _sessionOf = [];
    private readonly Dictionary<FaultKind, int> _faults = [];
    private readonly Dictionary<string, int> _rateLimits = new(StringComparer.Ordinal);
    private int _serverErrors;

    public FakeDiscordServer Discord { get; } = discord;

    public BotProbe Probe { get; } = probe;

    public bool Connected => Probe.Gateway is { State: GatewayState.Connected, SessionId: not null };

    /// <summary>
    /// Nothing sent is still in flight: each interaction was answered, or joined a session the bot has since replaced
    /// by a new one without reading it (lost the way Discord loses it).
    /// </summary>
    public bool Settled
    {
        get
        {
            var session = Probe.Gateway.SessionId;
            var answered = AcceptedCallbacks();
            return _sessionOf.All(s => answered.ContainsKey(s.Key) || (!Probe.Deliveries.Delivered(s.Key) && session is not null && s.Value != session));
        }
    }

    public int FaultsInjected => _faults.Values.Sum();

    public async Task SendAsync(string json)
    {
        var (session, _) = await Discord.Gateway.DispatchInSessionAsync("INTERACTION_CREATE", json);
        _sessionOf[BotOnFakeDiscord.Id(json)] = session;
    }

    public void Injected(Fault fault)
    {
        _faults[fault.Kind] = _faults.GetValueOrDefault(fault.Kind) + 1;
        if (fault.Kind == FaultKind.RateLimitBurst)
        {
            _rateLimits[fault.Scope!] = _rateLimits.GetValueOrDefault(fault.Scope!) + fault.Count;
        }
        else if (fault.Kind == FaultKind.ServerError)
        {
            _serverErrors++;
        }
    }

    public ChaosReport Report()
    {
        var accepted = AcceptedCallbacks();
        var delivered = Probe.Deliveries.Interactions;
        int Count(FaultKind kind) => _faults.GetValueOrDefault(kind);
        var reconnects = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["close 1000"] = Count(FaultKind.Close1000),
            ["close 1001"] = Count(FaultKind.Close1001),
            ["close 4000"] = Count(FaultKind.Close4000),
            ["close 4007"] = Count(FaultKind.Close4007),
            ["close 4009"] = Count(FaultKind.Close4009),
            ["reconnect requested"] = Count(FaultKind.Reconnect),
            ["invalid session (resumable)"] = Count(FaultKind.InvalidSessionResumable),
            ["invalid session"] = Count(FaultKind.InvalidSessionFresh),
            ["zombie connection"] = Count(FaultKind.Zombie),
        };

        return new ChaosReport(
            Sent: _sessionOf.Count,
            Delivered: delivered.Count,
            Redelivered: delivered.Values.Sum() - delivered.Count,
            Unanswered: [.. delivered.Keys.Where(id => accepted.GetValueOrDefault(id) == 0)],
            AnsweredTwice: [.. accepted.Where(a => a.Value > 1).Select(a => a.Key)],
            AnsweredButNeverDelivered: [.. accepted.Keys.Where(id => !delivered.ContainsKey(id))],
            Faults: new Dictionary<FaultKind, int>(_faults),
            ExpectedReconnects: reconnects,
            Drops: Count(FaultKind.SocketDrop),
            ExpectedResumes: _faults.Where(f => new Fault(f.Key).IsGateway && !new Fault(f.Key).EndsSession).Sum(f => f.Value),
            SessionEnding: _faults.Where(f => new Fault(f.Key).EndsSession).Sum(f => f.Value),
            RateLimitsByScope: new Dictionary<string, int>(_rateLimits),
            ServerErrors: _serverErrors);
    }

    private Dictionary<ulong, int> AcceptedCallbacks() =>
        Discord.RequestsTo(FakeRoutes.Callback)
            .Where(r => r.ResponseStatus is >= 200 and < 300)
            .GroupBy(r => ulong.Parse(r.Path.Split('/')[2], CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>The figures of a chaos run (docs/reliability.md quotes them).</summary>
internal sealed record ChaosReport(
    int Sent,
    int Delivered,
    int Redelivered,
    IReadOnlyList<ulong> Unanswered,
    IReadOnlyList<ulong> AnsweredTwice,
    IReadOnlyList<ulong> AnsweredButNeverDelivered,
    IReadOnlyDictionary<FaultKind, int> Faults,
    IReadOnlyDictionary<string, int> ExpectedReconnects,
    int Drops,
    int ExpectedResumes,
    int SessionEnding,
    IReadOnlyDictionary<string, int> RateLimitsByScope,
    int ServerErrors)
{
    public int FaultsInjected => Faults.Values.Sum();

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"faults injected: {FaultsInjected}");
        foreach (var (kind, count) in Faults.OrderBy(f => f.Key))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {kind}: {count}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"interactions sent {Sent}, delivered to the bot {Delivered}, lost with their session {Sent - Delivered}, replayed after resume {Redelivered}");
        text.AppendLine(CultureInfo.InvariantCulture, $"unanswered {Unanswered.Count}, answered twice {AnsweredTwice.Count}");
        text.Append(CultureInfo.InvariantCulture, $"429s by scope: {string.Join(", ", RateLimitsByScope.Select(r => $"{r.Key} {r.Value}"))}; 5xx: {ServerErrors}");
        return text.ToString();
    }
}
