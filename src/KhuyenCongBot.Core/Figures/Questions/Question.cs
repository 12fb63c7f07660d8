using System.Text.Json;
using System.Text.Json.Serialization;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Records;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>What to show with a figure besides itself.</summary>
public enum OutputKind { Text = 0, Chart = 1, Excel = 2 }

/// <summary>A fully understood question: metric, period, scope, comparisons, breakdown, output; stored as compact JSON for follow-ups.</summary>
public sealed record Question
{
    /// <summary>Catalogue activity id, or null for all activities.</summary>
    [JsonPropertyName("a")] public string? ActivityId { get; init; }

    /// <summary>One of <see cref="Measures"/>, or null with an activity (its main measures) or with <see cref="Summary"/>.</summary>
    [JsonPropertyName("m")] public string? Measure { get; init; }

    /// <summary>"tất cả": the whole summary.</summary>
    [JsonPropertyName("s")] public bool Summary { get; init; }

    [JsonPropertyName("f")] public DateOnly From { get; init; }
    [JsonPropertyName("t")] public DateOnly To { get; init; }
    /// <summary>The period's label (a text key and its values; a string in what older versions stored: see <see cref="Text.PeriodLabel"/>).</summary>
    [JsonPropertyName("l")] public PeriodLabel PeriodLabel { get; init; } = PeriodLabel.Empty;

    /// <summary>"all", "r:&lt;region&gt;", "p:&lt;current unit&gt;", "f:&lt;former unit&gt;", "m:&lt;unit&gt;,&lt;unit&gt;" (several units, current or former).</summary>
    [JsonPropertyName("sc")] public string Scope { get; init; } = "all";

    [JsonPropertyName("cp")] public bool ComparePlan { get; init; }
    [JsonPropertyName("cy")] public bool CompareLastYear { get; init; }

    /// <summary>Year to compare with ("cùng kỳ năm 2023"); null for the year before.</summary>
    [JsonPropertyName("yb")] public int? CompareYear { get; init; }

    /// <summary>Show the change in absolute terms.</summary>
    [JsonPropertyName("ch")] public bool Change { get; init; }

    [JsonPropertyName("b")] public BreakdownBy? Breakdown { get; init; }
    [JsonPropertyName("n")] public int? Top { get; init; }
    [JsonPropertyName("asc")] public bool Ascending { get; init; }
    [JsonPropertyName("o")] public OutputKind Output { get; init; }

    /// <summary>Only estimates ("ước thực hiện") or only actuals ("chính thức"); null for both.</summary>
    [JsonPropertyName("st")] public RecordStatus? Status { get; init; }

    /// <summary>Only money (and records) of this funding source ("kinh phí KCQG"); null for every source.</summary>
    [JsonPropertyName("fs")] public FundingSource? Source { get; init; }

    [JsonIgnore] public Period Period => new(From, To, PeriodLabel);

    /// <summary>
    /// The end of the period as asked when it was cut at today ("năm nay": 31/12, <see cref="To"/> today); null when not cut.
    /// A breakdown lists the months after today up to it as not yet come, never as zeros.
    /// </summary>
    [JsonPropertyName("at")] public DateOnly? AskedTo { get; init; }

    /// <summary>What kind of answer (issue 13): a figure, or plan gap, plan ranking, average, facility history, own or new records.</summary>
    [JsonPropertyName("k")] public QuestionKind Kind { get; init; }

    /// <summary>The second period of a comparison of two periods ("quý 3 năm nay so với quý 3 năm ngoái"); null for the same period a year before.</summary>
    [JsonPropertyName("vf")] public DateOnly? VsFrom { get; init; }
    [JsonPropertyName("vt")] public DateOnly? VsTo { get; init; }
    [JsonPropertyName("vl")] public PeriodLabel? VsLabel { get; init; }

    /// <summary>An average's denominator ("mỗi gian hàng": booths); the measure is its numerator.</summary>
    [JsonPropertyName("pm")] public string? PerMeasure { get; init; }

    /// <summary>The facility name asked about ("HTX Mây tre Phú Vinh"), folded.</summary>
    [JsonPropertyName("fn")] public string? FacilityName { get; init; }

    /// <summary>Only facilities of this legal form or priority group ("cooperative", "women_owned"): see <see cref="FigureQuery.Beneficiary"/>.</summary>
    [JsonPropertyName("bn")] public string? Beneficiary { get; init; }

    /// <summary>A plan ranking asked about the provinces that have not met the plan ("chưa đạt"), met it or exceeded it: only those are listed.</summary>
    [JsonPropertyName("pr")] public PlanReach Reach { get; init; }

    /// <summary>"ước (thực hiện) cả năm": the whole year's estimated result. The bot does not forecast: the figure to date, the plan and what is left.</summary>
    [JsonPropertyName("wy")] public bool WholeYear { get; init; }

    public Question WithPeriod(Period period) => this with { From = period.From, To = period.To, PeriodLabel = period.Label, AskedTo = null };

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static Question? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<Question>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What the parser found in one message; every part is optional.</summary>
public sealed class QuestionParts
{
    public string? ActivityId { get; set; }
    public string? Measure { get; set; }
    public bool Summary { get; set; }

    /// <summary>"cơ sở" typed without "lượt" and without "khác nhau": facilities or participations may be meant.</summary>
    public bool BareFacilities { get; set; }

    public Period? Period { get; set; }

    /// <summary>A scope named in the text ("all", "r:bac", "p:phu-tho", "f:bac-giang"), or "own" for "tỉnh tôi".</summary>
    public string? Scope { get; set; }

    public bool ComparePlan { get; set; }
    public bool CompareLastYear { get; set; }
    public int? CompareYear { get; set; }
    public bool Change { get; set; }

    /// <summary>The question says "so sánh" (compare): with nothing else to compare, it means the same period last year.</summary>
    public bool CompareWord { get; set; }
    public BreakdownBy? Breakdown { get; set; }
    public int? Top { get; set; }
    public bool Ascending { get; set; }
    public OutputKind Output { get; set; }

    /// <summary>"ước thực hiện" or "chính thức" named alone: count only those records.</summary>
    public RecordStatus? Status { get; set; }

    /// <summary>A funding source named ("nguồn KCQG", "ngân sách tỉnh"): filter on it.</summary>
    public FundingSource? Source { get; set; }

    /// <summary>Both "ước" and "chính thức" named: count both (clears a filter kept from the previous question).</summary>
    public bool BothStatuses { get; set; }

    /// <summary>"còn ... thì sao", "what about": builds on the previous question.</summary>
    public bool FollowUpMarker { get; set; }

    /// <summary>"mọi hoạt động", "tất cả các hoạt động": every activity, never the previous question's activity.</summary>
    public bool AllActivities { get; set; }

    /// <summary>"bao nhiêu", "how many", "?": it looks like a question.</summary>
    public bool QuestionWords { get; set; }

    /// <summary>A funding source named with a money word ("ngân sách tỉnh"): the question is about funding.</summary>
    public bool SourceNamesMoney { get; set; }

    /// <summary>Words the parser did not understand, as typed (consecutive words kept together): "con gà", "tỉnh Hà Sơn Bình".</summary>
    public List<string> Unknown { get; } = [];

    /// <summary>Typos read as known words: ("hnag", "hang").</summary>
    public List<(string Typed, string Read)> Corrections { get; } = [];

    /// <summary>Data the bot does not hold was asked for ("công nhân" → "số công nhân, lao động").</summary>
    public string? Unsupported { get; set; }

    /// <summary><see cref="Unsupported"/> in English (seeds/lexicon/intents.json), for an English reader; null when not written.</summary>
    public string? UnsupportedEnglish { get; set; }

    /// <summary>A legal form or priority group of facilities named ("hợp tác xã", "do phụ nữ làm chủ"): its id in seeds/catalogue/beneficiaries.json.</summary>
    public string? FacilityGroup { get; set; }

    /// <summary>A word read as a measure of one activity ("sản phẩm" bình chọn: participations), said in the reply.</summary>
    public string? MeasureWord { get; set; }

    /// <summary>"chào bot", "khỏe không".</summary>
    public bool Greeting { get; set; }

    /// <summary>"cảm ơn".</summary>
    public bool Thanks { get; set; }

    /// <summary>What kind of answer the recognisers of issue 13 found (a figure by default).</summary>
    public QuestionKind Kind { get; set; }

    /// <summary>"… so với quý 3 năm ngoái": the period to compare with.</summary>
    public Period? VsPeriod { get; set; }

    /// <summary>"bình quân mỗi gian hàng": the measure to divide by.</summary>
    public string? PerMeasure { get; set; }

    /// <summary>Two things asked at once ("kinh phí máy móc và hội chợ", "gian hàng và kinh phí"): the second activity's id or
    /// measure, answered by no figure (one of the two would be dropped without a word).</summary>
    public (string? ActivityId, string? Measure)? Second { get; set; }

    /// <summary>"HTX … đã được hỗ trợ những gì": the facility's name as typed (folded).</summary>
    public string? FacilityName { get; set; }

    /// <summary>"tỉnh nào chưa đạt / đã đạt / vượt kế hoạch": which provinces a plan ranking lists.</summary>
    public PlanReach Reach { get; set; }

    /// <summary>"ước cả năm", "ước thực hiện cả năm": the whole year's estimated result (not the estimate records only).</summary>
    public bool WholeYear { get; set; }

    public bool HasMetric => ActivityId is not null || Measure is not null || Summary;

    public bool HasModifier => Period is not null || Scope is not null || ComparePlan || CompareLastYear || Change
        || Breakdown is not null || Top is not null || Output != OutputKind.Text || Status is not null || BothStatuses || Source is not null || VsPeriod is not null || WholeYear;

    public bool IsEmpty => !HasMetric && !HasModifier && !QuestionWords;
}

/// <summary>Which provinces a plan ranking lists: all, those that have not met the year plan, met it, or exceeded it.</summary>
public enum PlanReach { All = 0, NotMet = 1, Met = 2, Exceeded = 3 }

/// <summary>What a question asks for besides a plain figure.</summary>
public enum QuestionKind
{
    Figure = 0,

    /// <summary>"còn thiếu bao nhiêu để đạt kế hoạch".</summary>
    PlanGap = 1,

    /// <summary>"tỉnh nào chưa đạt kế hoạch", "tiến độ kế hoạch các tỉnh": % of plan per province, ranked.</summary>
    PlanRanking = 2,

    /// <summary>"kinh phí bình quân mỗi gian hàng".</summary>
    Average = 3,

    /// <summary>"HTX … đã được hỗ trợ những gì".</summary>
    FacilityHistory = 4,

    /// <summary>"top cơ sở nhận nhiều kinh phí nhất".</summary>
    TopFacilities = 5,

    /// <summary>"tôi đã ghi bao nhiêu bản ghi tháng này": by the date entered.</summary>
    OwnRecords = 6,

    /// <summary>"tuần này có bao nhiêu bản ghi mới": by the date entered, within the person's provinces.</summary>
    NewRecords = 7,

    /// <summary>"tỉnh nào không có gian hàng năm 2025", "hoạt động nào chưa có kinh phí": the provinces (activities) with nothing recorded.</summary>
    Missing = 20,
}
