using System.Buffers.Binary;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Outputs;

namespace KhuyenCongBot.Tests.Outputs;

public sealed class ChartRendererTests
{
    private static readonly ScottPlotChartRenderer Renderer = new();

    /// <summary>The 18 Northern-region units, as a manager's "by province" chart shows them.</summary>
    private static readonly string[] North =
    [
        "Hà Nội", "Cao Bằng", "Tuyên Quang", "Điện Biên", "Lai Châu", "Sơn La", "Lào Cai", "Thái Nguyên", "Lạng Sơn",
        "Quảng Ninh", "Bắc Ninh", "Phú Thọ", "Hải Phòng", "Hưng Yên", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
    ];

    [Fact]
    public void Bars_by_province_is_a_900x500_png()
    {
        var points = North.Select((name, i) => new ChartPoint(name, 1250 - i * 61.5)).ToList();
        var png = Renderer.Bars("Số gian hàng hội chợ, 6 tháng đầu năm 2024", "gian hàng", points);
        AssertPng(png, 900, 500);
        Save(png, "bars-provinces.png");
    }

    [Fact]
    public void Progress_is_a_900x500_png()
    {
        var items = new List<(string, double, double)>
        {
            ("Doanh thu tư vấn (tỷ đồng)", 4.87, 9.92),
            ("Gian hàng hội chợ", 701, 650),
            ("Máy móc thiết bị (cơ sở)", 57, 80),
            ("Sản xuất sạch hơn (cơ sở)", 11, 0),
        };
        var png = Renderer.Progress("Tiến độ so với kế hoạch năm 2024", items);
        AssertPng(png, 900, 500);
        Save(png, "progress.png");
    }

    /// <summary>A long title (a source, a status, a long period and a region) is wrapped or shortened, never cut by the image's edge.</summary>
    [Theory]
    [InlineData("Số gian hàng – Hội chợ, triển lãm – năm 2025 – cả nước")]
    [InlineData("Kinh phí hỗ trợ nguồn KCQG – Hội chợ, triển lãm hàng CNNT, thủ công mỹ nghệ (chỉ số chính thức) – từ tháng 7/2026 đến nay (01/07–26/11/2026) – Vùng trung du và miền núi phía Bắc so với kế hoạch năm")]
    [InlineData("Doanh thu – Tư vấn phát triển công nghiệp – lũy kế từ đầu năm 2025 đến hết quý III/2025 – Bắc Ninh, Phú Thọ, Hà Nội, Hải Phòng, Hưng Yên, Ninh Bình và Thanh Hóa – so với kế hoạch năm, chỉ tính nguồn khuyến công địa phương và vốn đối ứng của cơ sở")]
    public void A_long_title_is_wrapped_or_shortened_to_fit_the_chart(string title)
    {
        var lines = ScottPlotChartRenderer.TitleLines(title);
        Assert.InRange(lines.Count, 1, 2);
        using var paint = ScottPlot.Paint.NewDisposablePaint();
        var style = new ScottPlot.LabelStyle { FontSize = lines.Count == 1 ? 18 : 15, Bold = true };
        Assert.All(lines, l => Assert.True(style.Measure(l, paint).Size.Width <= ScottPlotChartRenderer.TitleWidth, $"'{l}' is wider than the chart"));
        var joined = string.Join(' ', lines);
        // Every word shown is the title's, in order; what was left out is said with "…".
        Assert.True(joined == title || (joined.EndsWith(" …", StringComparison.Ordinal) && title.StartsWith(joined[..^2].TrimEnd(',', '–', ' '), StringComparison.Ordinal)), joined);
        Save(Renderer.Progress(title, [("Hà Nội", 12, 20), ("Bắc Ninh", 0, 5)], "gian hàng"), $"title-{lines.Count}-{title.Length}.png");
    }

    [Fact]
    public void Empty_and_odd_values_still_give_a_png()
    {
        AssertPng(Renderer.Bars("Không có số liệu", "đồng", []), 900, 500);
        AssertPng(Renderer.Progress("Không có kế hoạch", []), 900, 500);
        AssertPng(Renderer.Bars("Tháng", "đồng", [new("01/2024", double.NaN), new("02/2024", -5), new("03/2024", 4_870_000_000)]), 900, 500);
    }

    [Theory]
    [InlineData(1250, "1.250")]
    [InlineData(4.87, "4,87")]
    [InlineData(4.8712, "4,87")]
    [InlineData(0, "0")]
    [InlineData(-1500, "-1.500")]
    [InlineData(1234567.5, "1.234.567,5")]
    [InlineData(4870000000, "4.870.000.000")]
    [InlineData(0.25, "0,25")]
    public void Numbers_on_charts_use_the_Vietnamese_format(double value, string expected) =>
        Assert.Equal(expected, ScottPlotChartRenderer.VnNumber(value));

    [Theory]
    [InlineData(1250, "1,250")]
    [InlineData(4.8712, "4.87")]
    [InlineData(-1500, "-1,500")]
    [InlineData(1234567.5, "1,234,567.5")]
    [InlineData(0.25, "0.25")]
    public void Numbers_on_an_English_readers_chart_use_the_English_format(double value, string expected) =>
        Assert.Equal(expected, ScottPlotChartRenderer.ChartNumber(value, KhuyenCongBot.Core.Text.NumberText.En));

    [Fact]
    public void An_English_chart_with_a_legend_and_an_empty_one_still_give_a_png()
    {
        var english = new ChartWords(KhuyenCongBot.Core.Text.NumberText.En, "Achieved", "Plan", "No data");
        AssertPng(Renderer.Progress("Progress against the 2024 plan", [("Hà Nội", 4_870.5, 9_920)], "million VND", english), 900, 500);
        AssertPng(Renderer.Bars("No figures", "VND", [], english), 900, 500);
    }

    [Fact]
    public void A_font_with_Vietnamese_glyphs_is_installed()
    {
        // Without one every "ế", "ộ", "Đ" becomes a box: install fonts-dejavu-core (apt) on the machine that renders charts.
        Assert.True(ChartFonts.Chosen is not null, "Không có phông chữ tiếng Việt: cài gói fonts-dejavu-core (apt-get install fonts-dejavu-core).");
        Assert.False(ChartFonts.HasVietnamese("No Such Font Family 123"));
    }

    private static void AssertPng(byte[] png, int width, int height)
    {
        byte[] signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.True(png.Length > 33, "PNG too short");
        Assert.Equal(signature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    /// <summary>Set KC_CHART_DIR to look at the charts the tests draw.</summary>
    private static void Save(byte[] png, string name)
    {
        var dir = Environment.GetEnvironmentVariable("KC_CHART_DIR");
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, name), png);
        }
    }
}
