using BackendPrep.Core.Storage;
using BackendPrep.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackendPrep.Bot.Hosting;

/// <summary>
/// The LiteDB implementation of every study storage port, one instance each, timed per operation. Every feature calls this, so a feature
/// composed alone (as its tests do) still has its stores, and a full host registers each port once.
/// </summary>
public static class StudyStores
{
    public static IServiceCollection AddStudyStores(this IServiceCollection services)
    {
        services.TryAddMetered<ITopicProgressStore, TopicProgressStore>();
        services.TryAddMetered<IStudySessionStore, StudySessionStore>();
        services.TryAddMetered<IAttemptStore, AttemptStore>();
        services.TryAddMetered<IPromptRoundStore, GroupRoundStore>();
        services.TryAddMetered<IReviewStore, ReviewStore>();
        services.TryAddMetered<IDrillSettingsStore, DrillSettingsStore>();
        services.TryAddMetered<IReminderStore, ReminderStore>();
        services.TryAddMetered<IPrivacyStore, PrivacyStore>();
        services.TryAddMetered<IProfileStore, ProfileStore>();
        services.TryAddMetered<IUserDataStore, UserDataStore>();
        return services;
    }

    /// <summary>Every store sits behind <see cref="StorageMetrics.Metered{T}"/>, so each operation's duration is recorded.</summary>
    private static void TryAddMetered<TPort, TStore>(this IServiceCollection services)
        where TPort : class
        where TStore : class, TPort =>
        services.TryAddSingleton<TPort>(sp => StorageMetrics.Metered<TPort>(ActivatorUtilities.CreateInstance<TStore>(sp), sp.GetRequiredService<LiteDbStore>().Gate));
}
