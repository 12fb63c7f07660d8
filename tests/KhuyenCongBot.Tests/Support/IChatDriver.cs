using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Tests.Support;

/// <summary>A person-eye view of one channel, so a transcript test runs unchanged on Telegram and on Zalo.</summary>
public interface IChatDriver : IAsyncDisposable
{
    /// <summary>"telegram" or "zalo".</summary>
    string Channel { get; }

    /// <summary>Registers a person with a role and (for officers and managers) a current province id.</summary>
    void AddUser(string user, Role role, string? provinceId);

    /// <summary>The person types <paramref name="text"/>; returns the bot's messages as the person sees them, in order.</summary>
    Task<IReadOnlyList<string>> SayAsync(string user, string text);

    /// <summary>The bot's services (repositories, options).</summary>
    IServiceProvider Services { get; }

    /// <summary>The bot's store.</summary>
    IBotStore Store { get; }

    /// <summary>The identity key of a named person on this channel ("telegram:500001", "zalo:name").</summary>
    string IdentityOf(string user);

    /// <summary>Moves the bot's fake clock forward.</summary>
    void Advance(TimeSpan by);

    /// <summary>Every message the bot has sent to the person's private chat so far, as they see it.</summary>
    IReadOnlyList<string> Received(string user);

    /// <summary>Picks a choice: presses the button labelled <paramref name="label"/> on Telegram, types <paramref name="number"/> on Zalo.</summary>
    Task<IReadOnlyList<string>> ChooseAsync(string user, int number, string label);

    /// <summary>
    /// The person sends a file (a CSV or XLSX to import) with an optional caption; returns the bot's messages. Telegram: a message
    /// with a document (file_id), which the bot fetches with getFile and the file download path. Zalo: its Bot API has no file
    /// messages (only text, image and sticker events); a file arrives as "message.unsupported.received" with nothing of the file in
    /// it, so the bot cannot import it and says what it can read.
    /// </summary>
    Task<IReadOnlyList<string>> SendFileAsync(string user, string fileName, byte[] content, string? caption = null);
}
