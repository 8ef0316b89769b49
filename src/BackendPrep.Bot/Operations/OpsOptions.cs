using System.Net;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Operations;

/// <summary><c>Ops:*</c> — the local operations port serving <c>/metrics</c> and <c>/healthz</c>; off unless a port is set.</summary>
public sealed class OpsOptions
{
    public const string Section = "Ops";

    /// <summary>TCP port; null (the default) serves nothing, 0 picks a free port (tests).</summary>
    public int? Port { get; set; }

    /// <summary>IP address to bind; loopback by default, since metrics and health are for the host's own agents.</summary>
    public string Address { get; set; } = "127.0.0.1";

    public bool Enabled => Port is not null;
}

internal sealed class OpsOptionsValidator : IValidateOptions<OpsOptions>
{
    public ValidateOptionsResult Validate(string? name, OpsOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 0 or > 65535)
            failures.Add($"Ops:Port must be in 0..65535, not {options.Port}.");
        if (!IPAddress.TryParse(options.Address, out _))
            failures.Add($"Ops:Address must be an IP address, not '{options.Address}'.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
