using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Core.Conversations.Pipeline;

/// <summary>Cleaning the input: what no channel can store or send back, control characters, the person's language.</summary>
internal sealed class CleanInputStep : IMessageStep
{
    public Task<IReadOnlyList<Reply>> InvokeAsync(MessageContext context, MessageStepDelegate next)
    {
        context.Message = WellFormed(context.Message);
        context.Language = LanguageOf(context.Message.LanguageCode);
        return next(context);
    }

    /// <summary>The message with lone UTF-16 surrogates (which no channel can store or send back) replaced by U+FFFD.</summary>
    internal static Incoming WellFormed(Incoming message) =>
        HasLoneSurrogate(message.Text) || HasLoneSurrogate(message.ButtonData) || HasLoneSurrogate(message.DisplayName)
            ? message with { Text = FixSurrogates(message.Text), ButtonData = FixSurrogates(message.ButtonData), DisplayName = FixSurrogates(message.DisplayName) }
            : message;

    private static bool HasLoneSurrogate(string? text)
    {
        if (text is null)
        {
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static string? FixSurrogates(string? text)
    {
        if (!HasLoneSurrogate(text))
        {
            return text;
        }
        var chars = text!.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }
        return new string(chars);
    }

    /// <summary>Drops control characters (other than new lines and tabs) that some clients send.</summary>
    internal static string Sanitize(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c is not '\n' and not '\t' and not '\r'))
        {
            return text;
        }
        return new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\t' or '\r').ToArray());
    }

    internal static string LanguageOf(string? code) =>
        code is not null && code.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "vi";
}
