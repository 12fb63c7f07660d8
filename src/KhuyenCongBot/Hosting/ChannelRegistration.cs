using KhuyenCongBot.Telegram;

namespace KhuyenCongBot.Hosting;

/// <summary>Adds the channels that have a token configured and maps their webhook endpoints.</summary>
public static class ChannelRegistration
{
    /// <summary>Registers each configured channel; returns their names (empty when none is configured).</summary>
    public static IReadOnlyList<string> AddChannels(IServiceCollection services, IConfiguration configuration)
    {
        var channels = new List<string>();
        // /health and the webhook answer without naming the web server.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        if (!string.IsNullOrWhiteSpace(configuration["Telegram:BotToken"]))
        {
            services.AddKhuyenCongTelegram(configuration);
            channels.Add("telegram");
        }
        if (!string.IsNullOrWhiteSpace(configuration["Zalo:BotToken"]))
        {
            Zalo.ZaloServiceCollectionExtensions.AddKhuyenCongZalo(services, configuration);
            channels.Add("zalo");
        }
        return channels;
    }

    public static void MapEndpoints(WebApplication app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        if (app.Services.GetService<TelegramBot>() is not null)
        {
            app.MapTelegramWebhook();
        }
        if (app.Services.GetService<Zalo.ZaloApiClient>() is not null)
        {
            Zalo.ZaloServiceCollectionExtensions.MapZaloEndpoints(app);
        }
    }
}
