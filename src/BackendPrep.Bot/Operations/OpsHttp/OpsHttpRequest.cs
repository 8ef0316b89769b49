using System.Text;

namespace BackendPrep.Bot.Operations.OpsHttp;

/// <summary>
/// The little of a request the ops port acts on: method, path (query dropped), whether an <c>Origin</c> came (a browser
/// page's request, refused by <c>/backup</c>) and the body's length. Every other header field is read past, not kept.
/// </summary>
internal sealed record OpsHttpRequest(string Method, string Path, bool HasOrigin, long ContentLength)
{
    public bool IsGetOrHead => Method is "GET" or "HEAD";

    public bool IsHead => Method == "HEAD";
}

/// <summary>Parses a request head (request line and field lines, CRLF-separated, without the closing blank line).</summary>
internal static class RequestHead
{
    /// <summary>The request, or the status that refuses it (400 malformed, 411 a chunked body, 505 not HTTP/1.x).</summary>
    public static (OpsHttpRequest? Request, int Refusal) Parse(ReadOnlySpan<byte> head)
    {
        // Latin-1 maps every byte to one char, so no input can make decoding fail or grow; anything non-ASCII that
        // matters (method, target, version, field names) is then refused by the checks below.
        var lines = Encoding.Latin1.GetString(head).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !IsMethod(requestLine[0]) || !IsOriginForm(requestLine[1]))
            return (null, 400);
        var version = requestLine[2];
        if (version.Length != 8 || !version.StartsWith("HTTP/", StringComparison.Ordinal) || !char.IsAsciiDigit(version[5])
            || version[6] != '.' || !char.IsAsciiDigit(version[7]))
            return (null, 400);
        if (version[5] != '1')
            return (null, 505);

        var hasOrigin = false;
        long? contentLength = null;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            // No name, whitespace before the colon, or a folded continuation line: all malformed since RFC 9112.
            if (colon <= 0 || !IsToken(line.AsSpan(0, colon)))
                return (null, 400);
            var name = line.AsSpan(0, colon);
            var value = line.AsSpan(colon + 1).Trim(" \t");
            if (name.Equals("Origin", StringComparison.OrdinalIgnoreCase))
            {
                hasOrigin = true;
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                // No endpoint takes a body; a chunked one would have to be parsed to be drained, so it is refused instead.
                return (null, 411);
            }
            else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (value.Length is 0 or > 18 || value.ContainsAnyExceptInRange('0', '9'))
                    return (null, 400);
                var length = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                // Two different lengths are the classic request-smuggling ambiguity.
                if (contentLength is { } earlier && earlier != length)
                    return (null, 400);
                contentLength = length;
            }
        }

        var target = requestLine[1];
        var query = target.IndexOf('?', StringComparison.Ordinal);
        return (new OpsHttpRequest(requestLine[0], query < 0 ? target : target[..query], hasOrigin, contentLength ?? 0), 0);
    }

    private static bool IsMethod(string method) =>
        method.Length is > 0 and <= 16 && !method.AsSpan().ContainsAnyExceptInRange('A', 'Z');

    /// <summary>Only <c>/path[?query]</c>: the ops port is no proxy, so absolute and authority forms are refused.</summary>
    private static bool IsOriginForm(string target)
    {
        if (target.Length == 0 || target[0] != '/')
            return false;
        foreach (var c in target)
        {
            if (c <= ' ' || c >= '\x7f')
                return false;
        }

        return true;
    }

    private static bool IsToken(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c)))
                return false;
        }

        return true;
    }
}
