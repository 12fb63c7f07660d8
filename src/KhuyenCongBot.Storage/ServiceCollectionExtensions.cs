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
        // Registered first so that, hosted services stopping in reverse order, it checkpoints last.
        services.Insert(0, ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, StoreLifetimeService>());
        return services;
    }
}
