using Microsoft.Extensions.Configuration;
using KhuyenCongBot.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Telegram;

/// <summary>Registers the Telegram channel: options, client, update handling, polling or webhook, and the broadcast sender.</summary>
public static class TelegramServiceCollectionExtensions
{
    public static IServiceCollection AddKhuyenCongTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.AddSingleton<TelegramBot>();
        services.AddSingleton<TelegramReplySender>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<TelegramUpdateQueue>();
        services.AddSingleton<TelegramInbox>();
        services.TryAddSingleton(sp => HandlingGrace.For(sp.GetRequiredService<IHostApplicationLifetime>()));
        services.AddSingleton<TelegramInitializer>();
        services.AddSingleton<TelegramMessageSender>();
        services.AddSingleton<Core.Messaging.IMessageSender>(sp => sp.GetRequiredService<TelegramMessageSender>());
        services.AddSingleton<Core.People.IGroupDirectory, TelegramGroupDirectory>();
        var mode = ModeOf(configuration);
        if (mode == TelegramMode.Webhook)
        {
            services.AddHostedService<TelegramWebhookService>();
        }
        else
        {
            services.AddHostedService<TelegramPollingService>();
        }
        return services;
    }

    /// <summary>Telegram:Mode (Polling when empty); a clear message for anything else.</summary>
    public static TelegramMode ModeOf(IConfiguration configuration)
    {
        var raw = configuration[$"{TelegramOptions.Section}:{nameof(TelegramOptions.Mode)}"];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return TelegramMode.Polling;
        }
        if (Enum.TryParse<TelegramMode>(raw.Trim(), ignoreCase: true, out var mode) && Enum.IsDefined(mode))
        {
            return mode;
        }
        throw new OptionsValidationException(TelegramOptions.Section, typeof(TelegramOptions),
            [$"Telegram:Mode phải là Polling hoặc Webhook, không phải '{raw}'."]);
    }
}
