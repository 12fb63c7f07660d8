using KhuyenCongBot.Core.Messaging;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace KhuyenCongBot.Telegram;

/// <summary>Turns one Telegram update into an <see cref="Incoming"/>, asks the engine, and sends the replies; never throws.</summary>
public sealed class TelegramUpdateHandler(
    TelegramBot bot,
    IBotEngine engine,
    TelegramReplySender sender,
    ILogger<TelegramUpdateHandler> logger)
{
    public const string ChannelName = "telegram";

    /// <summary>Raised after an update has been handled (or ignored), with its update_id; tests wait on it.</summary>
    public event Action<int>? Handled;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte> _cut = new();

    /// <summary>Whether the stop cut this update short (a reply not sent): it must not be confirmed, so it comes again at the next start.</summary>
    public bool WasCut(int updateId) => _cut.ContainsKey(updateId);

    public async Task HandleAsync(Update update, CancellationToken ct)
    {
        try
        {
            await HandleCoreAsync(update, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Cut by the stop's deadline: logged, left unconfirmed, handled (its saved replies sent) at the next start.
            _cut[update.Id] = 0;
            logger.LogWarning("Telegram update {UpdateId} was cut short by the stop (a reply not sent); it is taken up again at the next start", update.Id);
        }
        catch (Exception ex)
        {
            logger.LogError("Telegram update {UpdateId} failed: {Error}", update.Id, bot.Redact(ex));
        }
        finally
        {
            Handled?.Invoke(update.Id);
        }
    }

    private async Task HandleCoreAsync(Update update, CancellationToken ct)
    {
        if (update.CallbackQuery is { } query)
        {
            await AnswerAsync(query, ct).ConfigureAwait(false);
        }
        var incoming = ToIncoming(update, bot.Me);
        if (incoming is null)
        {
            return;
        }
        var replies = await engine.HandleAsync(incoming, ct).ConfigureAwait(false);
        var chatId = long.Parse(incoming.ChatId, System.Globalization.CultureInfo.InvariantCulture);
        var language = incoming.LanguageCode is { } code && code.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "vi";
        int? editable = incoming.ButtonData is not null && int.TryParse(incoming.SourceMessageId, out var source) ? source : null;
        foreach (var reply in replies)
        {
            var edit = reply.EditsPrevious ? editable : null;
            if (edit is not null)
            {
                editable = null;
            }
            await SendWithRetryAsync(chatId, reply, edit, language, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Waits before each new attempt at a reply that failed for a passing reason (timeout, 5xx, 429).</summary>
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    private async Task SendWithRetryAsync(long chatId, Reply reply, int? edit, string language, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await sender.SendAsync(chatId, reply, edit, language, ct).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var wait = attempt < RetryDelays.Length ? Transient(ex) : null;
                if (wait is null)
                {
                    // Never silently: the chat and the reason stay in the log.
                    logger.Log(ex is ApiRequestException { ErrorCode: 403 } ? LogLevel.Warning : LogLevel.Error,
                        "Reply to chat {ChatId} was not delivered after {Attempts} attempt(s): {Error}", chatId, attempt + 1, bot.Redact(ex.Message));
                    return;
                }
                var delay = wait.Value > RetryDelays[attempt] ? wait.Value : RetryDelays[attempt];
                logger.LogWarning("Reply to chat {ChatId} failed ({Error}); retrying in {Delay}", chatId, bot.Redact(ex.Message), delay);
                await Task.Delay(delay, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>For a failure worth retrying, the least wait Telegram asked for (zero if none); null when retrying cannot help.</summary>
    private static TimeSpan? Transient(Exception ex) => ex switch
    {
        ApiRequestException { ErrorCode: 429 } api => api.Parameters?.RetryAfter is { } s && s <= 10 ? TimeSpan.FromSeconds(s) : api.Parameters?.RetryAfter is null ? TimeSpan.Zero : null,
        ApiRequestException { ErrorCode: >= 500 } => TimeSpan.Zero,
        ApiRequestException => null,
        RequestException or HttpRequestException or TimeoutException or OperationCanceledException => TimeSpan.Zero,
        _ => null,
    };

    private async Task AnswerAsync(CallbackQuery query, CancellationToken ct)
    {
        try
        {
            await bot.Client.AnswerCallbackQuery(query.Id, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation("answerCallbackQuery failed: {Error}", bot.Redact(ex.Message));
        }
    }

    /// <summary>The engine's view of an update; null for update kinds the bot does not handle.</summary>
    public Incoming? ToIncoming(Update update, User? me)
    {
        var key = "telegram:" + update.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (MemberEvent(update, me, key) is { } members)
        {
            return ReferenceEquals(members, Ignored) ? null : members;
        }
        if (update.CallbackQuery is { } query)
        {
            // A press without data or sender (malformed or from a game) has nothing to answer.
            if (query.Data is null || query.From is null)
            {
                return null;
            }
            var chat = query.Message?.Chat;
            return new Incoming
            {
                Channel = ChannelName,
                ChatId = Id(chat?.Id ?? query.From.Id),
                UserId = Id(query.From.Id),
                DisplayName = NameOf(query.From),
                ButtonData = query.Data,
                LanguageCode = query.From.LanguageCode,
                IsGroupChat = chat is not null && IsGroup(chat.Type),
                AddressedToBot = true,
                UpdateKey = key,
                SourceMessageId = query.Message is { } m ? m.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            };
        }
        if (update.Message is not { From: { } from, Chat: not null } message || from.IsBot)
        {
            return null;
        }
        var text = message.Text ?? message.Caption;
        var group = IsGroup(message.Chat.Type);
        if (text is null && message.Document is null && message.Photo is not { Length: > 0 } && message.Location is null)
        {
            // A sticker or photo in a group: nothing to answer, but its sender is in the group (the core notes who is there).
            return group
                ? new Incoming
                {
                    Channel = ChannelName, ChatId = Id(message.Chat.Id), UserId = Id(from.Id), DisplayName = NameOf(from),
                    LanguageCode = from.LanguageCode, IsGroupChat = true, AddressedToBot = false, UpdateKey = key,
                }
                : null;
        }
        var addressed = !group || IsAddressed(message, text, me);
        if (group && addressed && text is not null && me?.Username is { } username)
        {
            text = StripMention(text, username);
        }
        return new Incoming
        {
            Channel = ChannelName,
            ChatId = Id(message.Chat.Id),
            UserId = Id(from.Id),
            DisplayName = NameOf(from),
            Text = text,
            LanguageCode = from.LanguageCode,
            IsGroupChat = group,
            AddressedToBot = addressed,
            UpdateKey = key,
            Document = message.Document is { } doc ? DocumentOf(doc) : null,
            // Telegram sends a photo in several sizes, smallest first: the largest is the evidence.
            Photo = message.Photo is { Length: > 0 } sizes ? PhotoOf(sizes[^1], message.MessageId) : null,
            Location = message.Location is { } at ? new IncomingLocation(at.Latitude, at.Longitude) : null,
        };
    }

    /// <summary>Who joined or left a group (new_chat_members, left_chat_member, chat_member, my_chat_member); null for any other update.</summary>
    private static Incoming? MemberEvent(Update update, User? me, string key)
    {
        // Malformed updates (a member without a user, a list with holes) must not stop anything: what cannot be read is skipped.
        Chat? chat;
        User? actor;
        List<GroupMemberChange> changes;
        if (update.ChatMember is { } member)
        {
            (chat, actor) = (member.Chat, member.From);
            changes = member.NewChatMember?.User is { } user ? [Change(user, member.NewChatMember.IsInChat, me)] : [];
        }
        else if (update.MyChatMember is { } mine)
        {
            (chat, actor) = (mine.Chat, mine.From);
            changes = mine.NewChatMember?.User is { } self ? [new GroupMemberChange(Id(self.Id), mine.NewChatMember.IsInChat, IsThisBot: true)] : [];
        }
        else if (update.Message is { Chat: not null } message && (message.NewChatMembers is { Length: > 0 } || message.LeftChatMember is not null))
        {
            (chat, actor) = (message.Chat, message.From);
            changes = [.. (message.NewChatMembers ?? []).OfType<User>().Select(u => Change(u, true, me))];
            if (message.LeftChatMember is { } left)
            {
                changes.Add(Change(left, false, me));
            }
        }
        else
        {
            return null;
        }
        if (changes.Count == 0)
        {
            return Ignored;
        }
        if (chat is null || !IsGroup(chat.Type))
        {
            // my_chat_member in a private chat (the person blocked or unblocked the bot), or a channel: nothing about groups.
            return Ignored;
        }
        return new Incoming
        {
            Channel = ChannelName,
            ChatId = Id(chat.Id),
            UserId = Id(actor?.Id ?? 0),
            IsGroupChat = true,
            AddressedToBot = false,
            UpdateKey = key,
            MemberChanges = changes,
        };
    }

    private static readonly Incoming Ignored = new() { Channel = ChannelName, ChatId = "0", UserId = "0" };

    private static GroupMemberChange Change(User user, bool joined, User? me) =>
        new(Id(user.Id), joined, IsThisBot: me is not null && user.Id == me.Id);

    private IncomingDocument DocumentOf(Document doc) => new(doc.FileName ?? "tep", doc.FileSize ?? 0, ct => Download(doc.FileId, ct));

    private IncomingDocument PhotoOf(PhotoSize photo, int messageId) =>
        new($"anh-{messageId.ToString(System.Globalization.CultureInfo.InvariantCulture)}.jpg", photo.FileSize ?? 0, ct => Download(photo.FileId, ct));

    private async Task<Stream> Download(string fileId, CancellationToken ct)
    {
        var file = await bot.Client.GetFile(fileId, ct).ConfigureAwait(false);
        var buffer = new MemoryStream();
        await bot.Client.DownloadFile(file.FilePath!, buffer, ct).ConfigureAwait(false);
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>In a group the bot reads commands (not aimed at another bot), mentions of itself and replies to its messages.</summary>
    public static bool IsAddressed(Message message, string? text, User? me)
    {
        if (me is not null && message.ReplyToMessage?.From?.Id == me.Id)
        {
            return true;
        }
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var username = me?.Username;
        if (text.StartsWith('/'))
        {
            var head = text.Split(' ', '\n')[0];
            var at = head.IndexOf('@');
            return at < 0 || (username is not null && head[(at + 1)..].Equals(username, StringComparison.OrdinalIgnoreCase));
        }
        return username is not null && text.Contains("@" + username, StringComparison.OrdinalIgnoreCase);
    }

    private static string StripMention(string text, string username)
    {
        if (text.StartsWith('/'))
        {
            return text;
        }
        var stripped = text.Replace("@" + username, "", StringComparison.OrdinalIgnoreCase).Trim();
        return stripped.Length == 0 ? text : stripped;
    }

    private static bool IsGroup(ChatType type) => type is ChatType.Group or ChatType.Supergroup;

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string NameOf(User user)
    {
        var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return name.Length > 0 ? name : user.Username ?? Id(user.Id);
    }
}
