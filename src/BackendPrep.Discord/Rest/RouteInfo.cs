namespace BackendPrep.Discord.Rest;

/// <summary>
/// One REST call's identity for rate limiting: method, route template (ids and tokens replaced by names), the
/// concrete path, and the major parameter (channel, guild, or webhook id + token) that splits Discord's buckets.
/// Interaction routes are exempt from the global limit.
/// </summary>
public sealed record RouteInfo(HttpMethod Method, string Template, string Path, string MajorParameter, bool IsInteraction = false)
{
    /// <summary>Key of the route before Discord has told us its bucket.</summary>
    internal string TemplateKey => $"{Method.Method} {Template}";

    /// <summary>For logs and metrics: never contains ids or tokens.</summary>
    public string Name => TemplateKey;

    /// <summary>
    /// A JSON error code with which Discord refuses a repeat of this (non-idempotent) call once the first one took
    /// effect. It makes retrying after a 5xx or a network error safe: a repeat either acts once or is refused with it.
    /// </summary>
    public int? RepeatRefusedWith { get; init; }

    /// <summary>
    /// The major parameter names something used once (an interaction's callback): its bucket is forgotten when the call
    /// completes unless it holds a wait, instead of idling in the limiter for minutes, one per interaction.
    /// </summary>
    public bool UsedOnce { get; init; }

    internal bool IsIdempotent => Method == HttpMethod.Get || Method == HttpMethod.Put || Method == HttpMethod.Patch || Method == HttpMethod.Delete
        || RepeatRefusedWith is not null;

    public override string ToString() => Name;
}
