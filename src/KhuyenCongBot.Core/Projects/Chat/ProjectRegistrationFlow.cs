using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>
/// Registers a project in a short dialog: code, name, decision number and date, programme, type, activity, province (asked only
/// when the person covers several), approved khuyến công amount, counterpart funding, planned end, facility or facilities,
/// then a summary to save. A form: it keeps its draft while another question is answered; "quay lại" goes one step back.
/// </summary>
internal sealed class ProjectRegistrationFlow(ProjectsModule module, CatalogueIndex catalogue, ProjectVocabulary vocabulary, ProjectLifecycle lifecycle)
    : IConversationFlow
{
    public const string FlowName = "project:new";

    private enum Step { Code, Name, DecisionNumber, DecisionDate, Programme, Type, Activity, Province, Approved, Counterpart, PlannedEnd, Facilities, Confirm }

    public string Name => FlowName;

    public DialogKind KindAt(ConversationState state) => DialogKind.Form;

    public string Describe(BotContext context) => context.T("đề án mới đang ghi dở", "a project being registered");

    public string ResumeHint(BotContext context) => context.T("gõ tiếp câu trả lời để ghi tiếp đề án, hoặc /huy để bỏ", "answer to go on with the project, or /cancel");

    public void Start(BotContext context)
    {
        context.State.Clear();
        context.State.Flow = FlowName;
        Go(context, Step.Code);
    }

    public Task ContinueAsync(BotContext context, string input, bool isButton, CancellationToken cancellationToken)
    {
        var step = (Step)context.State.Step;
        var text = input.Trim();
        if (!isButton && VnText.FoldWords(text) is "quay lai" or "back")
        {
            Go(context, Previous(context, step));
            return Task.CompletedTask;
        }
        // A project command where free text is asked ("đề án KC-2026-07 đã nghiệm thu ngày 15/11" as the name) is handled, not kept as the answer.
        if (!isButton && step is Step.Name or Step.DecisionNumber && module.CommandInsideRegistration(context, text))
        {
            Ask(context, step, null);
            return Task.CompletedTask;
        }
        // A button of another step (an old message, forged data) is not an answer to this one.
        var error = isButton && !ButtonsOf(step).Any(b => text.StartsWith(b, StringComparison.Ordinal))
            ? context.T("Nút này không dùng cho câu hỏi hiện tại; trả lời câu hỏi dưới đây.", "That button is not for this question.")
            : Take(context, step, text, isButton);
        if (error is not null)
        {
            Ask(context, step, error);
            return Task.CompletedTask;
        }
        if (step == Step.Confirm)
        {
            return Task.CompletedTask;
        }
        Go(context, Next(context, step));
        return Task.CompletedTask;
    }

    private static string[] ButtonsOf(Step step) => step switch
    {
        Step.Programme => ["pj:prog:"],
        Step.Type => ["pj:type:"],
        Step.Activity => ["pj:act:"],
        Step.Counterpart => ["pj:zero"],
        Step.Facilities => ["pj:skip"],
        Step.Confirm => ["pj:save", "pj:drop"],
        _ => [],
    };

    private string? Get(BotContext context, Step step) => context.State.Data.GetValueOrDefault("pj:" + step);

    private static void Set(BotContext context, Step step, string value) => context.State.Data["pj:" + step] = value;

    private Step Next(BotContext context, Step step)
    {
        var next = step + 1;
        if (next == Step.Province && FieldReader.AllowedProvinces(catalogue, context.User) is { Count: 1 } only)
        {
            Set(context, Step.Province, only[0].Id);
            next++;
        }
        return next;
    }

    private Step Previous(BotContext context, Step step)
    {
        var previous = step == Step.Code ? Step.Code : step - 1;
        if (previous == Step.Province && FieldReader.AllowedProvinces(catalogue, context.User).Count == 1)
        {
            previous--;
        }
        return previous;
    }

    private void Go(BotContext context, Step step)
    {
        context.State.Step = (int)step;
        Ask(context, step, null);
    }

    private void Ask(BotContext context, Step step, string? error)
    {
        var today = context.Today;
        var prefix = error is null ? "" : "⚠️ " + error + "\n";
        var n = (int)step + 1;
        var (vi, en, choices) = step switch
        {
            Step.Code => ("Mã đề án? (ví dụ KC-2026-07)", "Project code? (e.g. KC-2026-07)", new List<Choice>()),
            Step.Name => ("Tên đề án?", "Project name?", []),
            Step.DecisionNumber => ("Số quyết định phê duyệt? (ví dụ 123/QĐ-SCT)", "Approving decision number? (e.g. 123/QĐ-SCT)", []),
            Step.DecisionDate => ($"Ngày quyết định phê duyệt? (ví dụ 15/3/{today.Year})", $"Decision date? (e.g. 15/3/{today.Year})", []),
            Step.Programme => ("Chương trình?", "Programme?",
                Enum.GetValues<ProjectProgramme>().Select(p => new Choice(vocabulary.Name(p, context.English), "pj:prog:" + (int)p)).ToList()),
            Step.Type => ("Loại đề án?", "Project type?", Types(context).Select(t => new Choice(vocabulary.Name(t, context.English), "pj:type:" + (int)t)).ToList()),
            Step.Activity => ("Hoạt động khuyến công của đề án?", "Activity of the project?",
                catalogue.Activities.Select(a => new Choice(a.ShortName, "pj:act:" + a.Id)).ToList()),
            Step.Province => ("Tỉnh/thành phố của đề án? (gõ tên, ví dụ Phú Thọ)", "Province of the project? (type its name)", []),
            Step.Approved => (
                $"Kinh phí khuyến công được duyệt ({(Programme(context) == ProjectProgramme.National ? "KCQG" : "KCĐP")})? (ví dụ 500 triệu, 1,2 tỷ)",
                "Approved extension funding? (e.g. 500 triệu, 1,2 tỷ)", []),
            Step.Counterpart => ("Vốn đối ứng của cơ sở? (ví dụ 300 triệu; 0 hoặc \"bỏ qua\" nếu không có)", "Counterpart funding? (0 or \"skip\" if none)",
                [new Choice(context.T("Không có", "None"), "pj:zero")]),
            Step.PlannedEnd => ($"Ngày kết thúc dự kiến? (ví dụ 30/11/{today.Year})", $"Planned end date? (e.g. 30/11/{today.Year})", []),
            Step.Facilities => (Type(context) == ProjectType.Single
                    ? "Cơ sở được hỗ trợ? (gõ tên cơ sở đã có trong danh sách; \"bỏ qua\" để thêm sau)"
                    : "Các cơ sở được hỗ trợ? (gõ tên, cách nhau bằng dấu \";\"; \"bỏ qua\" để thêm sau)",
                "Supported facilities? (names separated by \";\", or \"skip\")", [new Choice(context.T("Bỏ qua", "Skip"), "pj:skip")]),
            _ => (Summary(context, false), Summary(context, true),
                [new Choice(context.T("Lưu đề án", "Save"), "pj:save"), new Choice(context.T("Hủy", "Cancel"), "pj:drop")]),
        };
        var head = step == Step.Confirm ? "" : context.T($"📁 Đề án mới – bước {n}/{(int)Step.Confirm}: ", $"📁 New project – step {n}/{(int)Step.Confirm}: ");
        var tail = step is Step.Confirm or Step.Code ? "" : context.T(" (\"quay lại\" để sửa bước trước, /huy để bỏ)", " (\"back\" for the previous step, /cancel to drop)");
        context.Ask(prefix + head + context.T(vi, en) + tail, choices);
    }

    private IEnumerable<ProjectType> Types(BotContext context) =>
        Programme(context) == ProjectProgramme.National ? [ProjectType.Single, ProjectType.Group] : Enum.GetValues<ProjectType>();

    private ProjectProgramme Programme(BotContext context) =>
        (ProjectProgramme)int.Parse(Get(context, Step.Programme) ?? "0", CultureInfo.InvariantCulture);

    private ProjectType Type(BotContext context) =>
        (ProjectType)int.Parse(Get(context, Step.Type) ?? "0", CultureInfo.InvariantCulture);

    /// <summary>
    /// A decision number as written ("123/QĐ-SCT", "45/2026/QĐ-UBND"): digits, a slash, then a symbol; tolerant of "số " or "QĐ số "
    /// before it and of spaces around the slashes (taken out). Null when it does not have that shape.
    /// </summary>
    internal static string? DecisionNumber(string text)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text.Trim(),
            @"^(?:(?:quyết\s*định|quyet\s*dinh|qđ|qd)\s*)?(?:số|so)?\s*:?\s*(\d{1,6}[a-zA-Z]?\s*/\s*[\p{L}\d][\p{L}\d\-./ ]{0,80})$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        if (!m.Success)
        {
            return null;
        }
        var number = System.Text.RegularExpressions.Regex.Replace(m.Groups[1].Value, @"\s*([/\-])\s*", "$1").Trim();
        return number.Any(char.IsLetter) || number.Count(c => c == '/') >= 1 && number.Split('/')[^1].Length > 0 ? number : null;
    }

    /// <summary>Reads and keeps the answer of a step; the problem in the person's language when it is not taken.</summary>
    private string? Take(BotContext context, Step step, string text, bool isButton)
    {
        var today = context.Today;
        switch (step)
        {
            case Step.Code:
                if (ProjectCode.Problem(text) is { } problem)
                {
                    return context.T(problem.Vi, problem.En);
                }
                if (context.Store.Projects.FindByCode(text) is not null)
                {
                    return context.T($"Mã đề án {text} đã có. Gõ mã khác (mỗi đề án một mã).", $"Code {text} is already used.");
                }
                Set(context, step, text);
                return null;
            case Step.Name:
                if (text.Length < 3 || text.Length > ProjectLifecycle.MaxNameLength)
                {
                    return context.T($"Tên đề án dài 3 đến {ProjectLifecycle.MaxNameLength} ký tự.", "The name has 3 to 300 characters.");
                }
                Set(context, step, text);
                return null;
            case Step.DecisionNumber:
                if (text.Length > 100 || DecisionNumber(text) is not { } number)
                {
                    return context.T("Số quyết định có dạng số/ký hiệu, ví dụ 123/QĐ-SCT hoặc 45/2026/QĐ-UBND.",
                        "A decision number looks like number/symbol, e.g. 123/QĐ-SCT or 45/2026/QĐ-UBND.");
                }
                Set(context, step, number);
                return null;
            case Step.DecisionDate:
                if (!VnParse.TryParseDate(text, today, out var decided) || decided > today || decided < ProjectLifecycle.MinDate)
                {
                    return context.T($"Ngày quyết định phải là một ngày từ {VnFormat.Date(ProjectLifecycle.MinDate)} đến hôm nay ({VnFormat.Date(today)}), ví dụ 15/3/{today.Year}.",
                        "The decision date must be a date up to today.");
                }
                Set(context, step, decided.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return null;
            case Step.Programme:
                var programme = isButton && text.StartsWith("pj:prog:", StringComparison.Ordinal)
                    ? (int.TryParse(text[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? (ProjectProgramme?)p : null)
                    : vocabulary.FindProgramme(text);
                if (programme is null || !Enum.IsDefined(programme.Value))
                {
                    return context.T("Chọn khuyến công quốc gia (KCQG) hoặc khuyến công địa phương (KCĐP).", "Pick national or local.");
                }
                Set(context, step, ((int)programme.Value).ToString(CultureInfo.InvariantCulture));
                return null;
            case Step.Type:
                var type = isButton && text.StartsWith("pj:type:", StringComparison.Ordinal)
                    ? (int.TryParse(text[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? (ProjectType?)t : null)
                    : vocabulary.FindType(text);
                if (type is null || !Types(context).Contains(type.Value))
                {
                    return context.T("Chọn một loại trong danh sách (đề án điểm: một cơ sở; đề án nhóm: nhiều cơ sở).", "Pick a type from the list.");
                }
                Set(context, step, ((int)type.Value).ToString(CultureInfo.InvariantCulture));
                return null;
            case Step.Activity:
                var activity = isButton && text.StartsWith("pj:act:", StringComparison.Ordinal) ? catalogue.Activity(text[7..]) : catalogue.FindActivity(text);
                if (activity is null)
                {
                    return context.T("Chọn một hoạt động trong danh sách (gõ số thứ tự hoặc tên).", "Pick an activity from the list.");
                }
                Set(context, step, activity.Id);
                return null;
            case Step.Province:
                var unit = catalogue.FindProvince(text);
                var current = unit is null ? null : catalogue.CurrentOf(unit.Id) ?? unit;
                if (current is null)
                {
                    return context.T($"Không tìm thấy tỉnh/thành phố \"{text}\". Gõ tên tỉnh, ví dụ Phú Thọ.", $"No province \"{text}\".");
                }
                if (!FieldReader.AllowedProvinces(catalogue, context.User).Any(p => p.Id == current.Id))
                {
                    return context.T($"Bạn không ghi được đề án của {current.ShortName}: ngoài phạm vi của bạn.", $"{current.ShortName} is outside your scope.");
                }
                Set(context, step, current.Id);
                return null;
            case Step.Approved:
            case Step.Counterpart:
                long vnd = 0;
                var none = isButton ? text == "pj:zero" : VnText.FoldWords(text) is "bo qua" or "khong" or "khong co" or "skip" or "none";
                if (!(step == Step.Counterpart && none) && (!VnParse.TryParseMoney(text, out vnd) || !FundingSplit.IsValidPart(vnd) || (step == Step.Approved && vnd == 0)))
                {
                    return context.T("Bot chưa đọc được số tiền. Gõ ví dụ 500 triệu, 1,2 tỷ, 450000000.", "Could not read the amount (e.g. 500 triệu, 1,2 tỷ).");
                }
                Set(context, step, vnd.ToString(CultureInfo.InvariantCulture));
                return null;
            case Step.PlannedEnd:
                var decision = DateOnly.ParseExact(Get(context, Step.DecisionDate)!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (!VnParse.TryParseDate(text, today, out var end) || end < decision || end.Year > today.Year + 10)
                {
                    return context.T($"Ngày kết thúc dự kiến phải là một ngày từ ngày quyết định ({VnFormat.Date(decision)}), ví dụ 30/11/{today.Year}.",
                        "The planned end must be a date after the decision.");
                }
                Set(context, step, end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return null;
            case Step.Facilities:
                return TakeFacilities(context, text, isButton);
            default:
                return Confirm(context, text, isButton);
        }
    }

    private string? TakeFacilities(BotContext context, string text, bool isButton)
    {
        if ((isButton && text == "pj:skip") || (!isButton && VnText.FoldWords(text) is "bo qua" or "skip" or "khong"))
        {
            Set(context, Step.Facilities, "");
            return null;
        }
        var names = text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(n => n.Length > 0).ToList();
        if (Type(context) == ProjectType.Single && names.Count > 1)
        {
            return context.T("Đề án điểm hỗ trợ một cơ sở: gõ tên một cơ sở (đề án nhiều cơ sở là đề án nhóm).", "A single-facility project supports one facility.");
        }
        var province = Get(context, Step.Province) ?? "";
        var units = catalogue.UnitsOf(province).ToList();
        var ids = new List<long>();
        var missing = new List<string>();
        foreach (var name in names)
        {
            var found = context.Store.Facilities.Search(units, name, 1, FacilitySearch.DuplicateThreshold);
            if (found.Count == 0)
            {
                missing.Add(name);
            }
            else
            {
                ids.Add(found[0].Facility.Id);
            }
        }
        if (missing.Count > 0 || ids.Count == 0)
        {
            return context.T(
                $"Không tìm thấy cơ sở {string.Join(", ", missing.Select(m => $"\"{m}\""))} ở {catalogue.Province(province)?.ShortName}. Gõ lại đúng tên cơ sở đã ghi (hoặc ghi cơ sở bằng /ghi trước), hoặc \"bỏ qua\".",
                $"No facility {string.Join(", ", missing)} found. Type the names again, or \"skip\".");
        }
        Set(context, Step.Facilities, string.Join(",", ids.Distinct().Select(i => i.ToString(CultureInfo.InvariantCulture))));
        return null;
    }

    private Project Draft(BotContext context)
    {
        var programme = Programme(context);
        var approved = long.Parse(Get(context, Step.Approved) ?? "0", CultureInfo.InvariantCulture);
        var counterpart = long.Parse(Get(context, Step.Counterpart) ?? "0", CultureInfo.InvariantCulture);
        return new Project
        {
            Code = Get(context, Step.Code) ?? "",
            Name = Get(context, Step.Name) ?? "",
            DecisionNumber = Get(context, Step.DecisionNumber) ?? "",
            DecisionDate = DateOnly.ParseExact(Get(context, Step.DecisionDate)!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Programme = programme,
            Type = Type(context),
            ActivityId = Get(context, Step.Activity) ?? "",
            ProvinceId = Get(context, Step.Province) ?? "",
            PlannedEnd = DateOnly.ParseExact(Get(context, Step.PlannedEnd)!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Approved = programme == ProjectProgramme.National ? new FundingSplit(approved, 0, counterpart) : new FundingSplit(0, approved, counterpart),
            FacilityIds = (Get(context, Step.Facilities) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList(),
        };
    }

    private string Summary(BotContext context, bool english)
    {
        var p = Draft(context);
        var sb = new StringBuilder(english ? "Check the project, then save:" : "Kiểm tra đề án rồi bấm Lưu:");
        sb.Append('\n').Append($"• {(english ? "Code" : "Mã")}: {p.Code}");
        sb.Append('\n').Append($"• {(english ? "Name" : "Tên")}: {p.Name}");
        sb.Append('\n').Append($"• {(english ? "Decision" : "Quyết định")}: {p.DecisionNumber} ({VnFormat.Date(p.DecisionDate)})");
        sb.Append('\n').Append($"• {vocabulary.Name(p.Programme, english)}; {vocabulary.Name(p.Type, english)}");
        sb.Append('\n').Append($"• {(english ? "Activity" : "Hoạt động")}: {catalogue.Activity(p.ActivityId)?.ShortName}; {catalogue.Province(p.ProvinceId)?.ShortName}");
        sb.Append('\n').Append($"• {(english ? "Approved" : "Kinh phí được duyệt")}: {ProjectAnswers.Split(p.Approved)} ({VnWords.Money(p.Approved.Support)} khuyến công)");
        sb.Append('\n').Append($"• {(english ? "Planned end" : "Kết thúc dự kiến")}: {VnFormat.Date(p.PlannedEnd!.Value)}");
        var facilities = p.FacilityIds.Select(id => context.Store.Facilities.Get(id)?.Name).OfType<string>().ToList();
        sb.Append('\n').Append($"• {(english ? "Facilities" : "Cơ sở")}: ").Append(facilities.Count == 0 ? (english ? "none yet" : "chưa có (thêm sau)") : string.Join("; ", facilities));
        return sb.ToString();
    }

    private string? Confirm(BotContext context, string text, bool isButton)
    {
        var folded = VnText.FoldWords(text);
        if ((isButton && text == "pj:drop") || (!isButton && folded is "huy" or "khong" or "cancel"))
        {
            context.State.Clear();
            context.Say(context.T("Đã bỏ đề án đang ghi; không lưu gì.", "Dropped; nothing saved."));
            return null;
        }
        if (!((isButton && text == "pj:save") || (!isButton && folded is "luu" or "luu de an" or "co" or "ok" or "dong y" or "save" or "yes")))
        {
            return context.T("Bấm Lưu đề án để lưu, Hủy để bỏ, hoặc \"quay lại\" để sửa.", "Press Save, Cancel, or \"back\".");
        }
        var result = lifecycle.Register(context.User, Draft(context), confirmed: true);
        context.State.Clear();
        if (!result.Ok)
        {
            context.Say(context.T("Chưa lưu: ", "Not saved: ") + result.Text(context.English));
            return null;
        }
        var choices = result.Project is { } saved && module.NextStepChoice(context, saved) is { } next ? new List<Choice> { next } : [];
        context.Ask(result.Text(context.English) + context.T(" Chuyển bước: \"đề án " + result.Project!.Code + " đang thực hiện ngày …\", hoặc /dean.", ""), choices);
        return null;
    }
}
