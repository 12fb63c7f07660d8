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
internal sealed class FiguresIndexWarmup(FiguresIndex index) : IHostedService
{
    /// <summary>Records read at start beyond which the memory of reading them is given back at once.</summary>
    internal const int CompactAfter = 100_000;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (index.Count >= CompactAfter)
        {
            // Reading every record left tens of MB of garbage and LiteDB buffers behind; without this the process keeps
            // them as its baseline for a long while (peak memory target: 300 MB with 1.000.000 records).
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
