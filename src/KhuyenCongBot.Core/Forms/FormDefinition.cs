using System.Text.Json.Serialization;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Kinds of answer a form field takes.</summary>
public enum FieldType { Choice, Text, Integer, Money, Date, Facility, Province, Commune, Photo, Location, Project }

/// <summary>A conversational form for one activity, read from seeds/forms/&lt;activity&gt;.json.</summary>
public sealed class FormDefinition
{
    /// <summary>The activity id (fixed ids of the catalogue); defaults to the file name.</summary>
    public string Activity { get; set; } = "";

    public string? Title { get; set; }
    public string? TitleEn { get; set; }
    public List<FormField> Fields { get; set; } = [];

    /// <summary>The file it was read from (for messages).</summary>
    [JsonIgnore]
    public string File { get; set; } = "";

    public int IndexOf(string fieldId) => Fields.FindIndex(f => f.Id == fieldId);

    public FormField? Field(string fieldId) => Fields.Find(f => f.Id == fieldId);

    /// <summary>The field bound to a record property ("facility", "date"...), if any.</summary>
    public FormField? Bound(string bind) => Fields.Find(f => f.Bind == bind);
}

/// <summary>One question of a form: type, bounds, default, help, choices and skip logic.</summary>
public sealed class FormField
{
    public string Id { get; set; } = "";

    /// <summary>choice, text, integer, money, date, facility, province, commune, photo (evidence photos, kept with the record),
    /// location (a shared location or typed coordinates), project (the đề án the record is part of: asked only when the province has
    /// open projects of the form's activity).</summary>
    public string Type { get; set; } = "";

    [JsonIgnore]
    public FieldType Kind { get; set; }

    public string Label { get; set; } = "";
    public string? LabelEn { get; set; }
    public string? Help { get; set; }
    public string? HelpEn { get; set; }

    /// <summary>An example answer shown after three misses.</summary>
    public string? Example { get; set; }

    /// <summary>Defaults to true.</summary>
    public bool? Required { get; set; }

    [JsonIgnore]
    public bool IsRequired => Required ?? true;

    /// <summary>The SupportRecord property it fills (date, province, facility, commune, booths, revenue_vnd, funding_vnd, funding_source, status, note); none means Extra.</summary>
    public string? Bind { get; set; }

    /// <summary>Bounds: the value for integer and money, the length for text.</summary>
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }

    /// <summary>A regular expression the typed text must match (text fields).</summary>
    public string? Pattern { get; set; }

    /// <summary>What the pattern expects, in words ("10 hoặc 11 chữ số").</summary>
    public string? PatternHint { get; set; }

    /// <summary>Default answer: a value, "today" or "yesterday" for dates.</summary>
    public string? Default { get; set; }

    /// <summary>Unit after a number ("gian hàng"), for display and tolerant input.</summary>
    public string? Unit { get; set; }

    /// <summary>The unit for an English reader ("booths"); required with <see cref="Unit"/>.</summary>
    public string? UnitEn { get; set; }

    /// <summary>Money: the id of another money field of the form this amount is not expected to exceed (support above the
    /// facility's total investment); a larger amount is asked back, not refused.</summary>
    public string? AtMost { get; set; }

    /// <summary>Money: where amounts usually fall (per unit of another field when <see cref="PlausibleRange.Per"/> is set); an amount
    /// outside is asked back ("Ý bạn là 15 triệu?"), never refused.</summary>
    public PlausibleRange? Plausible { get; set; }

    /// <summary>Dates: earliest accepted date (yyyy-MM-dd).</summary>
    public string? MinDate { get; set; }

    /// <summary>Dates: how many days after today are accepted (default 0).</summary>
    public int? MaxDaysAhead { get; set; }

    public List<FormChoice> Choices { get; set; } = [];

    /// <summary>Ask only when an earlier answer makes it relevant.</summary>
    public AskIf? AskIf { get; set; }

    /// <summary>Carried over by "log another like this".</summary>
    public bool Repeat { get; set; }

    public string LabelIn(bool english) => english && !string.IsNullOrWhiteSpace(LabelEn) ? LabelEn! : Label;

    public string? HelpIn(bool english) => english && !string.IsNullOrWhiteSpace(HelpEn) ? HelpEn : Help;

    public string? UnitIn(bool english) => english && !string.IsNullOrWhiteSpace(UnitEn) ? UnitEn : Unit;
}

/// <summary>One option of a choice field: the stored value and its label.</summary>
public sealed class FormChoice
{
    public string Value { get; set; } = "";
    public string Label { get; set; } = "";
    public string? LabelEn { get; set; }

    /// <summary>Other words people type for it ("tinh", "cấp tỉnh").</summary>
    public List<string> Aliases { get; set; } = [];

    public string LabelIn(bool english) => english && !string.IsNullOrWhiteSpace(LabelEn) ? LabelEn! : Label;
}

/// <summary>Skip logic: ask the field only when an earlier field's answer satisfies <see cref="Op"/> <see cref="Value"/>.</summary>
public sealed class AskIf
{
    public string Field { get; set; } = "";

    /// <summary>eq, ne, gt, ge, lt, le, in (comma-separated values), set (answered, not skipped), empty.</summary>
    public string Op { get; set; } = "eq";

    public string? Value { get; set; }
}

/// <summary>The usual range of an amount, in đồng; with <see cref="Per"/> (an integer field's id, "booths") the range is per unit.</summary>
public sealed class PlausibleRange
{
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public string? Per { get; set; }
}
