using System.Text;
using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>What every message a person receives must satisfy: readable text, no exception leaking, well-formed Unicode.</summary>
public static class ReplyChecks
{
    private static readonly string[] Leaks = ["Exception", "   at ", "System.", "stack trace", "NullReference", "Object reference not set"];

    /// <summary>Null when <paramref name="text"/> is fit to show; otherwise what is wrong.</summary>
    public static string? Problem(string? text, bool allowEmpty = false)
    {
        if (text is null)
        {
            return "null text";
        }
        if (!allowEmpty && text.Trim().Length == 0)
        {
            return "empty text";
        }
        foreach (var leak in Leaks)
        {
            if (text.Contains(leak, StringComparison.Ordinal))
            {
                return $"contains '{leak}'";
            }
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
            {
                return $"lone high surrogate at {i}";
            }
            if (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
            {
                return $"lone low surrogate at {i}";
            }
            if (text[i] == '\0')
            {
                return $"NUL at {i}";
            }
        }
        return null;
    }

    /// <summary>Null when the reply is fit to send; otherwise what is wrong.</summary>
    public static string? Problem(Reply reply)
    {
        if (Problem(reply.Text, allowEmpty: reply.Choices.Count > 0 || reply.Attachment is not null) is { } text)
        {
            return text;
        }
        foreach (var choice in reply.Choices)
        {
            if (Problem(choice.Label) is { } label)
            {
                return "choice label: " + label;
            }
            var bytes = Encoding.UTF8.GetByteCount(choice.Data);
            if (bytes is 0 or > Choice.MaxDataBytes)
            {
                return $"choice data of {bytes} bytes: {choice.Data}";
            }
        }
        return null;
    }
}
