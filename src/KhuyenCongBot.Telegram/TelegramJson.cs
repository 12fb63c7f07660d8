using System.Text.Encodings.Web;
using System.Text.Unicode;
using Telegram.Bot;

namespace KhuyenCongBot.Telegram;

/// <summary>
/// Bot API requests carry Vietnamese letters as UTF-8: Telegram.Bot's JSON options escape every non-ASCII character as
/// \uXXXX by default, which makes a Vietnamese question about 1.6 times longer on the wire and slower to write and read.
/// </summary>
public static class TelegramJson
{
    /// <summary>Escapes only what JSON and HTML need (quotes, &lt;, &gt;, &amp;, control characters, characters outside the BMP).</summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    private static readonly Lock Gate = new();

    /// <summary>
    /// Sets <see cref="Encoder"/> on Telegram.Bot's shared options; true when they use it. The options can only be changed
    /// before their first use, so this runs before any client is created; false (nothing changes) if it is too late.
    /// </summary>
    public static bool UseUtf8()
    {
        lock (Gate)
        {
            var options = JsonBotAPI.Options;
            if (ReferenceEquals(options.Encoder, Encoder))
            {
                return true;
            }
            if (options.IsReadOnly)
            {
                return false;
            }
            try
            {
                options.Encoder = Encoder;
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }
    }
}
