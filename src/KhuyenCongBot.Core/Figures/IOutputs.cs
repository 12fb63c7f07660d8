using KhuyenCongBot.Core.Records;

namespace KhuyenCongBot.Core.Figures;

/// <summary>One bar or point of a chart, with its Vietnamese label.</summary>
public sealed record ChartPoint(string Label, double Value);

/// <summary>
/// The reader's way of writing a chart's numbers (bar labels, value axis, percentages) and its few fixed words (the legend of a
/// progress chart, an empty chart's note): an English reader reads "4,87" on a bar as 487.
/// </summary>
public sealed record ChartWords(Text.NumberText Numbers, string Achieved, string Target, string NoData);

/// <summary>Draws PNG charts, with Vietnamese labels unless <see cref="ChartWords"/> say otherwise.</summary>
public interface IChartRenderer
{
    /// <summary>Bars (by province or by month).</summary>
    /// <param name="words">The reader's number format and words; null: Vietnamese.</param>
    byte[] Bars(string title, string valueLabel, IReadOnlyList<ChartPoint> points, ChartWords? words = null);

    /// <summary>Progress against plan: achieved vs target per item (one pair of bars each, with the % written).</summary>
    /// <param name="valueLabel">The unit of the value axis ("gian hàng", "triệu đồng").</param>
    /// <param name="words">The reader's number format and words; null: Vietnamese.</param>
    byte[] Progress(string title, IReadOnlyList<(string Label, double Achieved, double Target)> items, string valueLabel = "", ChartWords? words = null);
}

/// <summary>Writes .xlsx files: a summary sheet and the underlying records.</summary>
public interface ISpreadsheetWriter
{
    /// <param name="summary">Rows of the summary sheet (first row is the header).</param>
    /// <param name="records">The records in scope, written in the import/export columns with Vietnamese headers.</param>
    byte[] Write(IReadOnlyList<IReadOnlyList<string>> summary, IEnumerable<SupportRecord> records, Catalogue.CatalogueIndex catalogue);

    /// <summary>The same, with the summary and records sheets named in the reader's language (<paramref name="sheetNames"/>).</summary>
    byte[] Write(IReadOnlyList<IReadOnlyList<string>> summary, IEnumerable<SupportRecord> records, Catalogue.CatalogueIndex catalogue, SheetNames sheetNames) =>
        Write(summary, records, catalogue);
}

/// <summary>The names of the summary and records sheets of a figures spreadsheet ("Tổng hợp", "Bản ghi"; "Summary", "Records").</summary>
public sealed record SheetNames(string Summary, string Records);
