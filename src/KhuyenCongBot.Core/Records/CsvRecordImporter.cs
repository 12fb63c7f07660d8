using System.Globalization;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Core.Time;

namespace KhuyenCongBot.Core.Records;

/// <summary>Imports records.csv and plans.csv (all or nothing, with Vietnamese reasons per line) and exports records.</summary>
public sealed class CsvRecordImporter : IRecordImporter
{
    /// <summary>The columns of records.csv, in order.</summary>
    public static readonly IReadOnlyList<string> RecordColumns =
        ["date", "province", "activity", "facility", "commune", "booths", "revenue_vnd", "funding_vnd", "funding_source", "status", "note"];

    /// <summary>The columns of plans.csv, in order.</summary>
    public static readonly IReadOnlyList<string> PlanColumns = ["year", "province", "metric", "target"];

    private readonly IBotStore _store;
    private readonly Lazy<CatalogueIndex> _catalogue;
    private readonly BotClock _clock;

    public CsvRecordImporter(IBotStore store, CatalogueIndex catalogue, BotClock clock)
        : this(store, () => catalogue, clock)
    {
    }

    /// <summary>Builds the catalogue on first use (lets the seeder use the importer while it builds the catalogue).</summary>
    internal CsvRecordImporter(IBotStore store, Func<CatalogueIndex> catalogue, BotClock clock)
    {
        _store = store;
        _catalogue = new Lazy<CatalogueIndex>(catalogue);
        _clock = clock;
    }

    private CatalogueIndex Catalogue => _catalogue.Value;

    public ImportResult ImportRecords(TextReader csv, long userId, string source = "import")
    {
        var errors = new List<ImportError>();
        var parsed = new List<(SupportRecord Record, string? FacilityName)>();
        using var rows = CsvText.Read(csv).GetEnumerator();
        if (!CheckHeader(rows, RecordColumns, errors))
        {
            return new ImportResult(0, errors);
        }
        var now = _clock.Now;
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.IsBlank)
            {
                continue;
            }
            var problems = new List<string>();
            var record = ParseRecord(row, problems);
            if (problems.Count > 0)
            {
                errors.Add(new ImportError(row.Line, string.Join("; ", problems)));
                continue;
            }
            record.CreatedByUserId = userId;
            record.CreatedAt = now;
            record.Source = source;
            parsed.Add((record, record.FacilityName));
        }
        if (errors.Count > 0)
        {
            return new ImportResult(0, errors);
        }
        if (parsed.Count == 0)
        {
            return new ImportResult(0, [new ImportError(1, "tệp không có dòng dữ liệu nào")]);
        }
        var records = _store.InTransaction(() =>
        {
            var facilities = new Dictionary<(string, string), long>();
            foreach (var (record, name) in parsed)
            {
                if (name is not null)
                {
                    record.FacilityId = ResolveFacility(facilities, record, name, now);
                }
            }
            var list = parsed.Select(p => p.Record).ToList();
            _store.Records.AddMany(list);
            return list;
        });
        return new ImportResult(records.Count, []);
    }

    public ImportResult ImportPlans(TextReader csv)
    {
        var errors = new List<ImportError>();
        var plans = new List<Plan>();
        var seen = new Dictionary<string, int>();
        using var rows = CsvText.Read(csv).GetEnumerator();
        if (!CheckHeader(rows, PlanColumns, errors))
        {
            return new ImportResult(0, errors);
        }
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.IsBlank)
            {
                continue;
            }
            var problems = new List<string>();
            var plan = ParsePlan(row, problems);
            if (plan is not null && problems.Count == 0)
            {
                if (seen.TryGetValue(plan.Id, out var first))
                {
                    problems.Add($"trùng kế hoạch với dòng {first}");
                }
                else
                {
                    seen[plan.Id] = row.Line;
                }
            }
            if (problems.Count > 0)
            {
                errors.Add(new ImportError(row.Line, string.Join("; ", problems)));
                continue;
            }
            plans.Add(plan!);
        }
        if (errors.Count > 0)
        {
            return new ImportResult(0, errors);
        }
        if (plans.Count == 0)
        {
            return new ImportResult(0, [new ImportError(1, "tệp không có dòng dữ liệu nào")]);
        }
        _store.InTransaction(() =>
        {
            _store.Plans.UpsertMany(plans);
            return plans.Count;
        });
        return new ImportResult(plans.Count, []);
    }

    public void ExportRecords(TextWriter csv)
    {
        CsvText.WriteRow(csv, RecordColumns);
        foreach (var r in _store.Records.All().OrderBy(r => r.Date).ThenBy(r => r.Id))
        {
            CsvText.WriteRow(csv,
            [
                VnFormat.Date(r.Date),
                Catalogue.Province(r.ProvinceId)?.Name ?? r.ProvinceId,
                r.ActivityId,
                r.FacilityName,
                r.Commune,
                Plain(r.Booths),
                Plain(r.RevenueVnd),
                Plain(r.FundingVnd),
                r.FundingSource,
                r.Status == RecordStatus.Estimate ? "uoc" : "chinh thuc",
                r.Note,
            ]);
        }
    }

    private static string Plain(long value) => value == 0 ? "" : value.ToString(CultureInfo.InvariantCulture);

    private static bool CheckHeader(IEnumerator<CsvText.Row> rows, IReadOnlyList<string> columns, List<ImportError> errors)
    {
        var expected = string.Join(",", columns);
        if (!rows.MoveNext())
        {
            errors.Add(new ImportError(1, $"tệp rỗng; dòng đầu phải là tiêu đề: {expected}"));
            return false;
        }
        var header = rows.Current.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        if (header.Count < columns.Count || !header.Take(columns.Count).SequenceEqual(columns))
        {
            errors.Add(new ImportError(rows.Current.Line, $"dòng tiêu đề phải là: {expected}"));
            return false;
        }
        return true;
    }

    private SupportRecord ParseRecord(CsvText.Row row, List<string> problems)
    {
        var record = new SupportRecord();
        var dateText = row[0].Trim();
        if (TryParseDate(dateText, out var date))
        {
            record.Date = date;
        }
        else
        {
            problems.Add(dateText.Length == 0 ? "thiếu ngày" : $"ngày '{dateText}' không hợp lệ (dd/MM/yyyy hoặc yyyy-MM-dd)");
        }

        var provinceText = row[1].Trim();
        var province = provinceText.Length == 0 ? null : Catalogue.FindProvince(provinceText);
        if (province is null)
        {
            problems.Add(provinceText.Length == 0 ? "thiếu tỉnh/thành phố" : $"không tìm thấy tỉnh/thành phố '{provinceText}'");
        }
        else
        {
            record.ProvinceId = province.Id;
        }

        var activityText = row[2].Trim();
        var activity = activityText.Length == 0 ? null : Catalogue.FindActivity(activityText);
        if (activity is null)
        {
            problems.Add(activityText.Length == 0 ? "thiếu hoạt động" : $"không tìm thấy hoạt động '{activityText}'");
        }
        else
        {
            record.ActivityId = activity.Id;
        }

        var facility = row[3].Trim();
        record.FacilityName = facility.Length == 0 ? null : facility;
        if (facility.Length > 0 && VnText.FoldWords(facility).Length == 0)
        {
            problems.Add($"tên cơ sở '{facility}' không hợp lệ");
        }
        var commune = row[4].Trim();
        record.Commune = commune.Length == 0 ? null : commune;

        if (TryParseCount(row[5], "số gian hàng", problems, out var booths))
        {
            if (booths > int.MaxValue)
            {
                problems.Add($"số gian hàng '{row[5].Trim()}' quá lớn");
            }
            record.Booths = (int)Math.Min(booths, int.MaxValue);
        }
        if (TryParseCount(row[6], "doanh thu", problems, out var revenue))
        {
            record.RevenueVnd = revenue;
        }
        if (TryParseCount(row[7], "kinh phí", problems, out var funding))
        {
            record.FundingVnd = funding;
        }

        var sourceText = row[8].Trim();
        switch (VnText.FoldWords(sourceText).Replace(" ", ""))
        {
            case "":
                record.FundingSource = null;
                break;
            case "kcqg":
                record.FundingSource = "KCQG";
                break;
            case "kcdp":
                record.FundingSource = "KCDP";
                break;
            default:
                problems.Add($"nguồn kinh phí '{sourceText}' không hợp lệ (KCQG, KCĐP hoặc để trống)");
                break;
        }

        var statusText = row[9].Trim();
        switch (VnText.FoldWords(statusText))
        {
            case "" or "chinh thuc" or "actual":
                record.Status = RecordStatus.Actual;
                break;
            case "uoc" or "uoc thuc hien" or "estimate":
                record.Status = RecordStatus.Estimate;
                break;
            default:
                problems.Add($"trạng thái '{statusText}' không hợp lệ (ước hoặc chính thức)");
                break;
        }

        var note = row[10].Trim();
        record.Note = note.Length == 0 ? null : note;
        return record;
    }

    private Plan? ParsePlan(CsvText.Row row, List<string> problems)
    {
        var yearText = row[0].Trim();
        var yearOk = int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100;
        if (!yearOk)
        {
            problems.Add($"năm '{yearText}' không hợp lệ");
        }

        var provinceText = row[1].Trim();
        var province = provinceText.Length == 0 ? null : Catalogue.FindProvince(provinceText);
        if (province is null)
        {
            problems.Add(provinceText.Length == 0 ? "thiếu tỉnh/thành phố" : $"không tìm thấy tỉnh/thành phố '{provinceText}'");
        }
        else if (!province.IsCurrent)
        {
            var current = Catalogue.CurrentOf(province.Id);
            problems.Add($"'{provinceText}' là tỉnh cũ; kế hoạch lập theo đơn vị hiện nay ({current?.Name ?? "?"})");
        }

        var metric = row[2].Trim();
        var dot = metric.IndexOf('.');
        var activity = dot > 0 ? Catalogue.Activity(metric[..dot]) : null;
        var measure = dot > 0 ? metric[(dot + 1)..] : "";
        if (dot <= 0)
        {
            problems.Add($"chỉ tiêu '{metric}' không hợp lệ (dạng hoạt_động.đơn_vị, ví dụ trade_fair.booths)");
        }
        else if (activity is null)
        {
            problems.Add($"chỉ tiêu '{metric}': không có hoạt động '{metric[..dot]}'");
        }
        else if (!Measures.All.Contains(measure) || (activity.Measures.Count > 0 && !activity.Measures.Contains(measure)))
        {
            problems.Add($"chỉ tiêu '{metric}': đơn vị đo '{measure}' không dùng cho hoạt động {activity.Id}");
        }

        long target = 0;
        if (row[3].Trim().Length == 0)
        {
            problems.Add("thiếu chỉ tiêu kế hoạch");
        }
        else
        {
            TryParseCount(row[3], "chỉ tiêu kế hoạch", problems, out target);
        }
        if (problems.Count > 0 || province is null || activity is null)
        {
            return null;
        }
        return new Plan
        {
            Id = Plan.MakeId(year, province.Id, metric),
            Year = year,
            ProvinceId = province.Id,
            Metric = metric,
            Target = target,
        };
    }

    private long ResolveFacility(Dictionary<(string, string), long> cache, SupportRecord record, string name, DateTimeOffset now)
    {
        var current = Catalogue.CurrentOf(record.ProvinceId)?.Id ?? record.ProvinceId;
        var key = (current, VnText.FoldWords(name));
        if (cache.TryGetValue(key, out var id))
        {
            return id;
        }
        var existing = _store.Facilities.FindByName(key.Item1, key.Item2);
        id = existing?.Id ?? _store.Facilities.Add(new Facility
        {
            Name = name,
            NormalizedName = key.Item2,
            ProvinceId = current,
            Commune = record.Commune,
            CreatedAt = now,
        });
        cache[key] = id;
        return id;
    }

    /// <summary>dd/MM/yyyy (also d/M/yyyy) or yyyy-MM-dd.</summary>
    internal static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A non-negative integer, plain ("45000000") or grouped with "." ("45.000.000"); empty is 0.</summary>
    internal static bool TryParseNonNegative(string text, out long value)
    {
        value = 0;
        var t = text.Trim();
        if (t.Length == 0)
        {
            return true;
        }
        if (t.Contains('.'))
        {
            var groups = t.Split('.');
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return false;
            }
            t = string.Concat(groups);
        }
        return t.All(char.IsAsciiDigit) && long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseCount(string text, string what, List<string> problems, out long value)
    {
        if (TryParseNonNegative(text, out value))
        {
            return true;
        }
        problems.Add($"{what} '{text.Trim()}' không hợp lệ (số nguyên không âm)");
        return false;
    }
}

/// <summary>Formats import errors for people: "dòng 7: ngày '31/02/2024' không hợp lệ".</summary>
public static class ImportErrorText
{
    public static string Describe(this ImportError error) => $"dòng {error.Line}: {error.Reason}";

    /// <summary>Every error on its own line, at most <paramref name="max"/> of them, then "... và N dòng khác".</summary>
    public static string Describe(this ImportResult result, int max = 20)
    {
        var lines = result.Errors.Take(max).Select(Describe).ToList();
        if (result.Errors.Count > max)
        {
            lines.Add($"... và {result.Errors.Count - max} dòng lỗi khác");
        }
        return string.Join("\n", lines);
    }
}
