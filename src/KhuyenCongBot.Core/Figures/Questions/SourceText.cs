using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Funding;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>How answers name a funding source filter: in the metric's title, and in one line when the measure is not money.</summary>
public static class SourceText
{
    /// <summary>"Kinh phí hỗ trợ nguồn KCQG (mọi hoạt động)", "Số gian hàng – Hội chợ, triển lãm (nguồn KCĐP)"; the plain title without a source.</summary>
    public static string Title(UserTexts texts, CatalogueIndex catalogue, string? activityId, string measure, FundingSource? source, bool english = false)
    {
        var title = MetricText.Title(texts, catalogue, activityId, measure, english);
        if (source is not { } s)
        {
            return title;
        }
        var name = FundingSources.Label(texts, s, english);
        if (measure == Measures.Funding)
        {
            var plain = MetricText.Noun(texts, Measures.Funding, english);
            if (!title.StartsWith(plain, StringComparison.Ordinal))
            {
                return title;
            }
            // The counterpart is the facilities' own money, not support: it is named as such.
            var head = s switch
            {
                FundingSource.Counterpart => texts.Text(english, "figures.source.counterpart_title"),
                FundingSource.Other => texts.Text(english, "figures.source.other_title"),
                _ => texts.Text(english, "figures.source.funding_from", ("name", name)),
            };
            return head + title[plain.Length..];
        }
        return title + texts.Text(english, "figures.source.title_suffix", ("name", name));
    }

    /// <summary>
    /// The one line that says what a source filter means for a measure that is not money: the records funded by that
    /// source are counted (gian hàng, cơ sở have no source of their own). Empty without a filter or for money.
    /// </summary>
    public static string Note(UserTexts texts, FundingSource? source, string measure, int records, bool english = false)
    {
        if (source is not { } s || MetricText.IsMoney(measure))
        {
            return "";
        }
        var name = FundingSources.Label(texts, s, english);
        return texts.Text(english, "figures.source.note", ("records", NumberText.For(english).Number(records)), ("name", name), ("unit", MetricText.Unit(texts, measure, english)));
    }

    /// <summary>" (nguồn KCQG)" after a period or a scope; "" without a source.</summary>
    public static string Suffix(UserTexts texts, FundingSource? source, bool english = false) =>
        source is { } s ? texts.Text(english, "figures.source.suffix", ("name", FundingSources.Label(texts, s, english))) : "";

    /// <summary>"KCQG 100 triệu đồng, KCĐP 50 triệu đồng, Vốn đối ứng 80 triệu đồng": the parts above 0, in report order.</summary>
    public static string Parts(UserTexts texts, FundingSplit split, bool english = false) =>
        string.Join(", ", FundingSources.All.Where(s => split[s] > 0)
            .Select(s => FundingSources.Label(texts, s, english) + " " + MetricText.Value(texts, Measures.Funding, split[s], english)));
}
