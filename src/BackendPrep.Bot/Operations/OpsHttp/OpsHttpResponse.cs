using System.Globalization;
using System.Text;

namespace BackendPrep.Bot.Operations.OpsHttp;

/// <summary>A complete response: the ops port's answers are small and built before sending, so no streaming.</summary>
internal sealed record OpsHttpResponse(int Status, ReadOnlyMemory<byte> Body = default, string? ContentType = null)
{
    /// <summary>The methods a 405 names.</summary>
    public string? Allow { get; init; }

    public bool NoStore { get; init; }

    public static OpsHttpResponse Json(int status, byte[] body) => new(status, body, "application/json") { NoStore = true };

    public static OpsHttpResponse MethodNotAllowed(string allow) => new(405) { Allow = allow };

    /// <summary>
    /// Status line and fields. <c>Content-Length</c> is the body's even for HEAD (as GET would answer), and every
    /// response says <c>Connection: close</c>: one request per connection keeps the server free of keep-alive state.
    /// </summary>
    public byte[] Head()
    {
        var head = new StringBuilder(160);
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {Status} {Reason(Status)}\r\n");
        if (ContentType is not null)
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {ContentType}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {Body.Length}\r\n");
        if (NoStore)
            head.Append("Cache-Control: no-store\r\n");
        if (Allow is not null)
            head.Append(CultureInfo.InvariantCulture, $"Allow: {Allow}\r\n");
        head.Append("Connection: close\r\n\r\n");
        return Encoding.ASCII.GetBytes(head.ToString());
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "Status",
    };
}
