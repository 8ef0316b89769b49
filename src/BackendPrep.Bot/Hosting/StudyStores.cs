using BackendPrep.Core.Storage;
using BackendPrep.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BackendPrep.Bot.Hosting;

/// <summary>
/// The LiteDB implementation of every study storage port, one instance each. Every feature calls this, so a feature
/// composed alone (as its tests do) still has its stores, and a full host registers each port once.
/// </summary>
public static class StudyStores
{
    public static IServiceCollection AddStudyStores(this IServiceCollection services)
    {
        services.TryAddSingleton<ITopicProgressStore, TopicProgressStore>();
        services.TryAddSingleton<IStudySessionStore, StudySessionStore>();
        services.TryAddSingleton<IAttemptStore, AttemptStore>();
        services.TryAddSingleton<IPromptRoundStore, GroupRoundStore>();
        services.TryAddSingleton<IReviewStore, ReviewStore>();
        services.TryAddSingleton<IDrillSettingsStore, DrillSettingsStore>();
        services.TryAddSingleton<IReminderStore, ReminderStore>();
        services.TryAddSingleton<IPrivacyStore, PrivacyStore>();
        services.TryAddSingleton<IProfileStore, ProfileStore>();
        services.TryAddSingleton<IUserDataStore, UserDataStore>();
        return services;
    }
}
