using KhuyenCongBot.Core;
using KhuyenCongBot.Core.Forms;
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
        services.AddKhuyenCongForms();
        return services;
    }
}
