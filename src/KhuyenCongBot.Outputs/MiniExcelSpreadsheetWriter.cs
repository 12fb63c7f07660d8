using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace KhuyenCongBot.Outputs;

/// <summary>Writes the .xlsx sent to managers: "Tổng hợp" (the summary) and "Bản ghi" (the records, money as numbers).</summary>
public sealed class MiniExcelSpreadsheetWriter : ISpreadsheetWriter
{
    public const string SummarySheet = "Tổng hợp";
    public const string RecordsSheet = "Bản ghi";

    /// <summary>Headers of the records sheet, in order.</summary>
    public static readonly IReadOnlyList<string> RecordHeaders =
    [
        "Ngày", "Tỉnh/thành", "Hoạt động", "Cơ sở", "Xã/phường", "Số gian hàng",
        "Doanh thu (đồng)", "Kinh phí (đồng)", "Nguồn kinh phí", "Tình trạng", "Ghi chú",
    ];

    public byte[] Write(IReadOnlyList<IReadOnlyList<string>> summary, IEnumerable<SupportRecord> records, CatalogueIndex catalogue)
    {
        var sheets = new Dictionary<string, object>
        {
            [SummarySheet] = SummaryRows(summary),
            [RecordsSheet] = RecordRows(records, catalogue),
        };
        var config = new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true, AutoFilter = false, FreezeRowCount = 1 };
        using var stream = new MemoryStream();
        // Headers are written as the first data row of each sheet, so the summary keeps its header text exactly.
        stream.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX, configuration: config);
        return stream.ToArray();
    }

    /// <summary>The summary rows padded to the widest row.</summary>
    private static List<Dictionary<string, object?>> SummaryRows(IReadOnlyList<IReadOnlyList<string>> summary)
    {
        var width = summary.Count == 0 ? 1 : Math.Max(1, summary.Max(r => r.Count));
        return summary.Select(row => Row(Enumerable.Range(0, width).Select(i => (object?)(i < row.Count ? row[i] : "")))).ToList();
    }

    private static List<Dictionary<string, object?>> RecordRows(IEnumerable<SupportRecord> records, CatalogueIndex catalogue)
    {
        var rows = new List<Dictionary<string, object?>> { Row(RecordHeaders) };
        foreach (var r in records.OrderBy(r => r.Date).ThenBy(r => r.Id))
        {
            rows.Add(Row([
                VnFormat.Date(r.Date),
                catalogue.Province(r.ProvinceId)?.Name ?? r.ProvinceId,
                catalogue.Activity(r.ActivityId)?.ShortName ?? r.ActivityId,
                r.FacilityName ?? "",
                r.Commune ?? "",
                r.Booths,
                r.RevenueVnd,
                r.FundingVnd,
                FundingSourceName(r.FundingSource),
                StatusName(r.Status),
                r.Note ?? "",
            ]));
        }
        return rows;
    }

    /// <summary>"KCQG", "KCĐP" as reports write them.</summary>
    public static string FundingSourceName(string? source) =>
        VnText.Fold(source ?? "").Replace(" ", "", StringComparison.Ordinal) switch
        {
            "" => "",
            "kcqg" => "KCQG",
            "kcdp" => "KCĐP",
            _ => source!,
        };

    public static string StatusName(RecordStatus status) => status == RecordStatus.Estimate ? "Ước thực hiện" : "Chính thức";

    private static Dictionary<string, object?> Row(IEnumerable<object?> cells) =>
        cells.Select((value, i) => (Key: "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), value))
            .ToDictionary(x => x.Key, x => x.value);
}
