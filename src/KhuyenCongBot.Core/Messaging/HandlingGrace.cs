using Microsoft.Extensions.Hosting;

namespace KhuyenCongBot.Core.Messaging;

/// <summary>On a stop, channels refuse new deliveries while updates in hand finish, cancelled only past a grace period.</summary>
public sealed class HandlingGrace : IDisposable
{
    /// <summary>How long updates in hand (and their replies) may still run after a stop was asked.</summary>
    /// <remarks>
    /// The host allows 10 seconds in all (HostOptions.ShutdownTimeout). A stop must end in time whatever the platform does
    /// (an API that hangs): sends still in flight are cut here, what was cut is logged and sent at the next start (the
    /// update is left unconfirmed, so the platform delivers it again and the saved replies go out), then confirming
    /// takes at most <see cref="ConfirmDeadline"/>, and the database is checkpointed.
    /// </remarks>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(6);

    /// <summary>Longest wait for the platform to take the last confirmation on a stop.</summary>
    public static readonly TimeSpan ConfirmDeadline = TimeSpan.FromMilliseconds(1500);

    private readonly CancellationTokenSource _handling = new();
    private readonly CancellationToken _stopping;
    private readonly CancellationTokenRegistration _onStop;

    /// <summary>Starts the grace period when <paramref name="stopping"/> is cancelled.</summary>
    public HandlingGrace(CancellationToken stopping, TimeSpan grace)
    {
        _stopping = stopping;
        _onStop = stopping.Register(() =>
        {
            try
            {
                _handling.CancelAfter(grace);
            }
            catch (ObjectDisposedException)
            {
            }
        });
    }

    /// <summary>The grace of <see cref="Default"/> from the host's ApplicationStopping.</summary>
    public static HandlingGrace For(IHostApplicationLifetime lifetime) => new(lifetime.ApplicationStopping, Default);

    /// <summary>True once a stop was asked: new deliveries must be refused (a non-2xx answer, so they are delivered again later).</summary>
    public bool Stopping => _stopping.IsCancellationRequested;

    /// <summary>The token for updates in hand: cancelled only when they overrun the grace period after a stop.</summary>
    public CancellationToken Token => _handling.Token;

    public void Dispose()
    {
        _onStop.Dispose();
        _handling.Dispose();
    }
}
