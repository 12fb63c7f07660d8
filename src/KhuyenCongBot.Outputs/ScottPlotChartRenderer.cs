using System.Text;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Text;
using ScottPlot;

namespace KhuyenCongBot.Outputs;

/// <summary>Draws the bot's charts as 900x500 PNG images with ScottPlot, Vietnamese labels and number format unless <see cref="ChartWords"/> give the reader's.</summary>
public sealed class ScottPlotChartRenderer : IChartRenderer
{
    public const int Width = 900;
    public const int Height = 500;

    /// <summary>Above this many categories the category labels are rotated.</summary>
    private const int RotateAbove = 6;

    private static readonly Color BarColor = Color.FromHex("#2E86C1");
    private static readonly Color AchievedColor = Color.FromHex("#2E86C1");
    private static readonly Color TargetColor = Color.FromHex("#BDC3C7");
    private static readonly Color ReachedColor = Color.FromHex("#1E8449");
    private static readonly Color BehindColor = Color.FromHex("#CA6F1E");

    /// <summary>The words and number format of a chart for a Vietnamese reader.</summary>
    public static readonly ChartWords Vietnamese = new(NumberText.Vi, "Thực hiện", "Kế hoạch", "Không có số liệu");

    public ScottPlotChartRenderer() => ChartFonts.EnsureConfigured();

    public byte[] Bars(string title, string valueLabel, IReadOnlyList<ChartPoint> points, ChartWords? words = null)
    {
        words ??= Vietnamese;
        var plot = NewPlot(title, words.Numbers);
        plot.YLabel(Nfc(valueLabel));
        if (points.Count == 0)
        {
            return Empty(plot, words);
        }

        // A point without a value (NaN: a month not yet come) keeps its place and label, with no bar and no number.
        var bars = points.Select((p, i) => (p, i)).Where(x => double.IsFinite(x.p.Value)).Select(x => new Bar
        {
            Position = x.i,
            Value = Finite(x.p.Value),
            FillColor = BarColor,
            LineWidth = 0,
            Label = ChartNumber(x.p.Value, words.Numbers),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = points.Count > 12 ? 10 : 12;

        SetCategories(plot, points.Select(p => p.Label).ToList(), step: 1);
        FinishValueAxis(plot, bars.Count == 0 ? 0 : bars.Max(b => b.Value), bars.Count == 0 ? 0 : bars.Min(b => b.Value), headroom: 0.12);
        return Png(plot);
    }

    public byte[] Progress(string title, IReadOnlyList<(string Label, double Achieved, double Target)> items, string valueLabel = "", ChartWords? words = null)
    {
        words ??= Vietnamese;
        var plot = NewPlot(title, words.Numbers);
        if (valueLabel.Length > 0)
        {
            plot.YLabel(Nfc(valueLabel));
        }
        if (items.Count == 0)
        {
            return Empty(plot, words);
        }

        const double pair = 2.6;
        var labelSize = items.Count > 8 ? 9 : 11;
        var bars = new List<Bar>();
        double top = 0, bottom = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var (_, achieved, target) = items[i];
            achieved = Finite(achieved);
            target = Finite(target);
            var center = i * pair;
            bars.Add(new Bar { Position = center - 0.5, Value = achieved, Size = 1, FillColor = AchievedColor, LineWidth = 0, Label = ChartNumber(achieved, words.Numbers) });
            bars.Add(new Bar { Position = center + 0.5, Value = target, Size = 1, FillColor = TargetColor, LineWidth = 0, Label = ChartNumber(target, words.Numbers) });
            top = Math.Max(top, Math.Max(achieved, target));
            bottom = Math.Min(bottom, Math.Min(achieved, target));
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = labelSize;

        // The percentage goes above each pair, clear of the value labels.
        var range = top - bottom > 0 ? top - bottom : 1;
        for (var i = 0; i < items.Count; i++)
        {
            var (_, achieved, target) = items[i];
            var ratio = PercentText(achieved, target, words.Numbers, out var reached);
            var y = Math.Max(Finite(achieved), Finite(target)) + range * 0.09;
            var text = plot.Add.Text(ratio, i * pair, y);
            text.LabelFontSize = items.Count > 8 ? 11 : 14;
            text.LabelBold = true;
            text.LabelFontColor = reached ? ReachedColor : BehindColor;
            text.LabelAlignment = Alignment.LowerCenter;
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = words.Achieved, FillColor = AchievedColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = words.Target, FillColor = TargetColor });
        plot.ShowLegend(Alignment.UpperRight);

        SetCategories(plot, items.Select(x => x.Label).ToList(), step: pair);
        FinishValueAxis(plot, top, bottom, headroom: 0.22);
        return Png(plot);
    }

    /// <summary>Tick and bar labels in Vietnamese format: 1.250, 4,87.</summary>
    public static string VnNumber(double value) => ChartNumber(value, NumberText.Vi);

    /// <summary>Tick and bar labels as the reader writes numbers: 1.250 and 4,87 in Vietnamese, 1,250 and 4.87 in English.</summary>
    public static string ChartNumber(double value, NumberText numbers)
    {
        if (!double.IsFinite(value))
        {
            return "";
        }
        var rounded = Math.Round(value);
        if (Math.Abs(value - rounded) < 1e-9 && Math.Abs(rounded) < long.MaxValue / 2)
        {
            return numbers.Number((long)rounded);
        }
        return Math.Abs(value) < 7.9e27 ? numbers.Decimal((decimal)value, 2) : value.ToString("E2", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>"49,1%" (English "49.1%") of achieved over target; "—" without a target.</summary>
    private static string PercentText(double achieved, double target, NumberText numbers, out bool reached)
    {
        reached = false;
        if (!double.IsFinite(achieved) || !double.IsFinite(target) || target <= 0)
        {
            return "—";
        }
        var ratio = achieved / target;
        reached = ratio >= 1;
        return ratio < 7.9e25 ? numbers.Percent((decimal)ratio) : "—";
    }

    /// <summary>The widest a title line may be, in pixels (the image less a margin each side).</summary>
    public const float TitleWidth = Width - 60;

    /// <summary>Font size of a title that needs two lines (one line: 18).</summary>
    private const float TwoLineTitleSize = 15;

    /// <summary>
    /// The title in lines that fit <see cref="TitleWidth"/>: one line at 18 pt, or two at 15 pt broken between words
    /// (preferably at " – "); a title still too long is shortened with "…" at the end of the second line, never cut mid-image.
    /// </summary>
    public static IReadOnlyList<string> TitleLines(string title)
    {
        ChartFonts.EnsureConfigured();
        title = Nfc(title);
        var style = new LabelStyle { FontSize = 18, Bold = true };
        if (MeasureWidth(style, title) <= TitleWidth)
        {
            return [title];
        }
        style.FontSize = TwoLineTitleSize;
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The first line: as many words as fit, breaking after the last " – " that fits when there is one.
        var count = 0;
        while (count < words.Length && MeasureWidth(style, string.Join(' ', words[..(count + 1)])) <= TitleWidth)
        {
            count++;
        }
        count = Math.Max(count, 1);
        var dash = Array.LastIndexOf(words, "–", count - 1);
        if (dash > 0 && dash < words.Length - 1 && dash >= count / 2)
        {
            count = dash + 1;
        }
        var first = string.Join(' ', words[..count]);
        var rest = words[count..].ToList();
        var second = string.Join(' ', rest);
        while (rest.Count > 0 && MeasureWidth(style, second) > TitleWidth)
        {
            rest.RemoveAt(rest.Count - 1);
            second = string.Join(' ', rest).TrimEnd(',', '–', ' ') + " …";
        }
        return second.Length == 0 ? [first] : [first, second];
    }

    private static Plot NewPlot(string title, NumberText numbers)
    {
        ChartFonts.EnsureConfigured();
        var plot = new Plot();
        var lines = TitleLines(title);
        plot.Title(string.Join('\n', lines));
        plot.Axes.Title.Label.FontSize = lines.Count > 1 ? TwoLineTitleSize : 18;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = value => ChartNumber(value, numbers) };
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        return plot;
    }

    private static void SetCategories(Plot plot, IReadOnlyList<string> labels, double step)
    {
        var positions = labels.Select((_, i) => i * step).ToArray();
        plot.Axes.Bottom.SetTicks(positions, labels.Select(Nfc).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        var rotate = labels.Count > RotateAbove || labels.Sum(l => l.Length) > 70;
        var style = plot.Axes.Bottom.TickLabelStyle;
        style.FontSize = labels.Count > 12 ? 11 : 12;
        if (rotate)
        {
            style.Rotation = -40;
            style.Alignment = Alignment.UpperRight;
            var longest = labels.Count == 0 ? 0f : labels.Max(l => MeasureWidth(style, Nfc(l)));
            plot.Axes.Bottom.MinimumSize = (float)(longest * Math.Sin(40 * Math.PI / 180)) + 20;
        }
        plot.Axes.SetLimitsX(-step * 0.6, positions[^1] + step * 0.6);
    }

    private static float MeasureWidth(LabelStyle style, string text)
    {
        using var paint = Paint.NewDisposablePaint();
        return style.Measure(text, paint).Size.Width;
    }

    private static void FinishValueAxis(Plot plot, double max, double min, double headroom)
    {
        var low = Math.Min(0, min);
        var high = Math.Max(0, max);
        var span = high - low > 0 ? high - low : 1;
        plot.Axes.SetLimitsY(low < 0 ? low - span * 0.08 : 0, high + span * headroom);
    }

    private static byte[] Empty(Plot plot, ChartWords words)
    {
        var text = plot.Add.Text(words.NoData, 0, 0);
        text.LabelFontSize = 20;
        text.LabelAlignment = Alignment.MiddleCenter;
        plot.Axes.SetLimits(-1, 1, -1, 1);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        return Png(plot);
    }

    private static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    private static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);
}
