using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary><see cref="ChoiceMatcher.MatchLabelStart"/>: a dialog's own numbered list read by a label's first words, with or without diacritics.</summary>
public sealed class LabelStartMatchTests
{
    private static readonly List<Choice> Audiences =
    [
        new("Tất cả mọi người", "all"),
        new("Cán bộ khuyến công", "officer"),
        new("Lãnh đạo, quản lý", "manager"),
        new("Quản trị viên", "admin"),
        new("Một hoặc nhiều tỉnh/thành", "provinces"),
        new("Cán bộ khuyến công của một số tỉnh/thành", "rp:officer"),
        new("Lãnh đạo, quản lý của một số tỉnh/thành", "rp:manager"),
    ];

    [Theory]
    [InlineData("Tất cả mọi người", "all")]
    [InlineData("tat ca moi nguoi", "all")]
    [InlineData("tat ca", "all")]
    [InlineData("Tất", "all")]
    [InlineData("quản trị", "admin")]
    [InlineData("QUAN TRI VIEN", "admin")]
    [InlineData("mot", "provinces")]
    [InlineData("can bo", "officer")] // begins both officer labels: the shorter begins the longer
    [InlineData("lanh dao", "manager")]
    [InlineData("lãnh đạo, quản lý", "manager")]
    [InlineData("can bo khuyen cong cua", "rp:officer")]
    [InlineData("lanh dao quan ly cua mot so tinh thanh", "rp:manager")]
    [InlineData("cán bộ Phú Thọ", null)] // not how a label begins
    [InlineData("tat ca nguoi", null)]
    [InlineData("ca", null)] // a word inside a label, not its first
    [InlineData("", null)]
    [InlineData("2", null)] // numbers are the engine's (ChoiceMatcher.Match)
    public void A_label_is_read_by_its_first_words(string typed, string? expected) =>
        Assert.Equal(expected, ChoiceMatcher.MatchLabelStart(Audiences, typed));

    [Fact]
    public void Words_that_begin_two_labels_neither_of_which_begins_the_other_pick_none()
    {
        List<Choice> choices = [new("Cán bộ xã", "a"), new("Cán bộ tỉnh", "b")];
        Assert.Null(ChoiceMatcher.MatchLabelStart(choices, "can bo"));
        Assert.Equal("b", ChoiceMatcher.MatchLabelStart(choices, "can bo tinh"));
    }
}
