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
using static KhuyenCongBot.Core.Records.RecordRowReader;

namespace KhuyenCongBot.Core.Records;

/// <summary>Plans: one row per (year, province, measure), read and saved as one undoable batch.</summary>
internal sealed class PlanImporter(IBotStore store, Func<CatalogueIndex> catalogue, BotClock clock, Func<UserTexts> texts)
{
    private CatalogueIndex Catalogue => catalogue();

    internal ImportResult ImportPlanRows(IReadOnlyList<CsvText.Row> rows, ImportOptions options)
    {
        var english = options.English;
        var errors = new List<ImportError>();
        if (rows.Count == 0)
        {
            return Failed(1, texts().Text(english, "records.rows.empty_file", ("header", string.Join(",", PlanColumns))));
        }
        var header = rows[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        if (header.Count < PlanColumns.Count || !header.Take(PlanColumns.Count).SequenceEqual(PlanColumns))
        {
            return Failed(rows[0].Line, texts().Text(english, "records.plans.header", ("header", string.Join(",", PlanColumns))));
        }
        var plans = new List<(int Line, Plan Plan)>();
        var seen = new Dictionary<string, int>();
        foreach (var row in rows.Skip(1))
        {
            if (row.IsBlank)
            {
                continue;
            }
            var problems = new List<string>();
            var plan = ParsePlan(row, problems, english);
            if (plan is not null && problems.Count == 0)
            {
                if (seen.TryGetValue(plan.Id, out var first))
                {
                    problems.Add(texts().Text(english, "records.plans.repeated", ("line", first)));
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
            plans.Add((row.Line, plan!));
        }
        if (errors.Count > 0)
        {
            return new ImportResult(0, errors) { Kind = "plans", Rows = plans.Count + errors.Count };
        }
        if (plans.Count == 0)
        {
            return Failed(1, texts().Text(english, "records.rows.no_data")) with { Kind = "plans" };
        }
        var hash = Hash(rows);
        var before = store.Imports.WithHash(hash).FirstOrDefault();
        var changes = plans.Select(p => (p.Line, p.Plan, Before: store.Plans.Get(p.Plan.Id)?.Target)).ToList();
        var same = changes.Where(c => c.Before == c.Plan.Target).Select(c => c.Line).ToList();
        if (!options.AllowDuplicates && before is not null)
        {
            return new ImportResult(0, []) { Kind = "plans", Rows = plans.Count, DuplicateLines = same, ImportedBefore = before };
        }
        var toSet = options.AllowDuplicates ? changes : changes.Where(c => c.Before != c.Plan.Target).ToList();
        var skipped = options.AllowDuplicates ? [] : same;
        if (options.DryRun || toSet.Count == 0)
        {
            return new ImportResult(options.DryRun ? toSet.Count : 0, []) { Kind = "plans", Rows = plans.Count, DuplicateLines = skipped, DryRun = options.DryRun };
        }
        var now = clock.Now;
        var batch = store.InTransaction(() =>
        {
            var batch = new ImportBatch
            {
                Kind = "plans", FileName = options.FileName, FileHash = hash, At = now, UserId = options.UserId, By = options.By,
                Rows = plans.Count, Added = toSet.Count, Duplicates = skipped.Count,
                Plans = toSet.Select(c => new PlanChange { PlanId = c.Plan.Id, Before = c.Before, After = c.Plan.Target }).ToList(),
            };
            store.Imports.Add(batch);
            store.Plans.UpsertMany(toSet.Select(c => c.Plan));
            store.Audit.Add(new AuditEntry
            {
                At = now, UserId = options.UserId, Action = "import", Entity = "import", EntityId = batch.Id.ToString(CultureInfo.InvariantCulture),
                After = $"{{\"file\":{System.Text.Json.JsonSerializer.Serialize(options.FileName)},\"plans\":{toSet.Count}}}",
            });
            return batch;
        });
        return new ImportResult(toSet.Count, []) { Kind = "plans", Rows = plans.Count, DuplicateLines = skipped, Batch = batch, ImportedBefore = before };
    }

    private Plan? ParsePlan(CsvText.Row row, List<string> problems, bool english)
    {
        var yearText = row[0].Trim();
        var yearOk = int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 2000 and <= 2100;
        if (!yearOk)
        {
            problems.Add(texts().Text(english, "records.plans.bad_year", ("text", Short(yearText))));
        }

        var provinceText = row[1].Trim();
        var province = provinceText.Length == 0 ? null : Catalogue.FindProvince(provinceText);
        if (province is null)
        {
            problems.Add(provinceText.Length == 0 ? texts().Text(english, "records.rows.no_province") : texts().Text(english, "records.rows.unknown_province", ("text", Short(provinceText))));
        }
        else if (!province.IsCurrent)
        {
            var current = Catalogue.CurrentOf(province.Id);
            problems.Add(texts().Text(english, "records.plans.former_province", ("text", provinceText), ("current", current?.Name ?? "?")));
        }

        var metric = row[2].Trim();
        var dot = metric.IndexOf('.');
        var activity = dot > 0 ? Catalogue.Activity(metric[..dot]) : null;
        var measure = dot > 0 ? metric[(dot + 1)..] : "";
        if (dot <= 0)
        {
            problems.Add(texts().Text(english, "records.plans.bad_metric", ("text", Short(metric))));
        }
        else if (activity is null)
        {
            problems.Add(texts().Text(english, "records.plans.unknown_activity", ("text", Short(metric)), ("activity", Short(metric[..dot]))));
        }
        else if (!Measures.All.Contains(measure) || (activity.Measures.Count > 0 && !activity.Measures.Contains(measure) && !activity.FormMeasures.Contains(measure)))
        {
            problems.Add(texts().Text(english, "records.plans.measure_not_used", ("text", Short(metric)), ("measure", measure), ("activity", activity.Id)));
        }

        long target = 0;
        var targetText = row[3].Trim();
        if (targetText.Length == 0)
        {
            problems.Add(texts().Text(english, "records.plans.no_target"));
        }
        else if (!TryParseNonNegative(targetText, out target) || target > MaxPlanTarget)
        {
            problems.Add(texts().Text(english, "records.plans.bad_target", ("text", Short(targetText)), ("max", MaxPlanTarget)));
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
}
