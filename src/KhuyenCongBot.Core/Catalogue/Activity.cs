namespace KhuyenCongBot.Core.Catalogue;

/// <summary>A khuyến công activity of the catalogue (Decree 45/2012, Art. 4); ids are fixed.</summary>
public sealed class Activity
{
    public string Id { get; set; } = "";

    /// <summary>Full Vietnamese name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Short Vietnamese name for buttons and answers.</summary>
    public string ShortName { get; set; } = "";

    public string EnglishName { get; set; } = "";

    /// <summary>Words people use for it, with or without diacritics ("hoi cho", "máy móc").</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>Measures that make sense for it: facilities, participations, booths, projects, revenue_vnd, funding_vnd.</summary>
    public List<string> Measures { get; set; } = [];

    /// <summary>Measures read from the answers of its form ("trainees" of training), answered by reading its records (not by the figures index).</summary>
    public List<string> FormMeasures { get; set; } = [];

    public int Order { get; set; }
}
