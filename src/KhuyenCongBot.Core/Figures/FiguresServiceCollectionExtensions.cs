using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace KhuyenCongBot.Core.Figures;

/// <summary>Registers the figure sources: the in-memory index as <see cref="IFigureSource"/>, the plain scan by its own type.</summary>
public static class FiguresServiceCollectionExtensions
{
    public static IServiceCollection AddKhuyenCongFigureIndex(this IServiceCollection services)
    {
        services.TryAddSingleton<FiguresIndex>();
        services.TryAddSingleton<IFigureSource>(sp => sp.GetRequiredService<FiguresIndex>());
        services.TryAddSingleton<ScanFigureSource>();
        services.AddHostedService<FiguresIndexWarmup>();
        return services;
    }
}

/// <summary>Builds the figures index when the host starts, so the first question does not pay for it.</summary>
internal sealed class FiguresIndexWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<FiguresIndex>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
