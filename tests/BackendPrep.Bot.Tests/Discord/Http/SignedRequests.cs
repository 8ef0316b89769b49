using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using NSec.Cryptography;

namespace BackendPrep.Bot.Tests.Discord.Http;

/// <summary>Signs interaction requests the way Discord does: Ed25519 over the timestamp header followed by the raw body.</summary>
internal sealed class SignedRequests : IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);

    public string PublicKeyHex => Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public string Sign(string timestamp, byte[] body) =>
        Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(_key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));

    /// <summary>A POST whose headers and body can be tampered with independently after signing.</summary>
    public static HttpRequestMessage Post(Uri url, byte[] body, string? signature, string? timestamp)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
            request.Headers.TryAddWithoutValidation("X-Signature-Ed25519", signature);
        if (timestamp is not null)
            request.Headers.TryAddWithoutValidation("X-Signature-Timestamp", timestamp);
        return request;
    }

    public HttpRequestMessage SignedPost(Uri url, string json, DateTimeOffset at)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Post(url, body, Sign(timestamp, body), timestamp);
    }

    public void Dispose() => _key.Dispose();
}
