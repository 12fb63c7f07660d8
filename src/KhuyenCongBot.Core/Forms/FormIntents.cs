using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Requests to log typed as text: "ghi hội chợ", "thêm hỗ trợ máy móc", "ghi"; and "tiếp" to resume a form.</summary>
public sealed class FormIntents(FormCatalogue forms)
{
    /// <summary>"tiếp": show the form's pending question again (or continue the unfinished form).</summary>
    internal static readonly string[] ResumeWords = ["tiep", "tiep tuc", "continue", "resume"];

    private static readonly string[] StartWords = ["ghi", "them", "nhap", "log", "add", "ghi nhan"];

    /// <summary>Reads "ghi hội chợ", "thêm hỗ trợ máy móc": the activity to log, "" for "ghi" alone, null when it is not a request to log.</summary>
    public string? ParseIntent(CatalogueIndex catalogue, string text)
    {
        var folded = VnText.FoldWords(text);
        if (folded.Length == 0 || text.Contains('?') || VnText.ContainsWords(folded, "bao nhieu") || VnText.ContainsWords(folded, "bn"))
        {
            return null;
        }
        foreach (var word in StartWords.OrderByDescending(w => w.Length))
        {
            if (folded == word)
            {
                return "";
            }
            if (folded.StartsWith(word + " ", StringComparison.Ordinal))
            {
                var rest = folded[(word.Length + 1)..];
                var activity = catalogue.FindActivity(rest) ?? catalogue.FindActivityIn(rest);
                return activity is not null && forms.Get(activity.Id) is not null ? activity.Id : null;
            }
        }
        return null;
    }

    /// <summary>"ghi máy móc", "ghi hội chợ": a start word and an activity's exact name or alias; null otherwise ("Thêm hội chợ Xuân" is a name).</summary>
    internal string? ExactIntent(CatalogueIndex catalogue, string folded)
    {
        foreach (var word in StartWords.Where(w => w is "ghi" or "log" or "ghi nhan").OrderByDescending(w => w.Length))
        {
            if (folded.StartsWith(word + " ", StringComparison.Ordinal) && catalogue.FindActivity(folded[(word.Length + 1)..]) is { } activity
                && forms.Get(activity.Id) is not null)
            {
                return activity.Id;
            }
        }
        return null;
    }
}
