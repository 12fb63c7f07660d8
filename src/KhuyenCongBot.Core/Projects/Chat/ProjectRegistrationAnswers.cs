using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects.Chat;

/// <summary>
/// The answers of a project being registered: each step's answer read and kept in the conversation (under "pj:" and the step's
/// name), the draft project they make, and its summary.
/// </summary>
internal sealed class ProjectRegistrationAnswers(CatalogueIndex catalogue, ProjectVocabulary vocabulary)
{
    public string? Get(BotContext context, RegistrationStep step) => context.State.Data.GetValueOrDefault("pj:" + step);

    public static void Set(BotContext context, RegistrationStep step, string value) => context.State.Data["pj:" + step] = value;

    public IEnumerable<ProjectType> Types(BotContext context) =>
        Programme(context) == ProjectProgramme.National ? [ProjectType.Single, ProjectType.Group] : [ProjectType.Local];

    public ProjectProgramme Programme(BotContext context) =>
        (ProjectProgramme)int.Parse(Get(context, RegistrationStep.Programme) ?? "0", CultureInfo.InvariantCulture);

    public ProjectType Type(BotContext context) =>
        (ProjectType)int.Parse(Get(context, RegistrationStep.Type) ?? "0", CultureInfo.InvariantCulture);

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

    /// <summary>A decision answer cut before a date written after it with "ngày" ("123/QĐ-SCT ngày 10/11/2026"): the number and the
    /// date's words, or the whole text and null when no date follows.</summary>
    internal static (string Number, string? Date) SplitDecision(string text)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text.Trim(), @"^(?<number>.+?)[\s,;]+(?<date>(?:ngày|ngay)\s+\S.*)$",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        return m.Success ? (m.Groups["number"].Value.Trim(), m.Groups["date"].Value.Trim()) : (text, null);
    }

    private static string? TakeDecisionDate(BotContext context, string text)
    {
        var today = context.Today;
        if (!VnParse.TryParseDate(text, today, out var decided) || decided > today || decided < ProjectLifecycle.MinDate)
        {
            return context.Text("projects.register.decision_date", ("min", ProjectLifecycle.MinDate), ("today", today), ("year", today.Year));
        }
        Set(context, RegistrationStep.DecisionDate, decided.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return null;
    }

    /// <summary>Reads and keeps the answer of a step; the problem in the person's language when it is not taken.</summary>
    public string? Take(BotContext context, RegistrationStep step, string text, bool isButton)
    {
        var today = context.Today;
        switch (step)
        {
            case RegistrationStep.Code:
                if (ProjectCode.Problem(text) is { } problem)
                {
                    return ProjectCode.Explain(problem, context.Texts, context.English);
                }
                if (context.Store.Projects.FindByCode(text) is not null)
                {
                    return context.Text("projects.register.code_taken", ("code", text));
                }
                Set(context, step, text);
                return null;
            case RegistrationStep.Name:
                if (text.Length < 3 || text.Length > ProjectLifecycle.MaxNameLength)
                {
                    return context.Text("projects.register.name_length", ("max", ProjectLifecycle.MaxNameLength));
                }
                Set(context, step, text);
                return null;
            case RegistrationStep.DecisionNumber:
                // "123/QĐ-SCT ngày 10/11/2026": the date is the decision date (its step is then skipped), not part of the number.
                var (numberText, dateText) = SplitDecision(text);
                if (numberText.Length > 100 || DecisionNumber(numberText) is not { } number)
                {
                    return context.Text("projects.register.decision_number");
                }
                if (dateText is not null && TakeDecisionDate(context, dateText) is { } dateProblem)
                {
                    return dateProblem;
                }
                if (dateText is null)
                {
                    context.State.Data.Remove("pj:" + RegistrationStep.DecisionDate);
                }
                Set(context, step, number);
                return null;
            case RegistrationStep.DecisionDate:
                return TakeDecisionDate(context, text);
            case RegistrationStep.Programme:
                var programme = isButton && text.StartsWith("pj:prog:", StringComparison.Ordinal)
                    ? (int.TryParse(text[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? (ProjectProgramme?)p : null)
                    : vocabulary.FindProgramme(text);
                if (programme is null || !Enum.IsDefined(programme.Value))
                {
                    return context.Text("projects.register.programme");
                }
                Set(context, step, ((int)programme.Value).ToString(CultureInfo.InvariantCulture));
                return null;
            case RegistrationStep.Type:
                var type = isButton && text.StartsWith("pj:type:", StringComparison.Ordinal)
                    ? (int.TryParse(text[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? (ProjectType?)t : null)
                    : vocabulary.FindType(text);
                if (type is null || !Types(context).Contains(type.Value))
                {
                    return context.Text("projects.register.type", ("types", string.Join("; ", Types(context).Select(t => vocabulary.Name(t, context.English)))));
                }
                Set(context, step, ((int)type.Value).ToString(CultureInfo.InvariantCulture));
                return null;
            case RegistrationStep.Activity:
                var activity = isButton && text.StartsWith("pj:act:", StringComparison.Ordinal) ? catalogue.Activity(text[7..]) : catalogue.FindActivity(text);
                if (activity is null)
                {
                    return context.Text("projects.register.activity");
                }
                Set(context, step, activity.Id);
                return null;
            case RegistrationStep.Province:
                var unit = catalogue.FindProvince(text);
                var current = unit is null ? null : catalogue.CurrentOf(unit.Id) ?? unit;
                if (current is null)
                {
                    return context.Text("projects.register.no_province", ("typed", text));
                }
                if (!FieldReader.AllowedProvinces(catalogue, context.User).Any(p => p.Id == current.Id))
                {
                    return context.Text("projects.register.province_outside", ("province", current.ShortName));
                }
                Set(context, step, current.Id);
                return null;
            case RegistrationStep.Approved:
            case RegistrationStep.Counterpart:
                long vnd = 0;
                var none = isButton ? text == "pj:zero" : VnText.FoldWords(text) is "bo qua" or "khong" or "khong co" or "skip" or "none";
                if (!(step == RegistrationStep.Counterpart && none) && (!VnParse.TryParseMoney(text, out vnd) || !FundingSplit.IsValidPart(vnd) || (step == RegistrationStep.Approved && vnd == 0)))
                {
                    return context.Text("projects.register.amount");
                }
                return ProjectRegistrationChecks.AskBack(context, step, vnd.ToString(CultureInfo.InvariantCulture), s => Get(context, s))
                    ?? SetTaken(context, step, vnd.ToString(CultureInfo.InvariantCulture));
            case RegistrationStep.PlannedEnd:
                var decision = DateOnly.ParseExact(Get(context, RegistrationStep.DecisionDate)!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (!VnParse.TryParseDate(text, today, out var end) || end < decision || end.Year > today.Year + 10)
                {
                    return context.Text("projects.register.planned_end", ("decision", decision), ("year", today.Year));
                }
                return ProjectRegistrationChecks.AskBack(context, step, end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s => Get(context, s))
                    ?? SetTaken(context, step, end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case RegistrationStep.Facilities:
                return TakeFacilities(context, text, isButton);
            default:
                // The summary's answer (save or drop) is read by the dialog itself.
                return null;
        }
    }

    /// <summary>Keeps <paramref name="value"/> as the answer of <paramref name="step"/>; null (no problem) for the caller to return.</summary>
    private static string? SetTaken(BotContext context, RegistrationStep step, string value)
    {
        Set(context, step, value);
        return null;
    }

    private string? TakeFacilities(BotContext context, string text, bool isButton)
    {
        var province = Get(context, RegistrationStep.Province) ?? "";
        if ((isButton && text == "pj:skip") || (!isButton && VnText.FoldWords(text) is "bo qua" or "skip" or "khong"))
        {
            context.State.Data.Remove(ProjectFacilityPick.PendingKey);
            Set(context, RegistrationStep.Facilities, "");
            return null;
        }
        var names = isButton && text.StartsWith(ProjectFacilityPick.ButtonPrefix, StringComparison.Ordinal)
            ? ProjectFacilityPick.WithPick(context, catalogue, province, text)
            : text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(n => n.Length > 0).ToList();
        if (names is null)
        {
            return context.Text("projects.register.wrong_button");
        }
        context.State.Data.Remove(ProjectFacilityPick.PendingKey);
        if (Type(context) == ProjectType.Single && names.Count > 1)
        {
            return context.Text("projects.register.single_one_facility");
        }
        var outcome = ProjectFacilityPick.Resolve(context, catalogue, province, names);
        if (outcome.Missing.Count > 0 || (outcome.Ids.Count == 0 && outcome.Ambiguous is null))
        {
            var missing = outcome.Missing;
            return context.Text("projects.register.facility_missing", ("names", string.Join(", ", missing.Select(m => $"\"{m}\""))),
                ("province", catalogue.Province(province)?.ShortName));
        }
        if (outcome.Ambiguous is { } ambiguous)
        {
            context.State.Data[ProjectFacilityPick.PendingKey] = string.Join(";", names);
            return ProjectFacilityPick.Question(context, ambiguous, outcome.Matches.Count);
        }
        Set(context, RegistrationStep.Facilities, string.Join(",", outcome.Ids.Distinct().Select(i => i.ToString(CultureInfo.InvariantCulture))));
        return null;
    }

    public Project Draft(BotContext context)
    {
        var programme = Programme(context);
        var approved = long.Parse(Get(context, RegistrationStep.Approved) ?? "0", CultureInfo.InvariantCulture);
        var counterpart = long.Parse(Get(context, RegistrationStep.Counterpart) ?? "0", CultureInfo.InvariantCulture);
        return new Project
        {
            Code = Get(context, RegistrationStep.Code) ?? "",
            Name = Get(context, RegistrationStep.Name) ?? "",
            DecisionNumber = Get(context, RegistrationStep.DecisionNumber) ?? "",
            DecisionDate = DateOnly.ParseExact(Get(context, RegistrationStep.DecisionDate)!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Programme = programme,
            Type = Type(context),
            ActivityId = Get(context, RegistrationStep.Activity) ?? "",
            ProvinceId = Get(context, RegistrationStep.Province) ?? "",
            PlannedEnd = DateOnly.ParseExact(Get(context, RegistrationStep.PlannedEnd)!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Approved = programme == ProjectProgramme.National ? new FundingSplit(approved, 0, counterpart) : new FundingSplit(0, approved, counterpart),
            FacilityIds = (Get(context, RegistrationStep.Facilities) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList(),
        };
    }

    public string Summary(BotContext context, bool english)
    {
        var p = Draft(context);
        var texts = context.Texts;
        var sb = new StringBuilder(texts.Text(english, "projects.summary.heading"));
        sb.Append('\n').Append(texts.Text(english, "projects.summary.code", ("code", p.Code)));
        sb.Append('\n').Append(texts.Text(english, "projects.summary.name", ("name", p.Name)));
        sb.Append('\n').Append(texts.Text(english, "projects.summary.decision", ("number", p.DecisionNumber), ("date", p.DecisionDate)));
        sb.Append('\n').Append($"• {vocabulary.Name(p.Programme, english)}; {vocabulary.Name(p.Type, english)}");
        sb.Append('\n').Append(texts.Text(english, "projects.summary.activity", ("activity", catalogue.Activity(p.ActivityId) is { } activity && english && activity.EnglishName.Length > 0 ? activity.EnglishName : catalogue.Activity(p.ActivityId)?.ShortName),
            ("province", catalogue.Province(p.ProvinceId)?.ShortName)));
        // The support in words as the reader reads amounts: "năm trăm triệu đồng" / "500 million VND".
        var support = VnWords.Money(p.Approved.Support);
        if (english)
        {
            support = NumberText.En.Money(p.Approved.Support);
        }
        sb.Append('\n').Append(texts.Text(english, "projects.summary.approved", ("split", ProjectAnswers.Split(texts, p.Approved, english)), ("support", support)));
        sb.Append('\n').Append(texts.Text(english, "projects.summary.planned_end", ("end", p.PlannedEnd!.Value)));
        var facilities = p.FacilityIds.Select(id => context.Store.Facilities.Get(id)?.Name).OfType<string>().ToList();
        var names = facilities.Count == 0 ? texts.Text(english, "projects.summary.no_facilities") : string.Join("; ", facilities);
        sb.Append('\n').Append(texts.Text(english, "projects.summary.facilities", ("names", names)));
        return sb.ToString();
    }
}
