using System.Text;
using SkiaSharp;

namespace KhuyenCongBot.Outputs;

/// <summary>Picks an installed font that has the Vietnamese glyphs (DejaVu Sans first) and makes it ScottPlot's default.</summary>
public static class ChartFonts
{
    /// <summary>Families tried in order; DejaVu Sans comes with the Debian/Ubuntu package fonts-dejavu-core.</summary>
    public static readonly IReadOnlyList<string> Preferred =
        ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Segoe UI", "Helvetica Neue"];

    /// <summary>Characters a font must have for Vietnamese labels.</summary>
    public const string VietnameseSample = "Đđ ăâêôơư ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ";

    private static readonly Lock Gate = new();
    private static string? _chosen;

    /// <summary>The family in use; null when no installed font has Vietnamese glyphs (text then falls back to ScottPlot's default).</summary>
    public static string? Chosen
    {
        get
        {
            EnsureConfigured();
            return _chosen;
        }
    }

    /// <summary>Chooses the font once per process and sets <c>ScottPlot.Fonts.Default</c>; never throws.</summary>
    public static void EnsureConfigured()
    {
        lock (Gate)
        {
            if (_configured)
            {
                return;
            }
            _configured = true;
            try
            {
                _chosen = Preferred.FirstOrDefault(HasVietnamese) ?? Detected();
                if (_chosen is not null)
                {
                    ScottPlot.Fonts.Default = _chosen;
                }
            }
            catch (Exception)
            {
                // No usable font manager (e.g. no fontconfig): keep ScottPlot's defaults rather than failing the chart.
                _chosen = null;
            }
        }
    }

    private static bool _configured;

    /// <summary>True when the family is installed (not a substitute) and covers the Vietnamese sample.</summary>
    public static bool HasVietnamese(string family)
    {
        using var typeface = SKFontManager.Default.MatchFamily(family);
        if (typeface is null || !string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return Covers(typeface);
    }

    private static string? Detected()
    {
        var name = ScottPlot.Fonts.Detect(VietnameseSample);
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }
        using var typeface = SKFontManager.Default.MatchFamily(name);
        return typeface is not null && Covers(typeface) ? name : null;
    }

    private static bool Covers(SKTypeface typeface)
    {
        var sample = VietnameseSample.Normalize(NormalizationForm.FormC).Replace(" ", "", StringComparison.Ordinal);
        return sample.EnumerateRunes().All(r => typeface.ContainsGlyph(r.Value));
    }
}
