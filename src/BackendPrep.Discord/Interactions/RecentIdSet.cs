namespace BackendPrep.Discord.Interactions;

/// <summary>
/// Ids seen in the last <c>ttl</c> (bounded), so an interaction redelivered after a resume is handled once.
/// 15 minutes matches the interaction token lifetime: after that a redelivery could not be answered anyway.
/// </summary>
internal sealed class RecentIdSet(TimeProvider time, TimeSpan ttl, int capacity)
{
    private readonly Dictionary<ulong, long> _seen = [];
    private readonly Queue<(ulong Id, long At)> _order = new();
    private readonly Lock _lock = new();

    /// <summary>True if the id is new (and is now remembered).</summary>
    public bool TryAdd(ulong id)
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            while (_order.Count > 0 && (_order.Count >= capacity || time.GetElapsedTime(_order.Peek().At, now) >= ttl))
            {
                var (oldId, at) = _order.Dequeue();
                if (_seen.TryGetValue(oldId, out var stamp) && stamp == at)
                    _seen.Remove(oldId);
            }
            if (_seen.ContainsKey(id))
                return false;
            _seen[id] = now;
            _order.Enqueue((id, now));
            return true;
        }
    }
}
