using System.Globalization;
using System.Text;
using BackendPrep.Discord.Hosting;
using BackendPrep.Discord.Interactions.Http;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;

namespace BackendPrep.Discord.Tests.Interactions.Http;

public sealed class RequestSignatureTests : IDisposable
{
    private static readonly byte[] Body = """{"type":1}"""u8.ToArray();

    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));

    private string PublicKeyHex => Convert.ToHexString(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    private RequestSignature Verifier() => new(PublicKeyHex, TimeSpan.FromMinutes(5), _time);

    private string Now => _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private string Sign(string timestamp, byte[] body) =>
        Convert.ToHexString(SignatureAlgorithm.Ed25519.Sign(_key, [.. Encoding.UTF8.GetBytes(timestamp), .. body]));

    [Fact]
    public void Accepts_the_signature_over_timestamp_and_body_in_either_hex_case()
    {
        var signature = Sign(Now, Body);

        Assert.Equal(SignatureVerdict.Valid, Verifier().Verify(signature, Now, Body));
        Assert.Equal(SignatureVerdict.Valid, Verifier().Verify(signature.ToLowerInvariant(), Now, Body));
    }

    [Fact]
    public void The_timestamp_is_part_of_what_is_signed()
    {
        var signedAt = Now;
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(SignatureVerdict.Invalid, Verifier().Verify(Sign(signedAt, Body), Now, Body));
    }

    [Fact]
    public void One_flipped_bit_in_the_body_or_the_signature_is_invalid()
    {
        var signature = Sign(Now, Body);
        var tampered = (byte[])Body.Clone();
        tampered[^2] ^= 1;
        var badSignature = (signature[0] == '0' ? "1" : "0") + signature[1..];

        Assert.Equal(SignatureVerdict.Invalid, Verifier().Verify(signature, Now, tampered));
        Assert.Equal(SignatureVerdict.Invalid, Verifier().Verify(badSignature, Now, Body));
    }

    [Theory]
    [InlineData(null, "1", SignatureVerdict.Missing)]
    [InlineData("", "1", SignatureVerdict.Missing)]
    [InlineData("ab", null, SignatureVerdict.Missing)]
    [InlineData("abcd", "1", SignatureVerdict.Malformed)]
    [InlineData("zz", "1", SignatureVerdict.Malformed)]
    public void Missing_or_malformed_headers_are_refused(string? signature, string? timestamp, SignatureVerdict expected)
    {
        Assert.Equal(expected, Verifier().Verify(signature, timestamp, Body));
    }

    [Fact]
    public void A_non_numeric_timestamp_is_malformed_even_when_signed()
    {
        Assert.Equal(SignatureVerdict.Malformed, Verifier().Verify(Sign("-5", Body), "-5", Body));
    }

    [Fact]
    public void Authentic_requests_outside_the_window_are_stale_on_either_side()
    {
        var signedAt = Now;
        var signature = Sign(signedAt, Body);

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(SignatureVerdict.Valid, Verifier().Verify(signature, signedAt, Body));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SignatureVerdict.Stale, Verifier().Verify(signature, signedAt, Body));

        var ahead = (_time.GetUtcNow() + TimeSpan.FromMinutes(6)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal(SignatureVerdict.Stale, Verifier().Verify(Sign(ahead, Body), ahead, Body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abcdef")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000000000")]
    public void Http_mode_needs_a_32_byte_hex_public_key_and_the_error_names_it(string key)
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = "t", Mode = DiscordMode.Http, PublicKey = key });

        Assert.True(result.Failed);
        Assert.Contains("Discord:PublicKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new RequestSignature(key, TimeSpan.FromMinutes(5), _time));
    }

    [Fact]
    public void Gateway_mode_needs_no_public_key_and_http_mode_accepts_a_real_one()
    {
        var validator = new DiscordOptionsValidator();

        Assert.True(validator.Validate(null, new DiscordOptions { Token = "t" }).Succeeded);
        Assert.True(validator.Validate(null, new DiscordOptions { Token = "t", Mode = DiscordMode.Http, PublicKey = PublicKeyHex }).Succeeded);
        Assert.Contains("Discord:SignatureMaxAge", validator.Validate(null, new DiscordOptions { Token = "t", SignatureMaxAge = TimeSpan.Zero }).FailureMessage, StringComparison.Ordinal);
    }

    public void Dispose() => _key.Dispose();
}
