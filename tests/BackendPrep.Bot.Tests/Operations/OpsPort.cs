using System.Net;
using BackendPrep.Bot.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace BackendPrep.Bot.Tests.Operations;

/// <summary>Test access to the bot's ops port: the bound address, and GETs against it.</summary>
internal sealed class OpsPort : IDisposable
{
    private readonly HttpClient _http = new();

    public OpsAddress Address { get; } = new();

    public static string[] Args => ["--Ops:Port=0"];

    /// <summary>Registers our <see cref="OpsAddress"/> last, so the host's server reports its bound port to us.</summary>
    public void Register(IServiceCollection services) => services.AddSingleton(Address);

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        var baseUrl = await Address.Bound.WaitAsync(TimeSpan.FromSeconds(20));
        using var response = await _http.GetAsync(new Uri(baseUrl, path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string path, string? origin = null)
    {
        var baseUrl = await Address.Bound.WaitAsync(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, path));
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Health follows background state (a socket closing, a loop passing), so this polls until the wanted status or a
    /// generous deadline; it asserts an outcome, never a duration.
    /// </summary>
    public async Task<(HttpStatusCode Status, string Body)> WaitForHealthAsync(HttpStatusCode wanted)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var result = await GetAsync("/healthz");
            if (result.Status == wanted || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(25);
        }
    }

    public void Dispose() => _http.Dispose();
}
