using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Projects;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Reports;

/// <summary>A sheet ready to write: its title, columns and rows of cell values (string, long, decimal fraction, DateTime, or null for empty).</summary>
public sealed record ReportSheet(string Title, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Writes report sheets to an .xlsx: numbers as numbers, with the formats of their <see cref="CellKind"/>.</summary>
public interface IReportWorkbookWriter
{
    byte[] Write(IReadOnlyList<ReportSheet> sheets);
}

/// <summary>
/// Builds the period's report workbook from the layout (seeds/reports/report.json): records dated in the period and in scope,
/// projects as at the period's end (or today, for a period still running). The disbursement columns of a row are the figure the
/// /baocao paragraph and the question "giải ngân năm 2025" give for its projects (<see cref="PeriodDisbursement"/>).
/// </summary>
public sealed partial class ReportWorkbook(IBotStore store, CatalogueIndex catalogue, ReportLayout layout, ProjectVocabulary vocabulary)
{
    public ReportLayout Layout => layout;

    /// <summary>The file name for a period: "bao-cao-khuyen-cong-20240101-20240630.xlsx".</summary>
    public string FileName(Period period) => $"{layout.FileStem}-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.xlsx";

    /// <param name="units">Recorded unit ids in scope; null for everything.</param>
    /// <param name="english">For an English reader: the layout's English titles, headers and total labels, activities, programmes, types
    /// and steps by their English names (the Vietnamese workbook is unchanged).</param>
    public IReadOnlyList<ReportSheet> Build(Period period, IReadOnlySet<string>? units, DateOnly today, bool english = false)
    {
        var at = period.To < today ? period.To : today;
        var records = store.Records.All()
            .Where(r => r.Date >= period.From && r.Date <= period.To && (units is null || units.Contains(r.ProvinceId)))
            .ToList();
        // Read only: the committed projects themselves (a copy of each was made for nothing).
        var scoped = store.Projects.Read(new ProjectFilter(units));
        var projects = scoped
            .Where(p => p.DecisionDate <= at && !(p.SettledOn is { } settled && settled < period.From))
            .OrderBy(p => p.DecisionDate).ThenBy(p => p.Id).ToList();
        var sheets = new List<ReportSheet>();
        foreach (var sheet in layout.Sheets)
        {
            var rows = sheet.Rows switch
            {
                "activity" => GroupRows(sheet, catalogue.Activities.Select(a => (a.Id, ActivityName(a, english))), records, projects, scoped, period, today,
                    r => r.ActivityId, p => p.ActivityId, english),
                "province" => GroupRows(sheet, Provinces(units, records, projects), records, projects, scoped, period, today,
                    r => Current(r.ProvinceId), p => Current(p.ProvinceId), english),
                _ => projects.Select(p => (IReadOnlyList<object?>)sheet.Columns.Select(c => ProjectCell(p, c.Measure, at, english)).ToList()).ToList(),
            };
            var columns = english ? sheet.Columns.Select(c => c.HeaderEn is { Length: > 0 } en ? c with { Header = en } : c).ToList() : sheet.Columns;
            sheets.Add(new ReportSheet(sheet.TitleIn(english), columns, rows));
        }
        return sheets;
    }

    private static string ActivityName(Catalogue.Activity a, bool english) => english && a.EnglishName.Length > 0 ? a.EnglishName : a.ShortName;

    private string Current(string provinceId) => catalogue.CurrentOf(provinceId)?.Id ?? provinceId;

    /// <summary>The current provinces of the scope (every current unit for everything), in catalogue order, and any others the data names.</summary>
    private IEnumerable<(string Id, string Name)> Provinces(IReadOnlySet<string>? units, List<SupportRecord> records, List<Project> projects)
    {
        var ids = units is null
            ? records.Select(r => Current(r.ProvinceId)).Concat(projects.Select(p => Current(p.ProvinceId))).ToHashSet()
            : units.Select(Current).ToHashSet();
        return catalogue.CurrentProvinces.Where(p => ids.Contains(p.Id)).Select(p => (p.Id, p.ShortName));
    }

    private List<IReadOnlyList<object?>> GroupRows(ReportSheetLayout sheet, IEnumerable<(string Id, string Name)> keys, List<SupportRecord> records,
        List<Project> projects, IReadOnlyList<Project> scoped, Period period, DateOnly today, Func<SupportRecord, string> recordKey,
        Func<Project, string> projectKey, bool english)
    {
        var at = period.To < today ? period.To : today;
        var byRecord = records.ToLookup(recordKey);
        var byProject = projects.ToLookup(projectKey);
        var byScoped = scoped.ToLookup(projectKey);
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (id, name) in keys)
        {
            var disbursement = PeriodDisbursement.Of(byScoped[id], period, today);
            rows.Add(sheet.Columns.Select(c => GroupCell(c.Measure, name, byRecord[id].ToList(), byProject[id].ToList(), at, SupportsFacilities, disbursement)).ToList());
        }
        if (sheet.TotalIn(english) is { } total)
        {
            var disbursement = PeriodDisbursement.Of(scoped, period, today);
            rows.Add(sheet.Columns.Select(c => GroupCell(c.Measure, total, records, projects, at, SupportsFacilities, disbursement)).ToList());
        }
        return rows;
    }

    private bool SupportsFacilities(string activityId) => FigureRules.SupportsFacilities(catalogue, activityId);

    /// <summary>One measure over a group's records and projects (the total row uses every record, so distinct facilities stay distinct).</summary>
    /// <param name="supportsFacilities">Which activities' records are participations of facilities (as the figures count them: information
    /// and propaganda records are not "lượt cơ sở"); null: every record.</param>
    /// <param name="disbursement">The disbursement of the group's projects of the period (<see cref="PeriodDisbursement"/>); null (empty
    /// cells) when the period has not started.</param>
    public static object? GroupCell(string measure, string label, IReadOnlyList<SupportRecord> records, IReadOnlyList<Project> projects, DateOnly at,
        Func<string, bool>? supportsFacilities = null, PeriodDisbursement? disbursement = null)
    {
        switch (measure)
        {
            case "label": return label;
            case Measures.Participations:
                return (long)records.Count(r => supportsFacilities?.Invoke(r.ActivityId) != false);
            case Measures.Facilities or Measures.Participations or Measures.Booths or Measures.Revenue or Measures.Funding:
                return (long)ScanFigureSource.Measure(records, measure, r => r.FundingVnd);
            case "trainees": return records.Sum(r => Trainees(r) ?? 0);
            case "funding.kcqg": return BySource(records, FundingSource.Kcqg);
            case "funding.kcdp": return BySource(records, FundingSource.Kcdp);
            case "funding.counterpart": return BySource(records, FundingSource.Counterpart);
            case "funding.other": return BySource(records, FundingSource.Other);
            case "funding.none": return records.Where(r => RecordFunding.SplitOf(r) is null).Sum(r => r.FundingVnd);
            case "projects.count": return (long)projects.Count;
            case "projects.late": return (long)projects.Count(p => ProjectQueries.DaysLate(p, at) > 0);
            // The period's projects (approved from 1 January of its year to its end), as /baocao and "giải ngân năm 2025" count them.
            case "projects.disbursement_count": return disbursement is null ? null : (long)disbursement.Projects;
            case "projects.approved_vnd": return disbursement?.Support;
            case "projects.disbursed_vnd": return disbursement?.Disbursed;
            case "projects.rate": return disbursement?.Rate;
            default: throw new ArgumentOutOfRangeException(nameof(measure), measure, "unknown report measure");
        }
    }

    /// <summary>A source's part of the records' money (the split; a record written before it, its amount under its named source).</summary>
    private static long BySource(IEnumerable<SupportRecord> records, FundingSource source) => records.Sum(r => RecordFunding.Amount(r, source));

    /// <summary>Trainees of a record: the training form's "trainees" answer, else "N học viên" in its note (imported records); null when neither.</summary>
    public static long? Trainees(SupportRecord r)
    {
        if (r.Extra.TryGetValue("trainees", out var answer) && long.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }
        return r.Note is { } note && TraineesInNote().Match(note) is { Success: true } m
            && long.TryParse(m.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var fromNote)
            ? fromNote : null;
    }

    private object? ProjectCell(Project p, string field, DateOnly at, bool english)
    {
        var status = p.StatusOn(at) ?? ProjectStatus.Approved;
        return field switch
        {
            "code" => p.Code,
            "name" => p.Name,
            "decision_number" => p.DecisionNumber,
            "decision_date" => p.DecisionDate.ToDateTime(TimeOnly.MinValue),
            "programme" => vocabulary.Name(p.Programme, english),
            "type" => vocabulary.Name(p.Type, english),
            "province" => catalogue.Province(p.ProvinceId)?.ShortName ?? p.ProvinceId,
            "activity" => catalogue.Activity(p.ActivityId) is { } activity ? ActivityName(activity, english) : p.ActivityId,
            "status" => vocabulary.Name(status, english),
            "status_date" => p.DateOf(status)?.ToDateTime(TimeOnly.MinValue),
            "planned_end" => p.PlannedEnd?.ToDateTime(TimeOnly.MinValue),
            // Also for a project accepted late: the days from its planned end to its acceptance (the report looks back on the period).
            "days_late" => (long)ProjectQueries.DaysBehind(p, at),
            "kcqg" => p.Approved.Kcqg,
            "kcdp" => p.Approved.Kcdp,
            "counterpart" => p.Approved.Counterpart,
            "other" => p.Approved.Other,
            "disbursed" => p.DisbursedOn(at),
            "rate" => FundingRules.Rate(p.DisbursedOn(at), p.Approved.Support),
            // The facilities registered with the project and those of the records linked to it, each once.
            "facility_count" => (long)ProjectLinks.Of(store, p).Facilities.Count,
            "facility_names" => string.Join("; ", ProjectLinks.Of(store, p).Facilities),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "unknown project field"),
        };
    }

    [GeneratedRegex(@"(\d{1,3}(?:\.\d{3})*|\d+)\s*học viên", RegexOptions.CultureInvariant)]
    private static partial Regex TraineesInNote();
}
