using KhuyenCongBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.Storage;

/// <summary>Checkpoints the database when the host stops, after the channels have stopped taking updates.</summary>
public sealed class StoreLifetimeService(IBotStore store, ILogger<StoreLifetimeService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            store.Checkpoint();
            logger.LogInformation("Database checkpointed on stop");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Checkpoint on stop failed");
        }
        return Task.CompletedTask;
    }
}
