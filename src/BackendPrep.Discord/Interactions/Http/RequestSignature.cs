using System.Buffers;
using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace BackendPrep.Discord.Interactions.Http;

public enum SignatureVerdict
{
    Valid,

    /// <summary>A signature or timestamp header is absent.</summary>
    Missing,

    /// <summary>The signature is not 128 hex characters or the timestamp is not Unix seconds.</summary>
    Malformed,

    /// <summary>The signature does not match the timestamp and body under the application's key.</summary>
    Invalid,

    /// <summary>Authentic but signed too long ago (or too far ahead): a replay, or a badly skewed clock.</summary>
    Stale,
}

/// <summary>
/// Checks Discord's request signature: Ed25519 over the UTF-8 timestamp header followed by the raw body, with the
/// application's public key. The freshness window is our own replay defence; Discord's docs do not require it.
/// </summary>
public sealed class RequestSignature
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;

    private readonly PublicKey _key;
    private readonly TimeSpan _maxAge;
    private readonly TimeProvider _time;

    /// <param name="publicKeyHex">The application's public key as 64 hex characters.</param>
    public RequestSignature(string publicKeyHex, TimeSpan maxAge, TimeProvider time)
    {
        if (!TryParseKey(publicKeyHex, out var key))
            throw new ArgumentException("The public key must be 64 hex characters (32 bytes) of a valid Ed25519 key.", nameof(publicKeyHex));
        _key = key;
        _maxAge = maxAge;
        _time = time;
    }

    /// <summary>Whether <paramref name="hex"/> is an importable Ed25519 public key (used by option validation).</summary>
    public static bool IsValidKey(string? hex) => TryParseKey(hex, out _);

    public SignatureVerdict Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp))
            return SignatureVerdict.Missing;
        Span<byte> signature = stackalloc byte[Algorithm.SignatureSize];
        if (signatureHex.Length != signature.Length * 2
            || Convert.FromHexString(signatureHex, signature, out _, out var written) != OperationStatus.Done || written != signature.Length
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return SignatureVerdict.Malformed;

        var prefixLength = Encoding.UTF8.GetByteCount(timestamp);
        var buffer = ArrayPool<byte>.Shared.Rent(prefixLength + body.Length);
        try
        {
            Encoding.UTF8.GetBytes(timestamp, buffer);
            body.CopyTo(buffer.AsSpan(prefixLength));
            if (!Algorithm.Verify(_key, buffer.AsSpan(0, prefixLength + body.Length), signature))
                return SignatureVerdict.Invalid;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        // Checked after the signature so only authentic requests are ever called stale.
        var skew = _time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        return Math.Abs(skew) > _maxAge.TotalSeconds ? SignatureVerdict.Stale : SignatureVerdict.Valid;
    }

    private static bool TryParseKey(string? hex, out PublicKey key)
    {
        key = null!;
        if (hex is null || hex.Length != Algorithm.PublicKeySize * 2)
            return false;
        byte[] raw;
        try
        {
            raw = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return false;
        }
        return PublicKey.TryImport(Algorithm, raw, KeyBlobFormat.RawPublicKey, out key!);
    }
}
