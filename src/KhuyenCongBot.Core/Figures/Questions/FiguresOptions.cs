using System.ComponentModel.DataAnnotations;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Section "Figures": how the figures questions behave.</summary>
public sealed class FiguresOptions
{
    public const string Section = "Figures";

    /// <summary>Minutes during which the previous question is kept for a follow-up ("còn năm 2025 thì sao"); older context is never reused.</summary>
    [Range(1, 1440)]
    public int FollowUpMinutes { get; set; } = 30;
}
