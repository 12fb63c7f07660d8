namespace KhuyenCongBot.Core.Time;

/// <summary>The bot's clock in Vietnam time (or the configured zone), taken from a <see cref="TimeProvider"/>.</summary>
public sealed class BotClock(TimeProvider timeProvider, TimeZoneInfo zone)
{
    public TimeProvider TimeProvider { get; } = timeProvider;
    public TimeZoneInfo Zone { get; } = zone;

    private sealed record Slot(long Index, TimeSpan Offset);

    private Slot _slot = new(long.MinValue, TimeSpan.Zero);

    /// <summary>Now, in the bot's zone.</summary>
    public DateTimeOffset Now
    {
        get
        {
            // The zone's offset is looked up once per quarter of an hour (zones change offset on quarter-hour boundaries):
            // asked on every message, the rule lookup is not free.
            var utc = TimeProvider.GetUtcNow();
            var index = utc.UtcTicks / (TimeSpan.TicksPerMinute * 15);
            var slot = _slot;
            if (slot.Index != index)
            {
                slot = new Slot(index, Zone.GetUtcOffset(utc));
                _slot = slot;
            }
            return utc.ToOffset(slot.Offset);
        }
    }

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>Finds Asia/Ho_Chi_Minh (or another id); falls back to a fixed UTC+7 zone where tz data is missing.</summary>
    public static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception) when (id is "Asia/Ho_Chi_Minh" or "SE Asia Standard Time")
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }
}
