using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Core.Forms;

/// <summary>
/// A question asked at save time ("vượt kinh phí được duyệt … Đúng, vẫn lưu", a likely duplicate) stays the summary's question until
/// it is answered: shown again when the form is resumed after something answered aside, and a number typed then means its own
/// choices, not an item of the summary. It lapses once an answer of the form changes.
/// </summary>
internal static class PendingConfirmation
{
    private const string TextKey = "cfq";
    private const string ChoicesKey = "cfc";
    private const string AnswersKey = "cfa";

    /// <summary>Asks <paramref name="text"/> with <paramref name="choices"/> and keeps them as the summary's pending question.</summary>
    public static void Ask(BotContext ctx, FormSession s, string text, IReadOnlyList<Choice> choices)
    {
        s.Set(TextKey, text);
        s.Set(ChoicesKey, string.Join("\n", choices.Select(c => c.Label + "\t" + c.Data)));
        s.Set(AnswersKey, Answers(s));
        ctx.Ask(text, choices);
    }

    /// <summary>The pending question at the summary, as it was asked; null when none is pending (or the answers changed since).</summary>
    public static (string Text, List<Choice> Choices)? Shown(FormSession s)
    {
        if (s.Phase != FormPhase.Summary || s.Get(TextKey) is not { Length: > 0 } text || s.Get(AnswersKey) != Answers(s))
        {
            return null;
        }
        var choices = (s.Get(ChoicesKey) ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => new Choice(parts[0], parts[1]))
            .ToList();
        return (text, choices);
    }

    /// <summary>The pending question's choice that <paramref name="typed"/> picks ("1", its label), or null.</summary>
    public static string? Match(FormSession s, string typed) =>
        Shown(s) is { } pending ? ChoiceMatcher.Match(pending.Choices, typed) : null;

    /// <summary>Forgets the pending question (it is answered).</summary>
    public static void Clear(FormSession s)
    {
        s.Set(TextKey, null);
        s.Set(ChoicesKey, null);
        s.Set(AnswersKey, null);
    }

    /// <summary>The form's answers as one text, to notice a change.</summary>
    private static string Answers(FormSession s) =>
        string.Join("\n", s.State.Data.Where(e => e.Key.StartsWith("a:", StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => e.Key + "=" + e.Value));
}
