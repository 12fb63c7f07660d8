using KhuyenCongBot.Core.Catalogue;

namespace KhuyenCongBot.Core.Reports;

/// <summary>How a cell is written: text, a whole number, an amount in đồng, a percentage (a fraction), a date.</summary>
public enum CellKind { Text, Number, Money, Percent, Date }

/// <summary>One column of a report sheet: its header, the measure (or project field) it shows, and its header for an English reader (optional).</summary>
public sealed record ReportColumn(string Header, string Measure, string? HeaderEn = null)
{
    public CellKind Kind => ReportLayout.KindOf(Measure);
}

/// <summary>One sheet: title, what a row is (activity, province, project), its columns, and the label of its total row (none when null);
/// the title and total label for an English reader (optional: the Vietnamese ones when not given).</summary>
public sealed record ReportSheetLayout(string Title, string Rows, IReadOnlyList<ReportColumn> Columns, string? Total, string? TitleEn = null, string? TotalEn = null)
{
    public string TitleIn(bool english) => english && TitleEn is { Length: > 0 } en ? en : Title;

    public string? TotalIn(bool english) => english && TotalEn is { Length: > 0 } en ? en : Total;
}

/// <summary>The layout of the period's report workbook, read from seeds/reports/report.json and checked at start.</summary>
public sealed class ReportLayout
{
    public const string FileName = "report.json";

    /// <summary>Measures of activity and province rows, with how they are written.</summary>
    public static readonly IReadOnlyDictionary<string, CellKind> GroupMeasures = new Dictionary<string, CellKind>(StringComparer.Ordinal)
    {
        ["label"] = CellKind.Text,
        ["facilities"] = CellKind.Number,
        ["participations"] = CellKind.Number,
        ["booths"] = CellKind.Number,
        ["trainees"] = CellKind.Number,
        ["revenue_vnd"] = CellKind.Money,
        ["funding_vnd"] = CellKind.Money,
        ["funding.kcqg"] = CellKind.Money,
        ["funding.kcdp"] = CellKind.Money,
        ["funding.counterpart"] = CellKind.Money,
        ["funding.other"] = CellKind.Money,
        ["funding.none"] = CellKind.Money,
        ["projects.count"] = CellKind.Number,
        ["projects.late"] = CellKind.Number,
        ["projects.disbursement_count"] = CellKind.Number,
        ["projects.approved_vnd"] = CellKind.Money,
        ["projects.disbursed_vnd"] = CellKind.Money,
        ["projects.rate"] = CellKind.Percent,
    };

    /// <summary>Fields of project rows, with how they are written.</summary>
    public static readonly IReadOnlyDictionary<string, CellKind> ProjectFields = new Dictionary<string, CellKind>(StringComparer.Ordinal)
    {
        ["code"] = CellKind.Text,
        ["name"] = CellKind.Text,
        ["decision_number"] = CellKind.Text,
        ["decision_date"] = CellKind.Date,
        ["programme"] = CellKind.Text,
        ["type"] = CellKind.Text,
        ["province"] = CellKind.Text,
        ["activity"] = CellKind.Text,
        ["status"] = CellKind.Text,
        ["status_date"] = CellKind.Date,
        ["planned_end"] = CellKind.Date,
        ["days_late"] = CellKind.Number,
        ["kcqg"] = CellKind.Money,
        ["kcdp"] = CellKind.Money,
        ["counterpart"] = CellKind.Money,
        ["other"] = CellKind.Money,
        ["disbursed"] = CellKind.Money,
        ["rate"] = CellKind.Percent,
        ["facility_count"] = CellKind.Number,
        ["facility_names"] = CellKind.Text,
    };

    private static readonly string[] RowKinds = ["activity", "province", "project"];

    public ReportLayout(string fileName, IReadOnlyList<ReportSheetLayout> sheets)
    {
        FileStem = fileName;
        Sheets = sheets;
    }

    /// <summary>The workbook's file name without the period and extension ("bao-cao-khuyen-cong").</summary>
    public string FileStem { get; }

    public IReadOnlyList<ReportSheetLayout> Sheets { get; }

    internal static CellKind KindOf(string measure) =>
        GroupMeasures.TryGetValue(measure, out var k) ? k : ProjectFields.TryGetValue(measure, out var f) ? f : CellKind.Text;

    /// <summary>Reads and checks seeds/reports/report.json; throws <see cref="SeedException"/> naming the file and the problem.</summary>
    public static ReportLayout Load(string seedsPath)
    {
        var path = Path.Combine(seedsPath, "reports", FileName);
        var file = SeedFiles.Read<LayoutFile>(path);
        if (file.Sheets is not { Count: > 0 })
        {
            throw new SeedException(path, "không có sheet nào (\"sheets\")");
        }
        var sheets = new List<ReportSheetLayout>();
        foreach (var (s, i) in file.Sheets.Select((s, i) => (s, i + 1)))
        {
            var title = s.Title?.Trim() ?? "";
            var titleEn = string.IsNullOrWhiteSpace(s.TitleEn) ? null : s.TitleEn.Trim();
            foreach (var name in titleEn is null ? new[] { title } : new[] { title, titleEn })
            {
                if (name.Length is 0 or > 31 || name.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\']) >= 0)
                {
                    throw new SeedException(path, $"sheet {i}: tên \"{name}\" phải dài 1–31 ký tự, không có [ ] : * ? / \\");
                }
            }
            if (sheets.Any(x => string.Equals(x.Title, title, StringComparison.OrdinalIgnoreCase)
                || (titleEn is not null && string.Equals(x.TitleIn(true), titleEn, StringComparison.OrdinalIgnoreCase))))
            {
                throw new SeedException(path, $"sheet {i}: tên \"{title}\" trùng");
            }
            if (!RowKinds.Contains(s.Rows))
            {
                throw new SeedException(path, $"sheet \"{title}\": rows phải là {string.Join(", ", RowKinds)}, không phải \"{s.Rows}\"");
            }
            if (s.Columns is not { Count: > 0 })
            {
                throw new SeedException(path, $"sheet \"{title}\": không có cột nào");
            }
            var allowed = s.Rows == "project" ? ProjectFields : GroupMeasures;
            var columns = new List<ReportColumn>();
            foreach (var c in s.Columns)
            {
                if (string.IsNullOrWhiteSpace(c.Header))
                {
                    throw new SeedException(path, $"sheet \"{title}\": một cột thiếu header");
                }
                if (c.Measure is null || !allowed.ContainsKey(c.Measure))
                {
                    throw new SeedException(path, $"sheet \"{title}\", cột \"{c.Header}\": không biết measure \"{c.Measure}\" (có: {string.Join(", ", allowed.Keys)})");
                }
                columns.Add(new ReportColumn(c.Header.Trim(), c.Measure, string.IsNullOrWhiteSpace(c.HeaderEn) ? null : c.HeaderEn.Trim()));
            }
            if (s.Total is not null && s.Rows == "project")
            {
                throw new SeedException(path, $"sheet \"{title}\": danh sách đề án không có dòng tổng");
            }
            sheets.Add(new ReportSheetLayout(title, s.Rows!, columns, string.IsNullOrWhiteSpace(s.Total) ? null : s.Total.Trim(), titleEn,
                string.IsNullOrWhiteSpace(s.TotalEn) ? null : s.TotalEn.Trim()));
        }
        var stem = string.IsNullOrWhiteSpace(file.FileName) ? "bao-cao" : file.FileName.Trim();
        if (stem.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
        {
            throw new SeedException(path, $"fileName \"{stem}\": chỉ dùng chữ không dấu, số, \"-\", \"_\"");
        }
        return new ReportLayout(stem, sheets);
    }

    private sealed class LayoutFile
    {
        public string? FileName { get; set; }
        public List<SheetFile>? Sheets { get; set; }
    }

    private sealed class SheetFile
    {
        public string? Title { get; set; }
        public string? TitleEn { get; set; }
        public string? Rows { get; set; }
        public string? Total { get; set; }
        public string? TotalEn { get; set; }
        public List<ColumnFile>? Columns { get; set; }
    }

    private sealed class ColumnFile
    {
        public string? Header { get; set; }
        public string? HeaderEn { get; set; }
        public string? Measure { get; set; }
    }
}
