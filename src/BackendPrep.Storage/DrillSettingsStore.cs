using BackendPrep.Core.Drills;
using BackendPrep.Core.Storage;
using BackendPrep.Core.Study;
using LiteDB;

namespace BackendPrep.Storage;

internal sealed class DrillSettingsDocument
{
    public string Id { get; set; } = "";
    public Deck Deck { get; set; }
    public double Retention { get; set; }
    public int NewPerDay { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public int? InterviewDayNumber { get; set; }
    public string? LastGuildId { get; set; }
    public string? Note { get; set; }
}

public sealed class DrillSettingsStore : IDrillSettingsStore
{
    private const string Name = "drill_settings";
    private readonly LiteDbStore _store;

    public DrillSettingsStore(LiteDbStore store)
    {
        _store = store;
        Collection.EnsureIndex(d => d.LastGuildId);
    }

    private ILiteCollection<DrillSettingsDocument> Collection => _store.Database.GetCollection<DrillSettingsDocument>(Name);

    public Task<DrillSettings> GetAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(Collection.FindById(userId) is { } d ? FromDocument(d) : new DrillSettings(userId));

    public Task SaveAsync(DrillSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Collection.Upsert(new DrillSettingsDocument
        {
            Id = settings.UserId,
            Deck = settings.Deck,
            Retention = settings.Retention,
            NewPerDay = settings.NewPerDay,
            TimeZone = settings.TimeZone,
            InterviewDayNumber = settings.InterviewDate?.DayNumber,
            LastGuildId = settings.LastGuildId,
            Note = settings.Note,
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DrillSettings>> InGuildAsync(string guildId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DrillSettings>>([.. Collection.Find(d => d.LastGuildId == guildId).Select(FromDocument)]);

    private static DrillSettings FromDocument(DrillSettingsDocument d) => new(d.Id)
    {
        Deck = d.Deck,
        Retention = d.Retention,
        NewPerDay = d.NewPerDay,
        TimeZone = d.TimeZone,
        InterviewDate = d.InterviewDayNumber is { } n ? DateOnly.FromDayNumber(n) : null,
        LastGuildId = d.LastGuildId,
        Note = d.Note,
    };
}
