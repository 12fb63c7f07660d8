using KhuyenCongBot.Core;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Outputs;
using KhuyenCongBot.Storage;

namespace KhuyenCongBot.Hosting;

/// <summary>Wires every part of the bot; the host and the tests compose it the same way.</summary>
public static class HostComposition
{
    /// <summary>Core, storage, figures, forms, outputs and people; channels are added by the host per configuration.</summary>
    public static IServiceCollection AddKhuyenCongBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddKhuyenCongCore(configuration);
        services.AddKhuyenCongStorage();
        services.AddKhuyenCongRecords();
        services.AddKhuyenCongFigureIndex();
        services.AddKhuyenCongOutputs();
        services.AddKhuyenCongQuestions(configuration);
        services.AddKhuyenCongForms();
        services.AddKhuyenCongReportingData();
        services.AddKhuyenCongPeople(configuration).AddKhuyenCongBroadcastStorage();
        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BackupService>();
        services.AddHostedService(sp => sp.GetRequiredService<BackupService>());
        services.AddSingleton<Core.Conversations.IBotModule, BackupModule>();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        return services;
    }
}
