using KhuyenCongBot.Core.Broadcasts;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Core.People;

/// <summary>Registers people (invitations, users, access rules) and broadcasts (composer, sender service, monthly reminder).</summary>
public static class PeopleServiceCollectionExtensions
{
    /// <summary>Adds the people and broadcast modules; needs an <see cref="IBroadcastRepository"/> (the storage project's AddKhuyenCongBroadcastStorage).</summary>
    public static IServiceCollection AddKhuyenCongPeople(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BroadcastOptions>().Bind(configuration.GetSection(BroadcastOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<GroupRoster>();
        services.TryAddSingleton<AccessPolicy>();
        services.TryAddSingleton<CodeAttempts>();
        services.TryAddSingleton<InvitationService>();
        services.Replace(ServiceDescriptor.Singleton<IUnknownUserHandler, InvitationUnknownUserHandler>());
        services.AddSingleton<IBotModule, PeopleModule>();
        services.AddSingleton<IBotModule, AccountLinkModule>();
        services.TryAddSingleton<BroadcastSignal>();
        services.TryAddSingleton(sp => new BroadcastRunner(
            sp.GetRequiredService<IBroadcastRepository>(),
            sp.GetRequiredService<IBotStore>(),
            sp.GetServices<IMessageSender>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<BroadcastOptions>>().Value,
            sp.GetRequiredService<Text.UserTexts>(),
            sp.GetRequiredService<BroadcastSignal>(),
            sp.GetService<ILogger<BroadcastRunner>>()));
        services.TryAddSingleton<BroadcastComposer>();
        services.TryAddSingleton<ConfirmedBroadcasts>();
        services.AddSingleton<IBotModule, BroadcastModule>();
        services.TryAddSingleton<BroadcastService>();
        services.AddHostedService(sp => sp.GetRequiredService<BroadcastService>());
        return services;
    }
}
