using System.Globalization;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Reports;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace KhuyenCongBot.Outputs;

/// <summary>Writes the report workbook with MiniExcel: one sheet per layout sheet, the header as the first row, numbers and dates as
/// numbers with the formats of their <see cref="CellKind"/>, text made safe to open.</summary>
public sealed class MiniExcelReportWriter : IReportWorkbookWriter
{
    public byte[] Write(IReadOnlyList<ReportSheet> sheets)
    {
        var workbook = new Dictionary<string, object>();
        var formats = new List<DynamicExcelColumn>();
        foreach (var (sheet, n) in sheets.Select((s, n) => (s, n)))
        {
            // Keys are unique per sheet, so each column gets the format of its own kind.
            var prefix = "s" + n.ToString(CultureInfo.InvariantCulture) + "c";
            var rows = new List<Dictionary<string, object?>> { Row(prefix, sheet.Columns.Select(c => (object?)c.Header)) };
            rows.AddRange(sheet.Rows.Select(r => Row(prefix, r.Select(Cell))));
            workbook[sheet.Title] = rows;
            formats.AddRange(sheet.Columns.Select((c, i) => (c, i)).Where(x => Format(x.c.Kind) is not null)
                .Select(x => new DynamicExcelColumn(prefix + x.i.ToString(CultureInfo.InvariantCulture)) { Format = Format(x.c.Kind) }));
        }
        var config = new OpenXmlConfiguration
        {
            FastMode = true, EnableAutoWidth = true, AutoFilter = false, FreezeRowCount = 1, DynamicColumns = [.. formats],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(workbook, printHeader: false, excelType: ExcelType.XLSX, configuration: config);
        return stream.ToArray();
    }

    private static object? Cell(object? value) => value switch
    {
        string s => CellSafety.Neutralise(s),
        _ => value,
    };

    /// <summary>Excel number formats: Excel shows "#,##0" with the reader's separators (1.250.000 on a Vietnamese system).</summary>
    public static string? Format(CellKind kind) => kind switch
    {
        CellKind.Number or CellKind.Money => "#,##0",
        CellKind.Percent => "0.0%",
        CellKind.Date => "dd/MM/yyyy",
        _ => null,
    };

    private static Dictionary<string, object?> Row(string prefix, IEnumerable<object?> cells) =>
        cells.Select((value, i) => (Key: prefix + i.ToString(CultureInfo.InvariantCulture), value)).ToDictionary(x => x.Key, x => x.value);
}
