using KhuyenCongBot.Core.Messaging;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Zalo;

/// <summary>Registers the Zalo channel: options, API client, update handling, polling or webhook, files and the broadcast sender.</summary>
public static class ZaloServiceCollectionExtensions
{
    public static IServiceCollection AddKhuyenCongZalo(this IServiceCollection services, IConfiguration configuration)
    {
        var mode = ModeOf(configuration);
        services.AddOptions<ZaloOptions>().Bind(configuration.GetSection(ZaloOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ZaloOptions>, ZaloOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        // The default HttpClient logging writes request URLs, and Zalo URLs carry the token.
        services.AddHttpClient(ZaloApiClient.HttpClientName).RemoveAllLoggers();
        services.AddSingleton<ZaloApiClient>();
        services.AddSingleton<ZaloFileStore>();
        services.AddSingleton<ZaloReplySender>();
        services.AddSingleton<ZaloOutbox>();
        services.AddSingleton<ZaloUpdateProcessor>();
        services.AddSingleton<ZaloUpdateQueue>();
        services.TryAddSingleton(sp => HandlingGrace.For(sp.GetRequiredService<IHostApplicationLifetime>()));
        services.AddSingleton<ZaloReplayGuard>();
        services.AddSingleton<ZaloStartup>();
        services.AddSingleton<ZaloSendThrottle>();
        services.AddSingleton<ZaloMessageSender>();
        services.AddSingleton<IMessageSender>(sp => sp.GetRequiredService<ZaloMessageSender>());
        if (mode == ZaloMode.Webhook)
        {
            services.AddHostedService<ZaloWebhookService>();
        }
        else
        {
            services.AddHostedService<ZaloPollingService>();
        }
        return services;
    }

    /// <summary>Maps the Zalo webhook (Webhook mode) and the file downloads used for charts and spreadsheets.</summary>
    public static IEndpointRouteBuilder MapZaloEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapZaloFiles();
        endpoints.MapZaloWebhook();
        return endpoints;
    }

    /// <summary>Zalo:Mode (Polling when empty); a clear message for anything else.</summary>
    public static ZaloMode ModeOf(IConfiguration configuration)
    {
        var raw = configuration[$"{ZaloOptions.Section}:{nameof(ZaloOptions.Mode)}"];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return ZaloMode.Polling;
        }
        if (Enum.TryParse<ZaloMode>(raw.Trim(), ignoreCase: true, out var mode) && Enum.IsDefined(mode))
        {
            return mode;
        }
        throw new OptionsValidationException(ZaloOptions.Section, typeof(ZaloOptions),
            [$"Zalo:Mode phải là Polling hoặc Webhook, không phải '{raw}'."]);
    }
}
