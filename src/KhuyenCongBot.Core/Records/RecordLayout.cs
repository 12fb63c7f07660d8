using System.Globalization;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Records;

/// <summary>How a column's cells are written: as text, as a whole number, or as a date (dd/MM/yyyy).</summary>
public enum ColumnKind { Text, Number, Date }

/// <summary>One column of records.csv and of the "Bản ghi" sheet: its id (the CSV header), its Vietnamese header (the sheet's), its kind.</summary>
public sealed record RecordColumn(string Id, string Header, ColumnKind Kind, bool IsExtra);

/// <summary>
/// The columns of an export, and the reading of them back on import. The first eleven are fixed (a record's own fields);
/// the rest come from the forms in seeds/forms (every field a form collects that is not one of the record's own fields:
/// fair name, machines, investment, trainees...), so a field added to a form gets its column without code.
/// Facilities' craft village and phone (asked when an officer adds a facility) follow.
/// </summary>
public sealed class RecordLayout
{
    /// <summary>The record's own columns, in order (the header of records.csv since the first version).</summary>
    public static readonly IReadOnlyList<RecordColumn> BaseColumns =
    [
        new("date", "Ngày", ColumnKind.Date, false),
        new("province", "Tỉnh/thành", ColumnKind.Text, false),
        new("activity", "Hoạt động", ColumnKind.Text, false),
        new("facility", "Cơ sở", ColumnKind.Text, false),
        new("commune", "Xã/phường", ColumnKind.Text, false),
        new("booths", "Số gian hàng", ColumnKind.Number, false),
        new("revenue_vnd", "Doanh thu (đồng)", ColumnKind.Number, false),
        new("funding_vnd", "Kinh phí (đồng)", ColumnKind.Number, false),
        new("funding_source", "Nguồn kinh phí", ColumnKind.Text, false),
        new("status", "Tình trạng", ColumnKind.Text, false),
        new("note", "Ghi chú", ColumnKind.Text, false),
    ];

    /// <summary>The funding split (after the record's own columns; a file without them still imports: its amount goes to its source).</summary>
    public static readonly IReadOnlyList<RecordColumn> SplitColumns =
    [
        new("kcqg_vnd", "KCQG (đồng)", ColumnKind.Number, false),
        new("kcdp_vnd", "KCĐP (đồng)", ColumnKind.Number, false),
        new("counterpart_vnd", "Vốn đối ứng (đồng)", ColumnKind.Number, false),
        new("other_vnd", "Nguồn khác (đồng)", ColumnKind.Number, false),
    ];

    /// <summary>The project a record is part of (after the split; a file without it imports its records as part of none).</summary>
    public static readonly IReadOnlyList<RecordColumn> ProjectColumns =
    [
        new("project_code", "Mã đề án", ColumnKind.Text, false),
    ];

    /// <summary>The source each split column holds.</summary>
    public static FundingSource SourceOfColumn(string id) => id switch
    {
        "kcqg_vnd" => FundingSource.Kcqg,
        "kcdp_vnd" => FundingSource.Kcdp,
        "counterpart_vnd" => FundingSource.Counterpart,
        _ => FundingSource.Other,
    };

    /// <summary>Columns of the facility registry, after the forms' columns.</summary>
    public static readonly IReadOnlyList<RecordColumn> FacilityColumns =
    [
        new("craft_village", "Làng nghề", ColumnKind.Text, false),
        new("facility_phone", "Điện thoại cơ sở", ColumnKind.Text, false),
        new("legal_form", "Loại hình cơ sở", ColumnKind.Text, false),
        new("tax_id", "Mã số thuế cơ sở", ColumnKind.Text, false),
        new("priority_groups", "Nhóm ưu tiên", ColumnKind.Text, false),
        new("commune_code", "Mã xã/phường", ColumnKind.Text, false),
    ];

    /// <summary>The priority_groups cell of a facility recorded as belonging to no group.</summary>
    public const string NoGroup = "none";

    /// <summary>The commune_code cell of a facility confirmed as not in the official 2025 list (its commune kept as typed).</summary>
    public const string CommuneNotInList = "none";

    /// <summary>
    /// The names of the record's evidence files in the export's files folder ("12-1.jpg;12-2.jpg"), last. Import attaches the files
    /// it finds there again (<see cref="ImportOptions.Evidence"/>); a form's photo count column is not imported (the files are).
    /// </summary>
    public static readonly RecordColumn FilesColumn = new("files", "Tệp minh chứng", ColumnKind.Text, false);

    private readonly Dictionary<string, RecordColumn> _byName = new(StringComparer.Ordinal);

    public RecordLayout(FormCatalogue forms, IEnumerable<string>? activityOrder = null)
    {
        Forms = forms;
        var order = (activityOrder ?? []).ToList();
        var extras = new List<RecordColumn>();
        var headers = new HashSet<string>(BaseColumns.Concat(SplitColumns).Concat(ProjectColumns).Concat(FacilityColumns).Append(FilesColumn).Select(c => VnText.FoldWords(c.Header)), StringComparer.Ordinal);
        foreach (var form in forms.Forms.OrderBy(f => order.IndexOf(f.Activity) is var i && i < 0 ? int.MaxValue : i).ThenBy(f => f.Activity, StringComparer.Ordinal))
        {
            foreach (var field in form.Fields.Where(f => f.Bind is null && f.Kind != FieldType.Facility && f.Kind != FieldType.Province))
            {
                if (extras.Any(c => c.Id == field.Id))
                {
                    continue;
                }
                var kind = field.Kind is FieldType.Integer or FieldType.Money ? ColumnKind.Number : field.Kind == FieldType.Date ? ColumnKind.Date : ColumnKind.Text;
                var header = field.Label;
                if (!headers.Add(VnText.FoldWords(header)))
                {
                    header = $"{field.Label} ({field.Id})";
                    headers.Add(VnText.FoldWords(header));
                }
                extras.Add(new RecordColumn(field.Id, header, kind, true));
            }
        }
        Columns = [.. BaseColumns, .. SplitColumns, .. ProjectColumns, .. extras, .. FacilityColumns, FilesColumn];
        foreach (var column in Columns)
        {
            _byName[column.Id] = column;
            _byName[VnText.FoldWords(column.Header)] = column;
        }
    }

    public FormCatalogue Forms { get; }

    /// <summary>Every column, in export order.</summary>
    public IReadOnlyList<RecordColumn> Columns { get; }

    /// <summary>The column a header names (its id, or its Vietnamese header with or without diacritics); null when unknown.</summary>
    public RecordColumn? Column(string header)
    {
        var h = header.Trim();
        return _byName.GetValueOrDefault(h.ToLowerInvariant()) ?? _byName.GetValueOrDefault(VnText.FoldWords(h));
    }

    /// <summary>
    /// The cells of one record, one per column: whole numbers as <see cref="long"/>, text as <see cref="string"/> made safe to
    /// open in a spreadsheet (<see cref="CellSafety"/>), and null for what is empty: a value the record's form does not
    /// ask for is empty, never 0. <paramref name="files"/> is the files column's cell (<see cref="FilesColumn"/>).
    /// </summary>
    public IReadOnlyList<object?> Cells(SupportRecord r, CatalogueIndex catalogue, Facility? facility, string? files = null)
    {
        var form = Forms.Get(r.ActivityId);
        var cells = new object?[Columns.Count];
        for (var i = 0; i < Columns.Count; i++)
        {
            var column = Columns[i];
            cells[i] = column.Id switch
            {
                "date" => VnFormat.Date(r.Date),
                "province" => Text(catalogue.Province(r.ProvinceId)?.Name ?? r.ProvinceId),
                "activity" => r.ActivityId,
                "facility" => Text(r.FacilityName),
                "commune" => Text(r.Commune),
                "booths" => Number(form, "booths", r.Booths),
                "revenue_vnd" => Number(form, "revenue_vnd", r.RevenueVnd),
                "funding_vnd" => Number(form, "funding_vnd", r.FundingVnd),
                "funding_source" => FundingSourceName(r.FundingSource) is { Length: > 0 } s ? s : null,
                "status" => StatusName(r.Status),
                "note" => Text(r.Note),
                "kcqg_vnd" or "kcdp_vnd" or "counterpart_vnd" or "other_vnd" => Part(r, SourceOfColumn(column.Id)),
                "project_code" => Text(r.ProjectCode),
                "craft_village" => Text(facility?.CraftVillage),
                "facility_phone" => Text(facility?.Phone),
                "legal_form" => Text(facility?.LegalForm),
                "tax_id" => Text(facility?.TaxId),
                "priority_groups" => facility?.PriorityGroups is { } groups ? (groups.Count == 0 ? NoGroup : string.Join(';', groups)) : null,
                "commune_code" => facility?.CommuneCode ?? (facility?.CommuneNotInList == true ? CommuneNotInList : null),
                "files" => Text(files),
                _ => Extra(column, r),
            };
        }
        return cells;
    }

    /// <summary>A bound number: written when the record's form asks for it and it is set (or the form requires it); else empty.</summary>
    private static object? Number(FormDefinition? form, string bind, long value)
    {
        var field = form?.Bound(bind);
        if (form is not null && field is null)
        {
            return value == 0 ? null : value;
        }
        return value != 0 || field?.IsRequired == true ? value : null;
    }

    /// <summary>A source's part: written when the record has a split and the part is above 0 (an empty cell reads back as 0).</summary>
    private static object? Part(SupportRecord r, FundingSource source) =>
        RecordFunding.SplitOf(r) is { } split && split[source] > 0 ? split[source] : null;

    private static object? Extra(RecordColumn column, SupportRecord r)
    {
        if (!r.Extra.TryGetValue(column.Id, out var value) || value.Length == 0)
        {
            return null;
        }
        return column.Kind == ColumnKind.Number && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : Text(value);
    }

    private static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : CellSafety.Neutralise(value);

    /// <summary>"KCQG", "KCĐP" as reports write them (the stored codes are KCQG and KCDP).</summary>
    public static string FundingSourceName(string? source) =>
        VnText.Fold(source ?? "").Replace(" ", "", StringComparison.Ordinal) switch
        {
            "" => "",
            "kcqg" => "KCQG",
            "kcdp" => "KCĐP",
            _ => source!,
        };

    public static string StatusName(RecordStatus status) => status == RecordStatus.Estimate ? "Ước thực hiện" : "Chính thức";
}

/// <summary>
/// Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) get a
/// leading apostrophe on export, which spreadsheets show as text; import takes it off again, so a round trip gives back
/// exactly what was written. A text that itself starts with an apostrophe before such a character gets one more.
/// </summary>
public static class CellSafety
{
    private static bool Dangerous(string value) =>
        value.Length > 0 && (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' || (value[0] == '\'' && Dangerous(value[1..])));

    public static string Neutralise(string value) => Dangerous(value) ? "'" + value : value;

    public static string Restore(string value) => value.Length > 1 && value[0] == '\'' && Dangerous(value[1..]) ? value[1..] : value;
}
