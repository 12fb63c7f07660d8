using System.Text.RegularExpressions;

namespace KhuyenCongBot.Core.Text;

/// <summary>One period phrase: its pattern on normalised text and how it becomes a period (null when impossible).</summary>
internal sealed record PeriodRule(Regex Pattern, Func<Match, DateOnly, Period?> Build);

/// <summary>
/// The period phrases <see cref="PeriodParser"/> reads, as patterns on normalised text (lower case, no diacritics, date separators
/// kept), each with its builder in <see cref="PeriodBuilders"/>. Several may match: the parser keeps the longest.
/// </summary>
internal static class PeriodRules
{
    // Fragments. B/E: word boundaries on folded text. YT: an optional year after a month, quarter or "9 tháng".
    private const string B = "(?<![a-z0-9])";
    private const string E = "(?![a-z0-9])";
    private const string Year = "(?<y>(?:19|20|21)[0-9]{2})";
    private const string Year1 = "(?<y1>(?:19|20|21)[0-9]{2})";
    private const string Year2 = "(?<y2>(?:19|20|21)[0-9]{2})";
    private const string YT = @"(?:(?:\s*[/\-]\s*|\s+)(?:nam\s+|of\s+|in\s+)?" + Year + @"|\s+nam\s+(?<rel>nay|ngoai|truoc nua|truoc|roi|kia)|\s+(?:of\s+)?(?<rel>this|last) year)?";
    private const string YTAfterNam = @"(?:(?:\s*[/\-]\s*|\s+)" + Year + @"|\s+(?<rel>nay|ngoai|truoc nua|truoc|roi|kia))?";
    private const string Y1 = @"(?:(?:\s*[/\-]\s*|\s+)(?:nam\s+)?(?<y1>(?:19|20|21)[0-9]{2}))?";
    private const string DateEnd = @"(?![0-9]|[/.\-][0-9])";

    private static string Date(string x, bool spaced) =>
        $@"(?:(?<d{x}>[0-9]{{1,2}})(?<s{x}>[/.\-])(?<m{x}>[0-9]{{1,2}})\k<s{x}>(?<y{x}>[0-9]{{4}}|[0-9]{{2}})"
        + $@"|(?<d{x}>[0-9]{{1,2}})[/\-](?<m{x}>[0-9]{{1,2}})"
        + $@"|(?<d{x}>[0-9]{{1,2}}) thang (?<m{x}>[0-9]{{1,2}})(?: nam (?<y{x}>[0-9]{{4}}))?"
        + (spaced ? $@"|(?<d{x}>[0-9]{{1,2}}) (?<m{x}>[0-9]{{1,2}})(?: (?<y{x}>[0-9]{{4}}))?" : "")
        + ")";

    private static Regex R(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    public static readonly PeriodRule[] All =
    [
        new(R($"{B}(?<k>hom nay|hom qua|hom kia|today|yesterday){E}"), PeriodBuilders.Day),
        new(R($@"{B}(?:tu (?:truoc|xua|khi bat dau|luc bat dau) (?:den|toi) (?:nay|gio|hien nay|hien tai)|tu truoc toi nay|toan bo thoi gian|tat ca cac nam|all time|of all time|since the beginning){E}"), PeriodBuilders.AllTime),
        new(R($@"{B}(?:tuan(?: le)? (?<k>nay|truoc|roi|qua|vua qua)|(?<k>this|last|previous) week){E}"), PeriodBuilders.Week),
        new(R($@"{B}(?:thang (?<k>truoc nua|nay|truoc|roi|vua qua)|(?<k>this|last|previous) month|(?:the )?month (?<k>before last)){E}"), PeriodBuilders.RelativeMonth),
        new(R($@"{B}thang (?<m>1[0-2]|0?[1-9]){YT}{E}"), PeriodBuilders.Month),
        new(R($@"{B}(?:quy (?<q>iv|iii|ii|i|[1-4])|q(?<q>[1-4])|quarter (?<q>[1-4])){YT}{E}"), PeriodBuilders.Quarter),
        new(R($@"{B}(?:quy (?<k>truoc nua|nay|truoc|roi|vua qua)|(?<k>this|last|previous) quarter|(?:the )?quarter (?<k>before last)){E}"), PeriodBuilders.RelativeQuarter),
        new(R($@"{B}(?<n>1[0-2]|[1-9]) thang (?<dir>dau|cuoi) nam{YTAfterNam}{E}"), PeriodBuilders.Months),
        new(R($@"{B}nua (?<dir>dau|cuoi) nam{YTAfterNam}{E}"), PeriodBuilders.Months),
        new(R($@"{B}(?<n>6|9) thang{YT}{E}"), PeriodBuilders.Months),
        new(R($@"{B}(?:(?<dir>first|second) half(?: of)?|h(?<h>[12])){YT}{E}"), PeriodBuilders.Months),
        new(R($@"{B}first (?<n>1[0-2]|[1-9]) months{YT}{E}"), PeriodBuilders.Months),
        // "the last 6 months of 2023": the year's last months (without a year, "last 6 months" is the rolling period below).
        new(R($@"{B}(?<dir>last|final) (?<n>1[0-2]|[1-9]) months (?:of|in) (?:the year )?{Year}{E}"), PeriodBuilders.Months),
        new(R($@"{B}(?<n>[0-9]{{1,3}}) (?<u>ngay|tuan|thang) (?:qua|gan day|gan nhat|vua qua){E}|{B}(?:last|past) (?<n>[0-9]{{1,3}}) (?<u>days|weeks|months){E}"), PeriodBuilders.Rolling),
        new(R($@"{B}(?:trong\s+)?(?<n>[0-9]{{1,2}}) nam (?:qua|gan day|gan nhat|vua qua|tro lai day){E}|{B}(?:the\s+)?(?:last|past) (?<n>[0-9]{{1,2}}) years{E}"), PeriodBuilders.RollingYears),
        new(R($@"{B}(?:tu|from|since)\s+(?:nam\s+|year\s+)?{Year}(?:\s+(?:den|toi|to|until)\s+(?:nay|hien nay|hien tai|bay gio|now|today|date))?{DateEnd}(?![a-z])"), PeriodBuilders.SinceYear),
        new(R($@"(?:{B}(?:(?:luy ke|cong don)\s+)?(?:giai doan|thoi ky|period|tu|from|between)\s+(?:nam\s+|year\s+)?|(?<![a-z0-9/.\-])(?:nam\s+)?){Year1}\s*(?:-|den|toi|to|and|until)\s*(?:nam\s+|year\s+)?{Year2}{DateEnd}(?![a-z])|{B}giai doan\s+{Year1}\s+{Year2}{DateEnd}(?![a-z])"), PeriodBuilders.YearRange),
        new(R($@"{B}(?:(?:luy ke|tinh|tu dau nam(?: {Year})?|cong don)\s+(?:den|toi)(?:\s+het)?|(?:den|toi) het|luy ke|(?:cumulative(?:ly)? (?:up )?to|up to|until|through)(?: the end of)?)\s+(?:quy (?<q>iv|iii|ii|i|[1-4])|q(?<q>[1-4])|quarter (?<q>[1-4])|thang (?<m>1[0-2]|0?[1-9])|month (?<m>1[0-2]|0?[1-9])){YT}{E}"), PeriodBuilders.Cumulative),
        new(R($@"{B}(?:(?:luy ke )?tu dau nam|luy ke|year to date|ytd|(?:since|from) (?:the )?(?:beginning|start) of (?:the |this )?year){YTAfterNam}(?:\s+(?:den|toi)\s+(?:(?<now>nay|hien nay|hien tai|hom nay|bay gio)|(?:ngay\s+)?{Date("2", true)}))?(?:{E}|{DateEnd})"), PeriodBuilders.YearToDate),
        new(R($@"{B}(?:nam (?<k>nay|ngoai|truoc nua|truoc|qua|roi|kia)|nam (?<k>toi|sau)(?! (?:da|ghi|nhap|co|lam|duoc|muon|can|hoi|xem))|(?<k>sang) nam|(?<k>this|last|previous|next) year|the year (?<k>before) last|(?<k>2) years ago){E}"), PeriodBuilders.RelativeYear),
        new(R($@"(?:{B}(?:ca nam|nam|in|year)\s+|(?<![a-z0-9/.\-])){Year}{DateEnd}(?![a-z])"), PeriodBuilders.ExplicitYear),
        new(R($@"{B}(?:tu|from|between)\s+(?:ngay\s+)?{Date("1", true)}\s*(?:den|toi|-|to|and|until)\s*(?:ngay\s+)?(?:(?<now>nay|hien nay|hom nay)|{Date("2", true)}){DateEnd}(?![a-z])"), PeriodBuilders.Range),
        new(R($@"(?<![0-9/.\-]){Date("1", false)}\s+(?:-|den|toi)\s+{Date("2", false)}{DateEnd}"), PeriodBuilders.Range),
        new(R($@"{B}tu thang (?<m1>1[0-2]|0?[1-9])\s*(?:den|toi|-)\s*(?:thang\s+)?(?<m2>1[0-2]|0?[1-9]){YT}{E}"), PeriodBuilders.MonthRange),
        // "quý 1 đến quý 3 năm 2025", "từ quý 1/2025 đến hết quý 3", "tháng 3 đến tháng 6 năm 2025", "tháng 3/2025 - tháng 6/2025":
        // one period from the first's start to the last's end.
        new(R($@"{B}(?:(?:tu|from)\s+)?(?:quy (?<q1>iv|iii|ii|i|[1-4])|q(?<q1>[1-4])){Y1}\s*(?:den|toi|-|to|until|through)\s*(?:het\s+|the end of\s+)?(?:quy (?<q2>iv|iii|ii|i|[1-4])|q(?<q2>[1-4])){YT}{E}"), PeriodBuilders.PartRange),
        new(R($@"{B}(?:(?:tu|from)\s+)?thang (?<m1>1[0-2]|0?[1-9]){Y1}\s*(?:den|toi|-|to|until|through)\s*(?:het\s+|the end of\s+)?thang (?<m2>1[0-2]|0?[1-9]){YT}{E}"), PeriodBuilders.PartRange),
        // "q1 và q2 2024", "tháng 3 và tháng 4": two neighbouring quarters or months are one period (others are not read).
        new(R($@"{B}(?:quy (?<q1>iv|iii|ii|i|[1-4])|q(?<q1>[1-4])){Y1}\s*(?:va|and|,)\s*(?:quy (?<q2>iv|iii|ii|i|[1-4])|q(?<q2>[1-4])){YT}{E}"), PeriodBuilders.NeighbourPair),
        new(R($@"{B}thang (?<m1>1[0-2]|0?[1-9]){Y1}\s*(?:va|and|,)\s*thang (?<m2>1[0-2]|0?[1-9]){YT}{E}"), PeriodBuilders.NeighbourPair),
        // "gian hàng năm 24": a year written with two digits after "năm".
        new(R($@"{B}nam (?<yy>[0-9]{{2}}){E}(?![/.\-][0-9])"), PeriodBuilders.TwoDigitYear),
        new(R($@"{B}(?:tu|ke tu|since|from)\s+(?:quy (?<q>iv|iii|ii|i|[1-4])|q(?<q>[1-4])|quarter (?<q>[1-4])|thang (?<m>1[0-2]|0?[1-9])|month (?<m>1[0-2]|0?[1-9])){YT}(?:\s+(?:den|toi|to|until)\s+(?:nay|hien nay|hien tai|bay gio|hom nay|now|today|date))?{E}"), PeriodBuilders.SincePart),
        new(R($@"(?<![0-9/.\-]){Date("1", false)}{DateEnd}(?![a-z])|{B}ngay\s+{Date("1", true)}{DateEnd}(?![a-z])"), PeriodBuilders.SingleDate),
    ];
}
