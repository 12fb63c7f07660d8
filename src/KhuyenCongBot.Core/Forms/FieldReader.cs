using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>The outcome of reading an answer: the canonical value (and a remark to show), or why it was refused.</summary>
public sealed record FieldResult(bool Ok, string Value, string? Note, string? Error)
{
    public static FieldResult Accept(string value, string? note = null) => new(true, value, note, null);

    public static FieldResult Refuse(string error) => new(false, "", null, error);
}

/// <summary>Reads typed answers for each field type the way officers write them, and shows stored answers back.</summary>
public static class FieldReader
{
    public static readonly DateOnly MergerDate = new(2025, 7, 1);

    /// <summary>Reads <paramref name="text"/> for <paramref name="field"/> (not for facility fields); what it says is in <paramref name="texts"/>.</summary>
    public static FieldResult Read(FormField field, string text, DateOnly today, CatalogueIndex catalogue, BotUser user, UserTexts texts, bool english)
    {
        text = text.Trim();
        return field.Kind switch
        {
            FieldType.Integer => ReadInteger(field, text, texts, english),
            FieldType.Money => ReadMoney(field, text, texts, english),
            FieldType.Date => ReadDate(field, text, today, texts, english),
            FieldType.Choice => ReadChoice(field, text, texts, english),
            FieldType.Province => ReadProvince(text, catalogue, user, texts, english),
            FieldType.Text or FieldType.Commune => ReadText(field, text, texts, english),
            FieldType.Location => Coordinates.Read(text, texts, english),
            FieldType.Photo => FieldResult.Refuse(texts.Text(english, "form.field.photo_needed")),
            _ => FieldResult.Refuse(texts.Text(english, "form.field.needs_choice")),
        };
    }

    /// <summary>"Số gian hàng phải là số nguyên từ 1 đến 50" ("… from 1 to 1,000" in English).</summary>
    public static string IntegerRule(FormField field, UserTexts texts, bool english)
    {
        var label = field.LabelIn(english);
        return (field.Min, field.Max) switch
        {
            ({ } min, { } max) => texts.Text(english, "form.field.integer_between", ("label", label), ("min", (long)min), ("max", (long)max)),
            ({ } min, null) => texts.Text(english, "form.field.integer_at_least", ("label", label), ("min", (long)min)),
            (null, { } max) => texts.Text(english, "form.field.integer_at_most", ("label", label), ("max", (long)max)),
            _ => texts.Text(english, "form.field.integer", ("label", label)),
        };
    }

    private static FieldResult ReadInteger(FormField field, string text, UserTexts texts, bool english)
    {
        if (CountUnitWords.OtherKind(field, text) is { } other)
        {
            // "ba lăm người" at "Số lớp": a count of people is not a count of classes; asked again, not taken as 35 classes.
            return FieldResult.Refuse(texts.Text(english, "form.field.other_unit", ("typed", FormText.Clip(text, 40)), ("other", other),
                ("label", field.LabelIn(english).ToLowerInvariant()), ("rule", IntegerRule(field, texts, english))));
        }
        if (!VnParse.TryParseInteger(CountUnitWords.Strip(field, text), out var n))
        {
            return FieldResult.Refuse(texts.Text(english, "form.field.not_a_number", ("typed", FormText.Clip(text, 40)), ("rule", IntegerRule(field, texts, english))));
        }
        if ( (field.Min is { } min && n < min) || (field.Max is { } max && n > max))
        {
            return FieldResult.Refuse(IntegerRule(field, texts, english) + ".");
        }
        return FieldResult.Accept(n.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>"Kinh phí phải là số tiền không quá 5 tỷ đồng, ví dụ: …" ("… up to 5 billion VND, e.g. …" in English).</summary>
    public static string MoneyRule(FormField field, UserTexts texts, bool english)
    {
        var label = field.LabelIn(english);
        var numbers = NumberText.For(english);
        return (field.Min is 0 ? null : field.Min, field.Max) switch
        {
            ({ } min, { } max) => texts.Text(english, "form.field.money_between", ("label", label), ("min", numbers.Money((long)min)), ("max", numbers.Money((long)max))),
            (null, { } max) => texts.Text(english, "form.field.money_at_most", ("label", label), ("max", numbers.Money((long)max))),
            ({ } min, null) => texts.Text(english, "form.field.money_at_least", ("label", label), ("min", numbers.Money((long)min))),
            _ => texts.Text(english, "form.field.money", ("label", label)),
        };
    }

    private static FieldResult ReadMoney(FormField field, string text, UserTexts texts, bool english)
    {
        if (!VnParse.TryParseMoney(text, out var vnd))
        {
            return FieldResult.Refuse(texts.Text(english, "form.field.not_an_amount", ("typed", FormText.Clip(text, 40)), ("rule", MoneyRule(field, texts, english))));
        }
        if (vnd < 0 || (field.Min is { } min && vnd < min) || (field.Max is { } max && vnd > max))
        {
            return FieldResult.Refuse(MoneyRule(field, texts, english) + ".");
        }
        return FieldResult.Accept(vnd.ToString(CultureInfo.InvariantCulture), ReadBackMoney(vnd, english));
    }

    /// <summary>"1.500.000.000 đồng (một tỉ năm trăm triệu đồng)"; in English "1,500,000,000 VND (1.5 billion VND)".</summary>
    public static string ReadBackMoney(long vnd, bool english)
    {
        if (english)
        {
            var (full, shortly) = (NumberText.En.MoneyFull(vnd), NumberText.En.Money(vnd));
            return full == shortly ? full : $"{full} ({shortly})";
        }
        string words;
        try
        {
            words = VnWords.Money(vnd);
        }
        catch (Exception ex) when (ex is NotImplementedException or ArgumentException)
        {
            return VnFormat.MoneyFull(vnd);
        }
        return $"{VnFormat.MoneyFull(vnd)} ({words})";
    }

    public static (DateOnly Min, DateOnly Max) DateBounds(FormField field, DateOnly today)
    {
        var min = field.MinDate is { } m
            ? DateOnly.ParseExact(m, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : new DateOnly(2010, 1, 1);
        return (min, today.AddDays(field.MaxDaysAhead ?? 0));
    }

    /// <summary>Why a date is outside what <paramref name="field"/> accepts on <paramref name="today"/>, or null: the same rule for typed answers and imported rows.</summary>
    public static string? DateProblem(FormField field, DateOnly date, DateOnly today, UserTexts texts, bool english)
    {
        var (min, max) = DateBounds(field, today);
        if (date > max)
        {
            return max == today
                ? texts.Text(english, "form.field.date_future", ("date", date), ("today", today))
                : texts.Text(english, "form.field.date_too_far", ("date", date), ("limit", max.AddDays(1)));
        }
        if (date < min)
        {
            return texts.Text(english, "form.field.date_too_early", ("date", date), ("limit", min));
        }
        return null;
    }

    /// <summary>Longest facility name a form (or an import) takes.</summary>
    public const int MaxFacilityName = 120;

    /// <summary>Longest commune or craft-village name a form (or an import) takes.</summary>
    public const int MaxPlaceName = 80;

    private static readonly Regex HasYear = new(@"\d{4}|\d{1,2}\s*[/\-.]\s*\d{1,2}\s*[/\-.]\s*\d{2}\b", RegexOptions.CultureInvariant);

    private static FieldResult ReadDate(FormField field, string text, DateOnly today, UserTexts texts, bool english)
    {
        if (!VnParse.TryParseDate(text, today, out var date))
        {
            return FieldResult.Refuse(texts.Text(english, "form.field.not_a_date"));
        }
        var (min, max) = DateBounds(field, today);
        // A day and month without a year is the latest such day not after today ("15/12" typed on 26/11 is last December), for
        // every date question: a day still to come is typed with its year.
        if (date > today && !HasYear.IsMatch(text) && date.AddYears(-1) >= min)
        {
            date = date.AddYears(-1);
        }
        if (DateProblem(field, date, today, texts, english) is { } problem)
        {
            return FieldResult.Refuse(problem);
        }
        return FieldResult.Accept(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static FieldResult ReadChoice(FormField field, string text, UserTexts texts, bool english)
    {
        var folded = VnText.FoldWords(text);
        if (folded.Length > 0)
        {
            foreach (var c in field.Choices)
            {
                var names = new[] { c.Value, c.Label, c.LabelEn ?? "" }.Concat(c.Aliases).Select(VnText.FoldWords);
                if (names.Any(n => n.Length > 0 && n == folded))
                {
                    return FieldResult.Accept(c.Value);
                }
            }
            // A unique choice containing every typed word ("quoc gia" for "Cấp quốc gia").
            var partial = field.Choices.Where(c => new[] { c.Label, c.LabelEn ?? "" }.Concat(c.Aliases)
                .Any(n => VnText.ContainsWords(VnText.FoldWords(n), folded))).ToList();
            if (partial.Count == 1)
            {
                return FieldResult.Accept(partial[0].Value);
            }
            // A unique choice one of whose names is within the typed words ("ngân sách tỉnh" names "tỉnh", an alias of KCĐP).
            var within = field.Choices.Where(c => new[] { c.Label, c.LabelEn ?? "" }.Concat(c.Aliases)
                .Any(n => VnText.FoldWords(n) is { Length: > 0 } name && VnText.ContainsWords(folded, name))).ToList();
            if (within.Count == 1)
            {
                return FieldResult.Accept(within[0].Value);
            }
        }
        var list = string.Join("; ", field.Choices.Select((c, i) => $"{i + 1}. {c.LabelIn(english)}"));
        return FieldResult.Refuse(texts.Text(english, "form.field.pick_one", ("list", list)));
    }

    private static FieldResult ReadText(FormField field, string text, UserTexts texts, bool english)
    {
        var value = Regex.Replace(text, @"\s+", " ").Trim();
        var label = field.LabelIn(english);
        var min = (int)(field.Min ?? 1);
        var max = (int)(field.Max ?? 200);
        if (value.Length < min || value.Length > max)
        {
            return FieldResult.Refuse(texts.Text(english, "form.field.text_length", ("label", label), ("min", min), ("max", max), ("typed", value.Length)));
        }
        if (field.Pattern is { } pattern)
        {
            bool match;
            try
            {
                match = Regex.IsMatch(value, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(200));
            }
            catch (RegexMatchTimeoutException)
            {
                match = false;
            }
            if (!match)
            {
                var hint = field.PatternHint is { } h ? ": " + h : "";
                return FieldResult.Refuse(texts.Text(english, "form.field.bad_format", ("label", label), ("hint", hint)));
            }
        }
        return FieldResult.Accept(value);
    }

    /// <summary>Current units the person may log records for: their province, their region's members, or all.</summary>
    public static IReadOnlyList<ProvinceUnit> AllowedProvinces(CatalogueIndex catalogue, BotUser user) => user.ScopeKind switch
    {
        ScopeKind.Province when user.ScopeId is not null && catalogue.CurrentOf(user.ScopeId) is { } p => [p],
        ScopeKind.Region when user.ScopeId is not null && catalogue.Region(user.ScopeId) is { } r =>
            r.Members.Select(catalogue.Province).OfType<ProvinceUnit>().ToList(),
        _ => catalogue.CurrentProvinces.ToList(),
    };

    private static FieldResult ReadProvince(string text, CatalogueIndex catalogue, BotUser user, UserTexts texts, bool english)
    {
        var unit = catalogue.FindProvince(text) ?? FindFormer(catalogue, text);
        if (unit is null)
        {
            return FieldResult.Refuse(texts.Text(english, "form.field.no_province", ("typed", Short(text))));
        }
        var folded = VnText.FoldWords(text);
        var typedFormer = catalogue.Provinces.FirstOrDefault(p => !p.IsCurrent
            && (VnText.FoldWords(p.Name) == folded || p.Aliases.Any(a => VnText.FoldWords(a) == folded)));
        var current = catalogue.CurrentOf(unit.Id) ?? unit;
        var allowed = AllowedProvinces(catalogue, user);
        if (!allowed.Any(p => p.Id == current.Id))
        {
            var names = string.Join(", ", allowed.Take(6).Select(p => p.ShortName)) + (allowed.Count > 6 ? "…" : "");
            return FieldResult.Refuse(texts.Text(english, "form.field.outside_scope", ("names", names), ("province", current.ShortName)));
        }
        string? note = null;
        if (typedFormer is not null && typedFormer.Name != current.Name && typedFormer.CurrentId == current.Id
            && VnText.FoldWords(typedFormer.Name) != VnText.FoldWords(current.ShortName))
        {
            note = texts.Text(english, "form.field.province_merged", ("former", typedFormer.Name), ("current", current.Name));
        }
        return FieldResult.Accept(current.Id, note);
    }

    private static ProvinceUnit? FindFormer(CatalogueIndex catalogue, string text)
    {
        var folded = VnText.FoldWords(text);
        return folded.Length == 0 ? null : catalogue.Provinces.FirstOrDefault(p => VnText.FoldWords(p.Name) == folded);
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..(char.IsHighSurrogate(text[39]) ? 39 : 40)] + "…";

    /// <summary>Whether a stored (non-empty) answer has the canonical form of its field, so a record can be built from it.</summary>
    public static bool IsCanonical(FormField field, string value) => field.Kind switch
    {
        FieldType.Integer => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            && (field.Min is null || n >= field.Min) && (field.Max is null || n <= field.Max),
        FieldType.Money => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && (field.Min is null || m >= field.Min) && (field.Max is null || m <= field.Max),
        FieldType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        FieldType.Choice => field.Choices.Any(c => string.Equals(c.Value, value, StringComparison.OrdinalIgnoreCase)),
        FieldType.Facility => value is "new" or "keep" || long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        _ => true,
    };

    /// <summary>A stored answer as people read it (numbers and amounts the way the reader's language writes them; dates dd/MM/yyyy).</summary>
    public static string Display(FormField field, string? value, CatalogueIndex catalogue, UserTexts texts, bool english)
    {
        if (value is null)
        {
            return texts.Text(english, "form.field.not_answered");
        }
        if (value.Length == 0)
        {
            return texts.Text(english, "form.field.skipped");
        }
        switch (field.Kind)
        {
            case FieldType.Integer:
                return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                    ? NumberText.For(english).Number(n) + (field.UnitIn(english) is { } u ? " " + u : "")
                    : value;
            case FieldType.Money:
                return long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var vnd) ? ReadBackMoney(vnd, english) : value;
            case FieldType.Date:
                return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? VnFormat.Date(d) : value;
            case FieldType.Choice:
                return field.Choices.FirstOrDefault(c => string.Equals(c.Value, value, StringComparison.OrdinalIgnoreCase))?.LabelIn(english) ?? value;
            case FieldType.Province:
                return catalogue.Province(value)?.Name ?? value;
            case FieldType.Photo:
                return texts.Text(english, "form.field.photos", ("count", value));
            default:
                return value;
        }
    }

    /// <summary>True when <paramref name="typed"/>, a day and month without a year, was read as <paramref name="date"/> of another year
    /// or a day still to come: the officer is told which full date was taken.</summary>
    public static bool YearTaken(string typed, DateOnly date, DateOnly today) =>
        !HasYear.IsMatch(typed) && VnText.FoldWords(typed).Any(char.IsAsciiDigit) && (date.Year != today.Year || date > today);

    /// <summary>A typical answer, for the hint after three misses; null where the field has no real example (its own question is none).</summary>
    public static string? Example(FormField field, DateOnly today, UserTexts texts, bool english) => field.Example ?? field.Kind switch
    {
        FieldType.Integer => ((long)(field.Min ?? 0) + Math.Min(2, (long)((field.Max ?? 10) - (field.Min ?? 0)))).ToString(CultureInfo.InvariantCulture),
        FieldType.Money => "120tr",
        FieldType.Date => VnFormat.Date(today)[..5],
        FieldType.Choice => field.Choices[0].Label,
        FieldType.Province => texts.Text(english, "forms.example.province"),
        FieldType.Commune => texts.Text(english, "forms.example.commune"),
        FieldType.Facility => texts.Text(english, "forms.example.facility"),
        FieldType.Location => "21.0285, 105.8542",
        _ => null,
    };
}
