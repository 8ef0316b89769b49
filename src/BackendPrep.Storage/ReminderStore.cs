using BackendPrep.Core.Reminders;
using BackendPrep.Core.Storage;
using LiteDB;

namespace BackendPrep.Storage;

internal sealed class ReminderDocument
{
    public string Id { get; set; } = "";
    public ReminderKind Kind { get; set; }
    public string? GuildId { get; set; }
    public string? UserId { get; set; }
    public string? ChannelId { get; set; }
    public string? RoleId { get; set; }
    public int MinuteOfDay { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public int Days { get; set; }

    /// <summary>Local dates as day numbers so the claim is a plain integer comparison inside LiteDB.</summary>
    public int ClaimedDay { get; set; } = -1;
    public int ConfirmedDay { get; set; } = -1;
    public DateTime? LastPostedUtc { get; set; }
    public string? Problem { get; set; }
}

public sealed class ReminderStore : IReminderStore
{
    private const string Name = "reminders";
    private readonly LiteDbStore _store;

    public ReminderStore(LiteDbStore store)
    {
        _store = store;
        Collection.EnsureIndex(d => d.Kind);
    }

    private ILiteCollection<ReminderDocument> Collection => _store.Database.GetCollection<ReminderDocument>(Name);

    public Task<ReminderConfig?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(Collection.FindById(id) is { } d ? FromDocument(d) : null);

    public Task<IReadOnlyList<ReminderConfig>> AllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReminderConfig>>([.. Collection.FindAll().Select(FromDocument)]);

    public Task SaveAsync(ReminderConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var existing = Collection.FindById(config.Id);
        Collection.Upsert(new ReminderDocument
        {
            Id = config.Id,
            Kind = config.Kind,
            GuildId = config.GuildId,
            UserId = config.UserId,
            ChannelId = config.ChannelId,
            RoleId = config.RoleId,
            MinuteOfDay = (config.Schedule.At.Hour * 60) + config.Schedule.At.Minute,
            TimeZone = config.Schedule.TimeZone,
            Days = config.Schedule.Days.Aggregate(0, (bits, d) => bits | (1 << (int)d)),
            ClaimedDay = existing?.ClaimedDay ?? -1,
            ConfirmedDay = existing?.ConfirmedDay ?? -1,
            LastPostedUtc = existing?.LastPostedUtc,
            Problem = null,
        });
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Collection.Delete(id));

    public Task<bool> TryClaimAsync(string id, DateOnly localDate, CancellationToken cancellationToken)
    {
        var day = localDate.DayNumber;
        var claimed = Collection.UpdateMany(d => new ReminderDocument
        {
            Id = d.Id,
            Kind = d.Kind,
            GuildId = d.GuildId,
            UserId = d.UserId,
            ChannelId = d.ChannelId,
            RoleId = d.RoleId,
            MinuteOfDay = d.MinuteOfDay,
            TimeZone = d.TimeZone,
            Days = d.Days,
            ClaimedDay = day,
            ConfirmedDay = d.ConfirmedDay,
            LastPostedUtc = d.LastPostedUtc,
            Problem = d.Problem,
        }, d => d.Id == id && d.ClaimedDay < day);
        return Task.FromResult(claimed == 1);
    }

    public Task ConfirmAsync(string id, DateOnly localDate, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (Collection.FindById(id) is { } d)
        {
            d.ConfirmedDay = Math.Max(d.ConfirmedDay, localDate.DayNumber);
            d.LastPostedUtc = at.UtcDateTime;
            d.Problem = null;
            Collection.Update(d);
        }

        return Task.CompletedTask;
    }

    public Task MarkAsync(string id, string? problem, CancellationToken cancellationToken)
    {
        if (Collection.FindById(id) is { } d)
        {
            d.Problem = problem;
            Collection.Update(d);
        }

        return Task.CompletedTask;
    }

    private static DateOnly? Day(int number) => number < 0 ? null : DateOnly.FromDayNumber(number);

    private static ReminderConfig FromDocument(ReminderDocument d) =>
        new(d.Id, d.Kind, new ReminderSchedule(
            new TimeOnly(d.MinuteOfDay / 60, d.MinuteOfDay % 60),
            d.TimeZone,
            Enum.GetValues<DayOfWeek>().Where(day => (d.Days & (1 << (int)day)) != 0).ToHashSet()))
        {
            GuildId = d.GuildId,
            UserId = d.UserId,
            ChannelId = d.ChannelId,
            RoleId = d.RoleId,
            ClaimedDate = Day(d.ClaimedDay),
            ConfirmedDate = Day(d.ConfirmedDay),
            LastPostedAt = d.LastPostedUtc is { } p ? new DateTimeOffset(DateTime.SpecifyKind(p, DateTimeKind.Utc)) : null,
            Problem = d.Problem,
        };
}
