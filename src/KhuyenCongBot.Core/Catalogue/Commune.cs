namespace KhuyenCongBot.Core.Catalogue;

/// <summary>The kind of a commune-level unit since 1/7/2025: xã, phường or đặc khu (special zone).</summary>
public enum CommuneType { Xa = 0, Phuong = 1, DacKhu = 2 }

/// <summary>A commune, ward or special zone of the official 2025 list (seeds/catalogue/communes.json).</summary>
/// <param name="Code">The official five-digit code ("00004").</param>
/// <param name="Type">Xã, phường or đặc khu.</param>
/// <param name="Name">The name without its type ("Ba Đình").</param>
/// <param name="ProvinceId">The current province unit it belongs to ("ha-noi").</param>
public sealed record Commune(string Code, CommuneType Type, string Name, string ProvinceId)
{
    /// <summary>"Xã", "Phường", "Đặc khu".</summary>
    public string TypeName => TypeNames[(int)Type];

    /// <summary>"Phường Ba Đình" (or "Ba Đình ward" in English).</summary>
    public string Label(bool english = false) => english ? $"{Name} {EnglishTypeNames[(int)Type]}" : $"{TypeName} {Name}";

    public override string ToString() => Label();

    internal static readonly string[] TypeNames = ["Xã", "Phường", "Đặc khu"];

    private static readonly string[] EnglishTypeNames = ["commune", "ward", "special zone"];
}
