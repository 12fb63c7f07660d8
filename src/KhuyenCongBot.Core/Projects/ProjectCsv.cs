using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects;

/// <summary>A project read from a projects CSV: its line, the project (without ids), and its facilities by name.</summary>
public sealed record ProjectRow(int Line, Project Project, IReadOnlyList<string> Facilities);

/// <summary>
/// The projects file of an export ("ban-ghi-de-an.csv" beside "ban-ghi.csv"): one project a line with everything the store keeps
/// of it (decision, programme, type, province, activity, dates, approved amounts by source, step and its dates, its facilities by
/// name, the history of its moves and every disbursement reported), so that importing the export into another database gives the
/// same projects, and the records' project_code cells link to them again. Who moved a project is written by name for the reader;
/// user ids do not travel between databases, so an imported move is the importer's.
/// </summary>
public static class ProjectCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "code", "name", "decision_number", "decision_date", "programme", "type", "province", "activity", "planned_start", "planned_end",
        "approved_kcqg_vnd", "approved_kcdp_vnd", "approved_counterpart_vnd", "approved_other_vnd", "status", "started_on", "accepted_on",
        "settled_on", "disbursed_vnd", "facilities", "history", "disbursements",
    ];

    /// <summary>
    /// The headers of the "Đề án" sheet of an .xlsx export, one per column of <see cref="Columns"/> (a file is read with either).
    /// The cells hold what the CSV holds (ids for programme, type, step and activity, which import reads), amounts as numbers.
    /// </summary>
    public static readonly IReadOnlyList<string> Headers =
    [
        "Mã đề án", "Tên đề án", "Số quyết định", "Ngày quyết định", "Chương trình (national/local)", "Loại đề án (single/group/local)",
        "Tỉnh/thành", "Hoạt động (mã)", "Bắt đầu dự kiến", "Kết thúc dự kiến", "KCQG được duyệt (đồng)", "KCĐP được duyệt (đồng)",
        "Vốn đối ứng được duyệt (đồng)", "Nguồn khác được duyệt (đồng)", "Bước (approved/in_progress/accepted/settled)", "Ngày bắt đầu thực hiện",
        "Ngày nghiệm thu", "Ngày quyết toán", "Đã giải ngân (đồng)", "Cơ sở", "Lịch sử các bước", "Các lần báo giải ngân",
    ];

    /// <summary>The columns whose cells are amounts (numbers in the sheet).</summary>
    private static readonly HashSet<string> AmountColumns = ["approved_kcqg_vnd", "approved_kcdp_vnd", "approved_counterpart_vnd", "approved_other_vnd", "disbursed_vnd"];

    private static readonly string[] Statuses = ["approved", "in_progress", "accepted", "settled"];
    private static readonly string[] Programmes = ["national", "local"];
    private static readonly string[] Types = ["single", "group", "local"];

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Whether a file's header is a projects file's (its first cells "code,name,decision_number").</summary>
    public static bool IsProjectsHeader(CsvText.Row header) =>
        header.Fields.Count >= 3 && ColumnOf(header[0]) == "code" && ColumnOf(header[2]) == "decision_number";

    /// <summary>The column a header cell names: its id ("decision_number") or its sheet header ("Số quyết định", with or without diacritics); null for none.</summary>
    private static string? ColumnOf(string header)
    {
        var h = header.Trim().TrimStart('\uFEFF');
        var at = Columns.ToList().FindIndex(c => c.Equals(h, StringComparison.OrdinalIgnoreCase));
        if (at < 0)
        {
            var folded = VnText.FoldWords(h);
            at = Headers.ToList().FindIndex(x => VnText.FoldWords(x) == folded);
        }
        return at < 0 ? null : Columns[at];
    }

    /// <summary>
    /// The "Đề án" sheet of an .xlsx export: the header row (<see cref="Headers"/>), then every project in code order, amounts as
    /// <see cref="long"/> (numbers in the sheet), the rest as the CSV writes it.
    /// </summary>
    public static List<IReadOnlyList<object?>> SheetRows(IBotStore store, CatalogueIndex catalogue)
    {
        var rows = new List<IReadOnlyList<object?>> { Headers.Cast<object?>().ToList() };
        foreach (var p in store.Projects.Read(ProjectFilter.Everything).OrderBy(p => p.NormalizedCode, StringComparer.Ordinal))
        {
            var cells = Cells(p, store, catalogue, withNames: true);
            rows.Add(cells.Select((c, i) => AmountColumns.Contains(Columns[i])
                ? (object?)long.Parse(c, NumberStyles.None, CultureInfo.InvariantCulture)
                : c.Length == 0 ? null : c).ToList());
        }
        return rows;
    }

    /// <summary>Every project of the store, in code order.</summary>
    public static void Write(TextWriter csv, IBotStore store, CatalogueIndex catalogue, UserTexts texts)
    {
        CsvText.WriteRow(csv, Columns);
        foreach (var p in store.Projects.Read(ProjectFilter.Everything).OrderBy(p => p.NormalizedCode, StringComparer.Ordinal))
        {
            CsvText.WriteRow(csv, Cells(p, store, catalogue, withNames: true, texts));
        }
    }

    /// <summary>A project's cells (<paramref name="withNames"/> false: without who moved it, to compare two databases' copies; true: named
    /// with <paramref name="texts"/>, in Vietnamese).</summary>
    public static IReadOnlyList<string> Cells(Project p, IBotStore store, CatalogueIndex catalogue, bool withNames, UserTexts? texts = null)
    {
        static string D(DateOnly? d) => d is { } x ? VnFormat.Date(x) : "";
        static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
        var facilities = p.FacilityIds.Select(id => store.Facilities.Get(id)?.Name).OfType<string>().Select(n => n.Replace(";", ",", StringComparison.Ordinal));
        var history = p.History.Select(h => new MoveCell(h.From is { } f ? Statuses[(int)f] : null, Statuses[(int)h.To], h.Date is { } d ? VnFormat.Date(d) : null,
            h.At, h.Correction ? true : null, h.Note, withNames && texts is not null ? (h.UserId == 0 ? null : PersonNames.Of(store, h.UserId, texts, false, catalogue)) : null));
        var disbursements = p.Disbursements.Select(d => new DisbursementCell(d.AmountVnd, VnFormat.Date(d.AsOf), d.At));
        return new[]
        {
            p.Code, p.Name, p.DecisionNumber, VnFormat.Date(p.DecisionDate), Programmes[(int)p.Programme], Types[(int)p.Type],
            catalogue.Province(p.ProvinceId)?.Name ?? p.ProvinceId, p.ActivityId, D(p.PlannedStart), D(p.PlannedEnd),
            N(p.Approved.Kcqg), N(p.Approved.Kcdp), N(p.Approved.Counterpart), N(p.Approved.Other), Statuses[(int)p.Status],
            D(p.StartedOn), D(p.AcceptedOn), D(p.SettledOn), N(p.DisbursedVnd), string.Join(';', facilities),
            JsonSerializer.Serialize(history, Json), JsonSerializer.Serialize(disbursements, Json),
        }.Select(c => CellSafety.Neutralise(c)).ToList();
    }

    /// <summary>The projects of a projects file, checked; each bad line says why (in the reader's language) in <paramref name="errors"/>.</summary>
    public static List<ProjectRow> Read(IReadOnlyList<CsvText.Row> rows, CatalogueIndex catalogue, List<ImportError> errors, UserTexts texts, bool english)
    {
        var result = new List<ProjectRow>();
        if (rows.Count == 0 || !IsProjectsHeader(rows[0]))
        {
            errors.Add(new ImportError(1, texts.Text(english, "project.csv.header", ("columns", string.Join(",", Columns)))));
            return result;
        }
        var header = rows[0].Fields.Select(ColumnOf).ToList();
        var at = Columns.ToDictionary(c => c, c => header.IndexOf(c));
        if (at.Where(kv => kv.Value < 0).Select(kv => kv.Key).ToList() is { Count: > 0 } missing)
        {
            errors.Add(new ImportError(1, texts.Text(english, "project.csv.missing_columns", ("columns", string.Join(", ", missing)))));
            return result;
        }
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1).Where(r => !r.IsBlank))
        {
            var problems = new List<string>();
            string Cell(string c) => CellSafety.Restore(row[at[c]]).Trim();
            var p = ReadOne(Cell, catalogue, problems, texts, english);
            if (p is not null && !codes.Add(p.NormalizedCode))
            {
                problems.Add(texts.Text(english, "project.csv.code_repeated", ("code", p.Code)));
            }
            if (problems.Count > 0 || p is null)
            {
                errors.Add(new ImportError(row.Line, string.Join("; ", problems)));
                continue;
            }
            var facilities = Cell("facilities").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            result.Add(new ProjectRow(row.Line, p, facilities));
        }
        return result;
    }

    private static Project? ReadOne(Func<string, string> cell, CatalogueIndex catalogue, List<string> problems, UserTexts texts, bool english)
    {
        var code = cell("code");
        if (ProjectCode.Problem(code) is { } bad)
        {
            problems.Add(texts.Text(english, "project.csv.bad_code", ("code", code), ("problem", ProjectCode.Explain(bad, texts, english))));
            return null;
        }
        DateOnly? Date(string c, bool required = false)
        {
            var text = cell(c);
            if (text.Length == 0 && !required)
            {
                return null;
            }
            if (CsvRecordImporter.TryParseDate(text, out var d))
            {
                return d;
            }
            problems.Add(texts.Text(english, "project.csv.bad_date", ("column", c), ("text", text)));
            return null;
        }
        long Amount(string c)
        {
            if (CsvRecordImporter.TryParseNonNegative(cell(c), out var v))
            {
                return v;
            }
            problems.Add(texts.Text(english, "project.csv.bad_amount", ("column", c), ("text", cell(c))));
            return 0;
        }
        int Index(string c, string[] values)
        {
            var i = Array.IndexOf(values, cell(c).ToLowerInvariant());
            if (i < 0)
            {
                problems.Add(texts.Text(english, "project.csv.not_one_of", ("column", c), ("text", cell(c)), ("values", string.Join(", ", values))));
            }
            return Math.Max(i, 0);
        }
        var province = catalogue.Province(cell("province")) ?? catalogue.FindProvince(cell("province"));
        if (province is null)
        {
            problems.Add(texts.Text(english, "project.csv.unknown_province", ("text", cell("province"))));
        }
        if (catalogue.Activity(cell("activity")) is null)
        {
            problems.Add(texts.Text(english, "project.csv.unknown_activity", ("text", cell("activity"))));
        }
        if (cell("name").Length is 0 or > ProjectLifecycle.MaxNameLength)
        {
            problems.Add(texts.Text(english, "project.csv.name_length", ("max", ProjectLifecycle.MaxNameLength)));
        }
        var p = new Project
        {
            Code = code, NormalizedCode = ProjectCode.Normalize(code), Name = cell("name"), DecisionNumber = cell("decision_number"),
            DecisionDate = Date("decision_date", required: true) ?? default, Programme = (ProjectProgramme)Index("programme", Programmes),
            Type = (ProjectType)Index("type", Types), ProvinceId = province?.Id ?? "", ActivityId = cell("activity"),
            PlannedStart = Date("planned_start"), PlannedEnd = Date("planned_end"),
            Approved = new FundingSplit(Amount("approved_kcqg_vnd"), Amount("approved_kcdp_vnd"), Amount("approved_counterpart_vnd"), Amount("approved_other_vnd")),
            Status = (ProjectStatus)Index("status", Statuses), StartedOn = Date("started_on"), AcceptedOn = Date("accepted_on"), SettledOn = Date("settled_on"),
            DisbursedVnd = Amount("disbursed_vnd"),
        };
        try
        {
            foreach (var m in JsonSerializer.Deserialize<List<MoveCell>>(cell("history") is { Length: > 0 } h ? h : "[]", Json) ?? [])
            {
                p.History.Add(new ProjectMove
                {
                    From = m.From is null ? null : (ProjectStatus)Array.IndexOf(Statuses, m.From), To = (ProjectStatus)Math.Max(0, Array.IndexOf(Statuses, m.To)),
                    Date = m.Date is null ? null : CsvRecordImporter.TryParseDate(m.Date, out var d) ? d : throw new FormatException(m.Date),
                    At = m.At, Correction = m.Correction == true, Note = m.Note,
                });
            }
            foreach (var d in JsonSerializer.Deserialize<List<DisbursementCell>>(cell("disbursements") is { Length: > 0 } t ? t : "[]", Json) ?? [])
            {
                p.Disbursements.Add(new Disbursement
                {
                    AmountVnd = d.Amount, AsOf = CsvRecordImporter.TryParseDate(d.AsOf ?? "", out var asOf) ? asOf : throw new FormatException(d.AsOf), At = d.At,
                });
            }
        }
        catch (Exception ex) when (ex is JsonException or FormatException or NotSupportedException)
        {
            problems.Add(texts.Text(english, "project.csv.history_unreadable"));
        }
        if (p.History.Count == 0)
        {
            p.History.Add(new ProjectMove { To = ProjectStatus.Approved, Date = p.DecisionDate });
        }
        return p;
    }

    private sealed record MoveCell(string? From, string To, string? Date, DateTimeOffset At, bool? Correction, string? Note, string? By);

    private sealed record DisbursementCell(long Amount, string? AsOf, DateTimeOffset At);
}
