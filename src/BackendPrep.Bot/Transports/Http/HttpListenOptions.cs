using System.Net;
using Microsoft.Extensions.Options;

namespace BackendPrep.Bot.Transports.Http;

/// <summary><c>Discord:Http:*</c> — where the Interactions Endpoint listens (behind the TLS proxy Discord talks to).</summary>
public sealed class HttpListenOptions
{
    public const string Section = "Discord:Http";

    /// <summary>IP address to bind; loopback by default, since a TLS-terminating proxy is expected in front.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 8090;

    /// <summary>The request path Discord posts to (the path part of the Interactions Endpoint URL).</summary>
    public string Path { get; set; } = "/interactions";
}

internal sealed class HttpListenOptionsValidator : IValidateOptions<HttpListenOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpListenOptions options)
    {
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.Address, out _))
            failures.Add($"Discord:Http:Address must be an IP address, not '{options.Address}'.");
        if (options.Port is < 0 or > 65535)
            failures.Add("Discord:Http:Port must be in 0..65535.");
        if (string.IsNullOrEmpty(options.Path) || options.Path[0] != '/')
            failures.Add("Discord:Http:Path must start with '/'.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
