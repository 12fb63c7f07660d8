namespace KhuyenCongBot.Hosting;

/// <summary>The system clock moved by a fixed offset, so `chat --today 2024-06-30` lives on that day with the real time of day.</summary>
public sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;

    /// <summary>The offset that makes today's date in <paramref name="zone"/> equal <paramref name="today"/>.</summary>
    public static ShiftedTimeProvider ForDate(DateOnly today, TimeZoneInfo zone)
    {
        var now = TimeZoneInfo.ConvertTime(System.GetUtcNow(), zone);
        var days = today.DayNumber - DateOnly.FromDateTime(now.DateTime).DayNumber;
        return new ShiftedTimeProvider(TimeSpan.FromDays(days));
    }
}
