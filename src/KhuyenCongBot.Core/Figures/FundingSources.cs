using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures;

/// <summary>
/// How the figures read a record's funding source: the stored text ("KCQG", "KCDP", or null) as a
/// <see cref="FundingSource"/>, a breakdown key and a label. Records without a source are "không rõ nguồn".
/// </summary>
public static class FundingSources
{
    /// <summary>Breakdown key of the records that name no source.</summary>
    public const string UnknownKey = "none";

    /// <summary>Sources in the order reports list them.</summary>
    public static readonly IReadOnlyList<FundingSource> All = [FundingSource.Kcqg, FundingSource.Kcdp, FundingSource.Counterpart, FundingSource.Other];

    /// <summary>The source a record's text names; null when it names none.</summary>
    public static FundingSource? Of(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return null;
        }
        return VnText.Fold(stored).Replace(" ", "", StringComparison.Ordinal) switch
        {
            "kcqg" or "khuyencongquocgia" or "quocgia" => FundingSource.Kcqg,
            "kcdp" or "khuyencongdiaphuong" or "diaphuong" => FundingSource.Kcdp,
            "doiung" or "vondoiung" or "counterpart" => FundingSource.Counterpart,
            _ => FundingSource.Other,
        };
    }

    /// <summary>Compact code for the index: 0 = no source, 1 + the enum value otherwise.</summary>
    public static byte Code(string? stored) => Of(stored) is { } s ? (byte)(1 + (int)s) : (byte)0;

    public static byte Code(FundingSource source) => (byte)(1 + (int)source);

    /// <summary>Number of codes (no source and the four sources).</summary>
    public const int Codes = 5;

    /// <summary>"kcqg", "kcdp", "counterpart", "other"; <see cref="UnknownKey"/> for null.</summary>
    public static string Key(FundingSource? source) => source switch
    {
        FundingSource.Kcqg => "kcqg",
        FundingSource.Kcdp => "kcdp",
        FundingSource.Counterpart => "counterpart",
        FundingSource.Other => "other",
        _ => UnknownKey,
    };

    public static string KeyOfCode(byte code) => Key(code == 0 ? null : (FundingSource)(code - 1));

    /// <summary>"KCQG", "KCĐP", "Vốn đối ứng", "Nguồn khác", "Không rõ nguồn" (seeds/texts, funding.label.*).</summary>
    public static string Label(UserTexts texts, FundingSource? source, bool english = false) => source switch
    {
        FundingSource.Kcqg => texts.Text(english, "funding.label.kcqg"),
        FundingSource.Kcdp => texts.Text(english, "funding.label.kcdp"),
        FundingSource.Counterpart => texts.Text(english, "funding.label.counterpart"),
        FundingSource.Other => texts.Text(english, "funding.label.other"),
        _ => texts.Text(english, "funding.label.none"),
    };

    /// <summary>The label of a breakdown key.</summary>
    public static string LabelOfKey(UserTexts texts, string key, bool english = false) => Label(texts, FromKey(key), english);

    public static FundingSource? FromKey(string key) => key switch
    {
        "kcqg" => FundingSource.Kcqg,
        "kcdp" => FundingSource.Kcdp,
        "counterpart" => FundingSource.Counterpart,
        "other" => FundingSource.Other,
        _ => null,
    };
}
