using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Core.Time;

using static KhuyenCongBot.Core.Records.CsvRecordImporter;

namespace KhuyenCongBot.Core.Records;

/// <summary>Reading one record row: each column's cell checked against the catalogue and the activity's form.</summary>
internal sealed class RecordRowReader(Func<CatalogueIndex> catalogue, Func<RecordLayout> layout, Func<string, Projects.Project?> findProject, Func<UserTexts> texts)
{
    private CatalogueIndex Catalogue => catalogue();

    private RecordLayout Layout => layout();

    /// <summary>The column of each field of the header row (null and an error when the header is not one of ours).</summary>
    internal RecordColumn?[]? MapHeader(CsvText.Row header, List<ImportError> errors, bool english)
    {
        var expected = string.Join(",", RecordColumns);
        var columns = header.Fields.Select(f => string.IsNullOrWhiteSpace(f) ? null : Layout.Column(CellSafety.Restore(f))).ToArray();
        var unknown = header.Fields.Where((f, i) => !string.IsNullOrWhiteSpace(f) && columns[i] is null).ToList();
        var missing = RecordLayout.BaseColumns.Where(c => !columns.Contains(c)).Select(c => c.Id).ToList();
        if (columns.Take(RecordColumns.Count).All(c => c is null))
        {
            errors.Add(new ImportError(header.Line, texts().Text(english, "records.rows.header_expected", ("expected", expected),
                ("extras", string.Join(", ", Layout.Columns.Where(c => c.IsExtra).Take(4).Select(c => c.Id))))));
            return null;
        }
        if (missing.Count > 0 || unknown.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add(texts().Text(english, "records.rows.missing_columns", ("columns", string.Join(", ", missing))));
            }
            if (unknown.Count > 0)
            {
                parts.Add(texts().Text(english, "records.rows.unknown_columns", ("unknown", string.Join(", ", unknown.Select(u => $"'{u.Trim()}'"))),
                    ("known", string.Join(", ", Layout.Columns.Select(c => c.Id)))));
            }
            errors.Add(new ImportError(header.Line, texts().Text(english, "records.rows.header_problems", ("problems", string.Join("; ", parts)), ("expected", expected))));
            return null;
        }
        var twice = columns.OfType<RecordColumn>().GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            errors.Add(new ImportError(header.Line, texts().Text(english, "records.rows.header_repeated", ("columns", string.Join(", ", twice)))));
            return null;
        }
        return columns;
    }

    internal SupportRecord ParseRecord(CsvText.Row row, RecordColumn?[] columns, DateOnly today, bool demo, List<string> problems,
        SortedDictionary<string, int> notes, bool english, out string? village, out string? phone, out FacilityProfile? profile)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] is { } column)
            {
                var value = CellSafety.Restore(row[i]).Trim();
                if (value.Contains('\uFFFD'))
                {
                    problems.Add(texts().Text(english, "records.rows.broken_characters", ("column", column.Id)));
                }
                cells[column.Id] = value;
            }
        }
        for (var i = columns.Length; i < row.Fields.Count; i++)
        {
            if (row.Fields[i].Trim().Length > 0)
            {
                problems.Add(texts().Text(english, "records.rows.too_many_cells", ("cells", row.Fields.Count), ("columns", columns.Length)));
                break;
            }
        }
        string Cell(string id) => cells.GetValueOrDefault(id) ?? "";
        var record = new SupportRecord();
        village = null;
        phone = null;

        var activityText = Cell("activity");
        var activity = activityText.Length == 0 ? null : Catalogue.FindActivity(activityText);
        if (activity is null)
        {
            problems.Add(activityText.Length == 0 ? texts().Text(english, "records.rows.no_activity") : texts().Text(english, "records.rows.unknown_activity", ("text", Short(activityText))));
        }
        else
        {
            record.ActivityId = activity.Id;
        }
        var form = activity is null ? null : Layout.Forms.Get(activity.Id);
        var user = new BotUser { Role = Role.Admin, ScopeKind = ScopeKind.All };

        var dateText = Cell("date");
        if (TryParseDate(dateText, out var date))
        {
            record.Date = date;
            if (form?.Bound("date") is { } dateField)
            {
                var problem = FieldReader.DateProblem(dateField, date, demo ? DateOnly.MaxValue.AddDays(-400) : today, texts(), english);
                if (problem is not null)
                {
                    problems.Add(problem.TrimEnd('.'));
                }
            }
        }
        else
        {
            problems.Add(dateText.Length == 0 ? texts().Text(english, "records.rows.no_date") : texts().Text(english, "records.rows.bad_date", ("text", Short(dateText))));
        }

        var provinceText = Cell("province");
        var province = provinceText.Length == 0 ? null : Catalogue.FindProvince(provinceText);
        if (province is null)
        {
            problems.Add(provinceText.Length == 0 ? texts().Text(english, "records.rows.no_province") : texts().Text(english, "records.rows.unknown_province", ("text", Short(provinceText))));
        }
        else if (!province.IsCurrent && record.Date >= FieldReader.MergerDate && Catalogue.CurrentOf(province.Id) is { } current && current.Id != province.Id)
        {
            // As in the forms: from 1/7/2025 a former province is recorded under the unit it was merged into.
            record.ProvinceId = current.Id;
            var key = texts().Text(english, "records.rows.merged_province", ("former", province.Name), ("current", current.Name));
            notes[key] = notes.GetValueOrDefault(key) + 1;
        }
        else
        {
            record.ProvinceId = province.Id;
        }

        var facility = System.Text.RegularExpressions.Regex.Replace(Cell("facility"), @"\s+", " ");
        record.FacilityName = facility.Length == 0 ? null : facility;
        if (facility.Length > 0 && (VnText.FoldWords(facility).Replace(" ", "").Length < 2 || facility.Length > FieldReader.MaxFacilityName))
        {
            problems.Add(texts().Text(english, "records.rows.facility_length", ("max", FieldReader.MaxFacilityName), ("length", facility.Length)));
        }
        else if (facility.Length == 0 && form?.Bound("facility") is { IsRequired: true })
        {
            problems.Add(texts().Text(english, "records.rows.no_facility", ("form", form.Title ?? form.Activity)));
        }
        var commune = Cell("commune");
        record.Commune = commune.Length == 0 ? null : commune;
        if (commune.Length > FieldReader.MaxPlaceName)
        {
            problems.Add(texts().Text(english, "records.rows.commune_too_long", ("max", FieldReader.MaxPlaceName)));
        }
        var villageText = Cell("craft_village");
        if (villageText.Length > 0)
        {
            if (villageText.Length is < 2 or > FieldReader.MaxPlaceName)
            {
                problems.Add(texts().Text(english, "records.rows.village_length", ("max", FieldReader.MaxPlaceName)));
            }
            village = villageText;
        }
        var phoneText = Cell("facility_phone");
        if (phoneText.Length > 0)
        {
            phone = PhoneNumber.Normalize(phoneText);
            if (phone is null)
            {
                problems.Add(texts().Text(english, "records.rows.bad_phone", ("text", Short(phoneText))));
            }
        }
        profile = FacilityProfile.Read(Cell("legal_form"), Cell("tax_id"), Cell("priority_groups"), problems, texts(), english);

        record.Booths = (int)Bound(form, "booths", texts().Text(english, "records.rows.what_booths"), Cell("booths"), today, user, problems, english);
        record.RevenueVnd = Bound(form, "revenue_vnd", texts().Text(english, "records.rows.what_revenue"), Cell("revenue_vnd"), today, user, problems, english);
        record.FundingVnd = Bound(form, "funding_vnd", texts().Text(english, "records.rows.what_funding"), Cell("funding_vnd"), today, user, problems, english);

        var sourceText = Cell("funding_source");
        switch (VnText.FoldWords(sourceText).Replace(" ", ""))
        {
            case "":
                record.FundingSource = null;
                break;
            case "kcqg" or "khuyencongquocgia" or "quocgia":
                record.FundingSource = "KCQG";
                break;
            case "kcdp" or "khuyencongdiaphuong" or "diaphuong":
                record.FundingSource = "KCDP";
                break;
            default:
                problems.Add(texts().Text(english, "records.rows.bad_source", ("text", Short(sourceText))));
                break;
        }
        // With the split columns filled, they say where the money came from (KCQG and KCĐP together name no single source).
        var hasSplit = RecordLayout.SplitColumns.Any(c => Cell(c.Id).Length > 0);
        if (!hasSplit && record.FundingVnd > 0 && record.FundingSource is null && form?.Bound("funding_source") is not null)
        {
            problems.Add(texts().Text(english, "records.rows.funding_without_source"));
        }
        else if (!hasSplit && record.FundingVnd == 0 && record.FundingSource is not null && Cell("funding_vnd").Trim().Length == 0)
        {
            // Only when the amount was left empty: an amount already refused above (too large, or on an unknown activity)
            // is not "missing" as well.
            problems.Add(texts().Text(english, "records.rows.source_without_funding"));
        }
        ReadSplit(record, form, Cell, today, user, problems, english);

        var statusText = Cell("status");
        switch (VnText.FoldWords(statusText))
        {
            case "" or "chinh thuc" or "actual":
                record.Status = RecordStatus.Actual;
                break;
            case "uoc" or "uoc thuc hien" or "uoc tinh" or "estimate":
                record.Status = RecordStatus.Estimate;
                break;
            default:
                problems.Add(texts().Text(english, "records.rows.bad_status", ("text", Short(statusText))));
                break;
        }
        if (!demo && record.Status == RecordStatus.Actual && record.Date > today)
        {
            // The form's rule: a day still to come is an estimate ("ước thực hiện"), never an actual figure.
            problems.Add(texts().Text(english, "records.rows.actual_in_future", ("date", record.Date), ("today", today)));
        }

        var note = Cell("note");
        record.Note = note.Length == 0 ? null : note;
        if (form?.Bound("note") is { } noteField && note.Length > 0 && FieldReader.Read(noteField, note, today, Catalogue, user, texts(), english) is { Ok: false } bad)
        {
            problems.Add(bad.Error!.TrimEnd('.'));
        }
        else if (note.Length > 500)
        {
            problems.Add(texts().Text(english, "records.rows.note_too_long", ("max", 500)));
        }

        ReadProject(record, Cell("project_code"), problems, english);

        foreach (var column in Layout.Columns.Where(c => c.IsExtra))
        {
            var value = Cell(column.Id);
            if (value.Length == 0)
            {
                continue;
            }
            var field = form?.Field(column.Id);
            if (field?.Kind == FieldType.Photo)
            {
                // A photo count without the photos: not kept (the files column is read past too).
                continue;
            }
            if (form is not null && field is null)
            {
                problems.Add(texts().Text(english, "records.rows.column_not_used", ("column", column.Id), ("activity", form.Activity), ("form", form.Title ?? form.Activity)));
                continue;
            }
            if (field is null)
            {
                continue;
            }
            var read = FieldReader.Read(field, value, today, Catalogue, user, texts(), english);
            if (!read.Ok)
            {
                problems.Add($"{column.Id}: {read.Error!.TrimEnd('.')}");
                continue;
            }
            record.Extra[column.Id] = read.Value;
        }
        return record;
    }

    /// <summary>A number bound to the record (booths, revenue, funding), read and bounded by the activity's form field.</summary>
    private long Bound(FormDefinition? form, string bind, string what, string text, DateOnly today, BotUser user, List<string> problems, bool english)
    {
        var field = form?.Bound(bind);
        if (text.Length == 0)
        {
            if (field is { IsRequired: true })
            {
                problems.Add(texts().Text(english, "records.rows.required_missing", ("what", what), ("form", form!.Title ?? form.Activity)));
            }
            return 0;
        }
        if (form is not null && field is null)
        {
            problems.Add(texts().Text(english, "records.rows.column_not_asked", ("column", bind), ("activity", form.Activity), ("form", form.Title ?? form.Activity), ("what", what)));
            return 0;
        }
        if (field is null)
        {
            return 0;
        }
        var read = FieldReader.Read(field, text, today, Catalogue, user, texts(), english);
        if (!read.Ok)
        {
            problems.Add(texts().Text(english, "records.rows.cell_problem", ("problem", read.Error!.TrimEnd('.')), ("text", Short(text))));
            return 0;
        }
        return long.Parse(read.Value, CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The split columns when a row fills any of them (an empty one is 0): KCQG + KCĐP must be the row's funding_vnd when that is
    /// given too, and the source is the one of KCQG, KCĐP that funded alone. A row without them (an older file) keeps its
    /// single amount as its named source's part.
    /// </summary>
    private void ReadSplit(SupportRecord record, FormDefinition? form, Func<string, string> cell, DateOnly today, BotUser user, List<string> problems, bool english)
    {
        var columns = RecordLayout.SplitColumns;
        if (columns.All(c => cell(c.Id).Length == 0))
        {
            record.Split = RecordFunding.FromSingle(record.FundingVnd, record.FundingSource);
            return;
        }
        var parts = new long[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var bind = RecordLayout.SourceOfColumn(columns[i].Id) switch
            {
                Funding.FundingSource.Counterpart => "funding_counterpart",
                Funding.FundingSource.Other => "funding_other",
                _ => "funding_vnd",
            };
            var text = cell(columns[i].Id);
            var found = new List<string>();
            var header = columns[i].Header.Replace(" (đồng)", "", StringComparison.Ordinal);
            parts[i] = text.Length == 0 ? 0
                : Bound(form, form?.Bound(bind) is null ? "funding_vnd" : bind, header, text, today, user, found, english);
            problems.AddRange(found.Select(p => texts().Text(english, "records.rows.split_cell", ("column", columns[i].Id), ("header", header), ("problem", p))));
        }
        if (problems.Count > 0)
        {
            return;
        }
        if (!Funding.FundingSplit.TryCreate(parts[0], parts[1], parts[2], parts[3], out var split))
        {
            problems.Add(texts().Text(english, "records.rows.bad_split"));
            return;
        }
        if (cell("funding_vnd").Length > 0 && record.FundingVnd != split.Support)
        {
            problems.Add(texts().Text(english, "records.rows.split_differs", ("funding", NumberText.For(english).MoneyFull(record.FundingVnd)), ("support", NumberText.For(english).MoneyFull(split.Support))));
            return;
        }
        RecordFunding.Set(record, split);
    }

    /// <summary>
    /// The project_code cell: a project of the record's province and activity (however the code is typed: it is stored as the project
    /// writes it); an unknown code, another province's or another activity's project is a problem of the row, which is not imported.
    /// </summary>
    private void ReadProject(SupportRecord record, string code, List<string> problems, bool english)
    {
        if (code.Length == 0)
        {
            return;
        }
        if (findProject(code) is not { } project)
        {
            problems.Add(texts().Text(english, "records.rows.no_project", ("code", Short(code))));
            return;
        }
        var units = record.ProvinceId.Length == 0 ? [] : Catalogue.UnitsOf(Catalogue.CurrentOf(record.ProvinceId)?.Id ?? record.ProvinceId);
        if (record.ProvinceId.Length > 0 && !units.Contains(project.ProvinceId))
        {
            problems.Add(texts().Text(english, "records.rows.project_other_province", ("code", project.Code), ("province", Catalogue.Province(project.ProvinceId)?.ShortName ?? project.ProvinceId)));
            return;
        }
        if (record.ActivityId.Length > 0 && project.ActivityId != record.ActivityId)
        {
            problems.Add(texts().Text(english, "records.rows.project_other_activity", ("code", project.Code), ("activity", Catalogue.Activity(project.ActivityId)?.ShortName ?? project.ActivityId)));
            return;
        }
        record.ProjectCode = project.Code;
    }

    internal static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
