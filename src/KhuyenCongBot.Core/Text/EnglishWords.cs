namespace KhuyenCongBot.Core.Text;

/// <summary>
/// English words of questions that are one keystroke from a word the bot knows ("late" from "date", "rate" from "date", "much" from
/// "muc"): the spelling fixer leaves them as typed, so an English question is not answered with a note "Read "late" as "date"".
/// Only words that are no likely typo of a Vietnamese word are listed ("than" is left out: it may be "thang" mistyped).
/// </summary>
public static class EnglishWords
{
    public static readonly IReadOnlySet<string> NotTypos = new HashSet<string>(StringComparer.Ordinal)
    {
        "late", "later", "latest", "lately", "rate", "rates", "rated", "ratio", "get", "got", "gets", "getting", "much", "many", "did", "does",
        "doing", "done", "per", "paid", "pay", "spent", "spend", "behind", "overdue", "delayed", "delay", "early", "earlier", "show", "shows",
        "tell", "list", "give", "gave", "given", "data", "share", "each", "amount", "amounts", "value", "values", "figure", "figures",
        "number", "numbers", "total", "totals", "half", "week", "weeks", "quarter", "quarters", "were", "was", "are", "have", "has", "had",
        "been", "being", "who", "whose", "what", "which", "where", "when", "why", "how", "yet", "still", "far", "sum",
        "receive", "received", "reached", "reach", "achieve", "achieved", "status", "progress", "stage", "step", "steps", "finished",
        "complete", "completed", "pending", "open", "closed", "settled", "accepted", "approved", "running", "ongoing", "budget", "money",
    };
}
