using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Catalogue;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Every activity's form, read and checked from seeds/forms/*.json at start; a malformed file throws <see cref="SeedException"/>.</summary>
public sealed class FormCatalogue
{
    /// <summary>Record properties a field may bind to.</summary>
    public static readonly IReadOnlyDictionary<string, FieldType[]> Binds = new Dictionary<string, FieldType[]>
    {
        ["date"] = [FieldType.Date],
        ["province"] = [FieldType.Province],
        ["facility"] = [FieldType.Facility],
        ["commune"] = [FieldType.Commune, FieldType.Text],
        ["booths"] = [FieldType.Integer],
        ["revenue_vnd"] = [FieldType.Money],
        ["funding_vnd"] = [FieldType.Money],
        ["funding_source"] = [FieldType.Choice],
        ["funding_kcqg"] = [FieldType.Money],
        ["funding_counterpart"] = [FieldType.Money],
        ["funding_other"] = [FieldType.Money],
        ["status"] = [FieldType.Choice],
        ["note"] = [FieldType.Text],
        ["project"] = [FieldType.Project],
    };

    private static readonly Dictionary<string, string[]> AllowedChoiceValues = new()
    {
        // BOTH: KCQG and KCĐP together; the KCQG part is asked (funding_kcqg) and KCĐP is the rest.
        ["funding_source"] = ["KCQG", "KCDP", "BOTH"],
        ["status"] = ["actual", "estimate"],
    };

    private static readonly string[] Ops = ["eq", "ne", "gt", "ge", "lt", "le", "in", "set", "empty"];

    private static readonly JsonSerializerOptions Json = new(SeedFiles.Json)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<string, FormDefinition> _forms;

    public FormCatalogue(IEnumerable<FormDefinition> forms)
    {
        _forms = forms.ToDictionary(f => f.Activity);
    }

    public IReadOnlyCollection<FormDefinition> Forms => _forms.Values;

    public FormDefinition? Get(string? activityId) => activityId is null ? null : _forms.GetValueOrDefault(activityId);

    /// <summary>Reads and checks every seeds/forms/*.json; <paramref name="activityIds"/> are the catalogue's activity ids.</summary>
    public static FormCatalogue Load(string seedsPath, IReadOnlyCollection<string> activityIds)
    {
        var folder = Path.Combine(seedsPath, "forms");
        if (!Directory.Exists(folder))
        {
            throw new SeedException(folder, "thiếu thư mục mẫu phiếu (seeds/forms)");
        }
        var forms = new List<FormDefinition>();
        foreach (var file in Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            var form = Read(file);
            Validate(form, activityIds);
            if (forms.Any(f => f.Activity == form.Activity))
            {
                throw new SeedException(file, $"hoạt động \"{form.Activity}\" đã có mẫu phiếu ở tệp khác");
            }
            forms.Add(form);
        }
        if (forms.Count == 0)
        {
            throw new SeedException(folder, "không có mẫu phiếu nào (*.json)");
        }
        return new FormCatalogue(forms);
    }

    /// <summary>Reads one form file (no checks against the catalogue).</summary>
    public static FormDefinition Read(string file)
    {
        FormDefinition? form;
        try
        {
            form = JsonSerializer.Deserialize<FormDefinition>(File.ReadAllText(file), Json);
        }
        catch (JsonException ex)
        {
            throw new SeedException(file, $"JSON không hợp lệ ở {ex.Path} (dòng {ex.LineNumber + 1}): {ex.Message}");
        }
        catch (IOException ex)
        {
            throw new SeedException(file, ex.Message);
        }
        if (form is null)
        {
            throw new SeedException(file, "tệp rỗng");
        }
        form.File = file;
        if (string.IsNullOrWhiteSpace(form.Activity))
        {
            form.Activity = Path.GetFileNameWithoutExtension(file);
        }
        return form;
    }

    /// <summary>Checks a form: ids, labels, types, bounds, patterns, choices, defaults, binds, skip logic.</summary>
    public static void Validate(FormDefinition form, IReadOnlyCollection<string>? activityIds)
    {
        var file = form.File;
        if (activityIds is not null && !activityIds.Contains(form.Activity))
        {
            throw new SeedException(file, $"hoạt động \"{form.Activity}\" không có trong danh mục (seeds/catalogue/activities.json)");
        }
        if (!string.IsNullOrWhiteSpace(form.Title) && string.IsNullOrWhiteSpace(form.TitleEn))
        {
            // An English reader sees the form's title, hints and units in English (Vietnamese stays the default).
            throw new SeedException(file, "có title nhưng thiếu titleEn (tên phiếu tiếng Anh)");
        }
        if (form.Fields.Count == 0)
        {
            throw new SeedException(file, "mẫu phiếu không có trường nào (fields)");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var binds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < form.Fields.Count; i++)
        {
            var f = form.Fields[i];
            var where = string.IsNullOrWhiteSpace(f.Id) ? $"trường thứ {i + 1}" : $"trường \"{f.Id}\"";
            SeedException Bad(string problem) => new(file, $"{where}: {problem}");

            if (string.IsNullOrWhiteSpace(f.Id))
            {
                throw Bad("thiếu id");
            }
            if (!Regex.IsMatch(f.Id, "^[a-z][a-z0-9_]{0,30}$"))
            {
                throw Bad("id chỉ gồm chữ thường không dấu, số và \"_\" (tối đa 31 ký tự)");
            }
            if (!seen.Add(f.Id))
            {
                throw Bad("id bị trùng");
            }
            if (string.IsNullOrWhiteSpace(f.Label))
            {
                throw Bad("thiếu label");
            }
            if (!string.IsNullOrWhiteSpace(f.Help) && string.IsNullOrWhiteSpace(f.HelpEn))
            {
                throw Bad("có help nhưng thiếu helpEn (lời giúp tiếng Anh)");
            }
            if (!string.IsNullOrWhiteSpace(f.Unit) && string.IsNullOrWhiteSpace(f.UnitEn))
            {
                throw Bad("có unit nhưng thiếu unitEn (đơn vị tiếng Anh)");
            }
            if (!Enum.TryParse<FieldType>(f.Type, true, out var kind) || !Enum.IsDefined(kind) || f.Type.Any(char.IsDigit))
            {
                throw Bad($"kiểu \"{f.Type}\" không được hỗ trợ (dùng: choice, text, integer, money, date, facility, province, commune, photo, location, project)");
            }
            f.Kind = kind;
            if (f.Bind is not null)
            {
                if (!Binds.TryGetValue(f.Bind, out var types))
                {
                    throw Bad($"bind \"{f.Bind}\" không phải thuộc tính của bản ghi (dùng: {string.Join(", ", Binds.Keys)}; bỏ bind để lưu vào Extra)");
                }
                if (!types.Contains(kind))
                {
                    throw Bad($"bind \"{f.Bind}\" cần kiểu {string.Join(" hoặc ", types.Select(t => t.ToString().ToLowerInvariant()))}");
                }
                if (!binds.Add(f.Bind))
                {
                    throw Bad($"bind \"{f.Bind}\" đã có ở trường khác");
                }
            }
            else if (kind == FieldType.Photo && form.Fields.Take(i).Any(o => o.Kind == FieldType.Photo))
            {
                // A form's unsaved photos are kept per person, not per question.
                throw Bad("chỉ được một trường kiểu photo trong một phiếu");
            }
            else if (kind is FieldType.Facility or FieldType.Province or FieldType.Date or FieldType.Project)
            {
                f.Bind = kind.ToString().ToLowerInvariant();
                if (!binds.Add(f.Bind))
                {
                    throw Bad($"chỉ được một trường kiểu {f.Type}");
                }
            }
            CheckBounds(f, Bad);
            CheckChoices(f, Bad);
            CheckDefault(f, Bad);
            CheckAskIf(form, i, f, Bad);
        }
        foreach (var needed in new[] { "date", "province" })
        {
            var field = form.Bound(needed);
            if (field is null)
            {
                throw new SeedException(file, $"mẫu phiếu cần một trường bind \"{needed}\"");
            }
            if (field.AskIf is not null || (!field.IsRequired && field.Default is null && needed == "date"))
            {
                throw new SeedException(file, $"trường \"{field.Id}\": trường {needed} phải luôn được hỏi và bắt buộc (hoặc có default)");
            }
        }
    }

    private static void CheckBounds(FormField f, Func<string, SeedException> bad)
    {
        var numeric = f.Kind is FieldType.Integer or FieldType.Money or FieldType.Text or FieldType.Commune;
        if ((f.Min is not null || f.Max is not null) && !numeric)
        {
            throw bad($"min/max không dùng cho kiểu {f.Type}");
        }
        if (f.Min is { } min && f.Max is { } max && min > max)
        {
            throw bad($"min ({min}) lớn hơn max ({max})");
        }
        if (f.Kind is FieldType.Integer or FieldType.Money or FieldType.Text or FieldType.Commune)
        {
            foreach (var b in new[] { f.Min, f.Max })
            {
                if (b is { } v && (v != decimal.Truncate(v) || v < 0 && f.Kind is FieldType.Text or FieldType.Commune))
                {
                    throw bad($"min/max phải là số nguyên{(f.Kind is FieldType.Text or FieldType.Commune ? " không âm (độ dài)" : "")}");
                }
            }
        }
        if (f.Pattern is not null)
        {
            if (f.Kind is not (FieldType.Text or FieldType.Commune))
            {
                throw bad("pattern chỉ dùng cho kiểu text");
            }
            try
            {
                _ = new Regex(f.Pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException ex)
            {
                throw bad($"pattern không hợp lệ: {ex.Message}");
            }
        }
        if ((f.MinDate is not null || f.MaxDaysAhead is not null) && f.Kind != FieldType.Date)
        {
            throw bad("minDate/maxDaysAhead chỉ dùng cho kiểu date");
        }
        if (f.MinDate is not null && !DateOnly.TryParseExact(f.MinDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw bad($"minDate \"{f.MinDate}\" phải có dạng yyyy-MM-dd");
        }
        if (f.MaxDaysAhead is < 0 or > 3660)
        {
            throw bad("maxDaysAhead phải từ 0 đến 3660");
        }
    }

    private static void CheckChoices(FormField f, Func<string, SeedException> bad)
    {
        if (f.Kind != FieldType.Choice)
        {
            if (f.Choices.Count > 0)
            {
                throw bad("choices chỉ dùng cho kiểu choice");
            }
            return;
        }
        if (f.Choices.Count < 2)
        {
            throw bad("kiểu choice cần ít nhất 2 lựa chọn (choices)");
        }
        if (f.Choices.Count > 12)
        {
            throw bad("tối đa 12 lựa chọn");
        }
        var values = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in f.Choices)
        {
            if (string.IsNullOrWhiteSpace(c.Value) || string.IsNullOrWhiteSpace(c.Label))
            {
                throw bad("mỗi lựa chọn cần value và label");
            }
            if (!values.Add(c.Value))
            {
                throw bad($"lựa chọn \"{c.Value}\" bị trùng");
            }
            if (c.Value.Length > 40)
            {
                throw bad($"value \"{c.Value}\" dài quá 40 ký tự");
            }
        }
        if (f.Bind is not null && AllowedChoiceValues.TryGetValue(f.Bind, out var allowed))
        {
            var wrong = f.Choices.FirstOrDefault(c => !allowed.Contains(c.Value));
            if (wrong is not null)
            {
                throw bad($"bind \"{f.Bind}\" chỉ nhận các giá trị {string.Join(", ", allowed)} (gặp \"{wrong.Value}\")");
            }
        }
    }

    private static void CheckDefault(FormField f, Func<string, SeedException> bad)
    {
        if (f.Default is null)
        {
            return;
        }
        var ok = f.Kind switch
        {
            FieldType.Choice => f.Choices.Any(c => string.Equals(c.Value, f.Default, StringComparison.OrdinalIgnoreCase)),
            FieldType.Date => f.Default is "today" or "yesterday"
                || DateOnly.TryParseExact(f.Default, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            FieldType.Integer or FieldType.Money => long.TryParse(f.Default, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                && (f.Min is null || n >= f.Min) && (f.Max is null || n <= f.Max),
            FieldType.Facility => false,
            _ => true,
        };
        if (!ok)
        {
            throw bad($"default \"{f.Default}\" không hợp lệ cho kiểu {f.Type}");
        }
    }

    private static void CheckAskIf(FormDefinition form, int index, FormField f, Func<string, SeedException> bad)
    {
        if (f.AskIf is not { } cond)
        {
            return;
        }
        var target = form.IndexOf(cond.Field);
        if (target < 0)
        {
            throw bad($"askIf nhắc đến trường \"{cond.Field}\" không có trong mẫu phiếu");
        }
        if (target >= index)
        {
            throw bad($"askIf nhắc đến trường \"{cond.Field}\" đứng sau (phải là trường hỏi trước)");
        }
        if (!Ops.Contains(cond.Op))
        {
            throw bad($"askIf.op \"{cond.Op}\" không hợp lệ (dùng: {string.Join(", ", Ops)})");
        }
        if (cond.Op is not ("set" or "empty") && string.IsNullOrWhiteSpace(cond.Value))
        {
            throw bad("askIf cần value");
        }
        var referenced = form.Fields[target];
        if (cond.Op is "gt" or "ge" or "lt" or "le")
        {
            if (referenced.Kind is not (FieldType.Integer or FieldType.Money))
            {
                throw bad($"askIf.op \"{cond.Op}\" chỉ so sánh được với trường số (\"{cond.Field}\" là {referenced.Type})");
            }
            if (!decimal.TryParse(cond.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            {
                throw bad($"askIf.value \"{cond.Value}\" phải là số");
            }
        }
        if (referenced.Kind == FieldType.Choice && cond.Op is "eq" or "ne" or "in")
        {
            foreach (var v in cond.Value!.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!referenced.Choices.Any(c => string.Equals(c.Value, v, StringComparison.OrdinalIgnoreCase)))
                {
                    throw bad($"askIf.value \"{v}\" không phải lựa chọn của trường \"{cond.Field}\"");
                }
            }
        }
    }
}
