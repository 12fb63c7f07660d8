using KhuyenCongBot.Core.Broadcasts;

namespace KhuyenCongBot.Tests.People;

/// <summary>Scheduled times typed in Vietnamese, read at Thursday 26/11/2026 09:00 (Vietnam time).</summary>
public sealed class VnDateTimeParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData("8h sáng mai", "27/11/2026 08:00")]
    [InlineData("8h sang mai", "27/11/2026 08:00")]
    [InlineData("sáng mai", "27/11/2026 08:00")]
    [InlineData("20/12 14:00", "20/12/2026 14:00")]
    [InlineData("14:00 20/12", "20/12/2026 14:00")]
    [InlineData("20/12/2026 14h30", "20/12/2026 14:30")]
    [InlineData("15/01/2027 9h", "15/01/2027 09:00")]
    [InlineData("5/1", "05/01/2027 08:00")]
    [InlineData("2 giờ chiều nay", "26/11/2026 14:00")]
    [InlineData("8 giờ tối nay", "26/11/2026 20:00")]
    [InlineData("tối nay", "26/11/2026 20:00")]
    [InlineData("14h", "26/11/2026 14:00")]
    [InlineData("8h", "27/11/2026 08:00")]
    [InlineData("7h30 thứ hai", "30/11/2026 07:30")]
    [InlineData("thứ 5 lúc 10h", "03/12/2026 10:00")]
    [InlineData("chủ nhật 9 giờ", "29/11/2026 09:00")]
    [InlineData("ngày kia 8h", "28/11/2026 08:00")]
    [InlineData("2 tiếng nữa", "26/11/2026 11:00")]
    [InlineData("30 phút nữa", "26/11/2026 09:30")]
    [InlineData("lúc 16h ngày 30/11", "30/11/2026 16:00")]
    [InlineData("9 giờ rưỡi sáng mai", "27/11/2026 09:30")]
    // English (an English-speaking admin scheduling an announcement; before, each was "Could not read the time").
    [InlineData("tomorrow 8am", "27/11/2026 08:00")]
    [InlineData("8am tomorrow", "27/11/2026 08:00")]
    [InlineData("tomorrow at 8", "27/11/2026 08:00")]
    [InlineData("tomorrow at 8:30", "27/11/2026 08:30")]
    [InlineData("tomorrow morning", "27/11/2026 08:00")]
    [InlineData("today 3pm", "26/11/2026 15:00")]
    [InlineData("tonight 8pm", "26/11/2026 20:00")]
    [InlineData("Friday 9am", "27/11/2026 09:00")]
    [InlineData("next Monday at 7:30 am", "30/11/2026 07:30")]
    [InlineData("20/12 2pm", "20/12/2026 14:00")]
    [InlineData("in 2 hours", "26/11/2026 11:00")]
    [InlineData("30 minutes from now", "26/11/2026 09:30")]
    [InlineData("12pm", "26/11/2026 12:00")]
    [InlineData("tomorrow at noon", "27/11/2026 12:00")]
    public void Reads_a_moment(string text, string expected)
    {
        Assert.True(VnDateTimeParser.TryParse(text, Now, out var at), text);
        Assert.Equal(expected, at.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromHours(7), at.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("khi nào rảnh")]
    [InlineData("31/02")]
    [InlineData("25h")]
    [InlineData("8h sáng mai 20/12")]
    [InlineData("mai thứ hai")]
    [InlineData("14:75")]
    public void Refuses_what_it_cannot_read(string text) =>
        Assert.False(VnDateTimeParser.TryParse(text, Now, out _), text);
}
