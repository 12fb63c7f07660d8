using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Storage;

/// <summary>Registers the LiteDB store at Storage:DatabasePath.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddKhuyenCongStorage(this IServiceCollection services)
    {
        services.AddSingleton<IBotStore>(sp => new LiteDbStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath));
        return services;
    }
}
