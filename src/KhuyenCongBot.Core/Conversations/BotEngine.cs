using System.Collections.Concurrent;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Core.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>Routes each message: who is it, is a flow active, is it a command, a button or a question. One message at a time per person.</summary>
public sealed partial class BotEngine : IBotEngine
{
    /// <summary>Longest text the bot reads; longer messages are refused politely.</summary>
    public const int MaxTextLength = 4000;

    private readonly IBotStore _store;
    private readonly CatalogueIndex _catalogue;
    private readonly BotClock _clock;
    private readonly IServiceProvider _services;
    private readonly IUnknownUserHandler _unknown;
    private readonly ILogger<BotEngine> _logger;
    private readonly BotOptions _options;
    private readonly IReadOnlyList<IBotModule> _modules;
    private readonly Dictionary<string, BotCommand> _commands = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IConversationFlow> _flows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IBotModule> _flowOwners = new(StringComparer.Ordinal);
    private readonly Dictionary<BotCommand, IBotModule> _commandModules = [];
    private readonly DialogRules _rules;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();
    private readonly FloodGate _flood;

    public BotEngine(
        IBotStore store,
        CatalogueIndex catalogue,
        BotClock clock,
        IEnumerable<IBotModule> modules,
        IUnknownUserHandler unknown,
        IOptions<BotOptions> options,
        IServiceProvider services,
        ILogger<BotEngine> logger,
        FloodGate? flood = null)
    {
        _store = store;
        _catalogue = catalogue;
        _clock = clock;
        _services = services;
        _unknown = unknown;
        _logger = logger;
        _options = options.Value;
        _modules = modules.ToList();
        _flood = flood ?? new FloodGate(clock.TimeProvider, _options.FloodBurst, _options.FloodPerSecond);
        foreach (var module in _modules)
        {
            foreach (var command in module.Commands)
            {
                foreach (var name in command.Aliases.Prepend(command.Name))
                {
                    _commands[name] = command;
                }
                _commandModules[command] = module;
            }
            foreach (var flow in module.Flows)
            {
                _flows[flow.Name] = flow;
                _flowOwners[flow.Name] = module;
            }
        }
        _rules = new DialogRules(TimeSpan.FromMinutes(_options.DialogIdleMinutes), _flows, _flowOwners, _modules);
    }

    /// <summary>All commands, in module order, for /help and the channel menus.</summary>
    public IEnumerable<BotCommand> Commands => _modules.SelectMany(m => m.Commands);

    public IReadOnlyList<IBotModule> Modules => _modules;

    public IReadOnlyList<(string Command, string Description)> MenuCommands(string language) =>
        Commands.Where(c => c.InMenu)
            .SelectMany(c => new[] { (c.Name, language == "en" ? c.DescriptionEn : c.DescriptionVi) })
            .ToList();

    public async Task<IReadOnlyList<Reply>> HandleAsync(Incoming message, CancellationToken cancellationToken = default)
    {
        message = WellFormed(message);
        if (message.IsGroupChat && _services.GetService(typeof(GroupRoster)) is GroupRoster roster)
        {
            // Everyone seen in a group counts for what figures may be shown there: whoever wrote, addressed to the bot or not,
            // registered or not, and whoever the platform says joined or left.
            if (message.MemberChanges is { Count: > 0 } changes)
            {
                roster.Apply(message.Channel, message.ChatId, changes);
                return [];
            }
            roster.Note(message.Channel, message.ChatId, message.UserId);
            // A code shown in a group is known to everyone there: it no longer works.
            (_services.GetService(typeof(InvitationService)) as InvitationService)?.CancelShownInGroup(message);
        }
        if (message.MemberChanges is not null || (message.IsGroupChat && !message.AddressedToBot))
        {
            return [];
        }
        // Too fast: the message waits for its turn (never dropped: it may be a form answer); the terminal is one local person.
        var slowed = false;
        if (message.Channel != "terminal" && _flood.Reserve(message.IdentityKey) is { Wait: var wait } slot && wait > TimeSpan.Zero)
        {
            if (slot.FirstWait)
            {
                slowed = true;
                _logger.LogWarning("Flood from {Identity}: messages are handled at the allowed pace", message.IdentityKey);
            }
            await Task.Delay(wait, _clock.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        var handled = await HandleInTurnAsync(message, cancellationToken).ConfigureAwait(false);
        if (!slowed)
        {
            return handled;
        }
        var notice = Reply.Of(LanguageOf(message.LanguageCode) == "en"
            ? "You are sending messages very fast: the bot answers them one by one at a slower pace; none is skipped."
            : "Bạn gửi tin nhắn nhanh quá: bot sẽ trả lời lần lượt chậm hơn một chút, không bỏ sót tin nào.");
        return [notice, .. handled];
    }

    private async Task<IReadOnlyList<Reply>> HandleInTurnAsync(Incoming message, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(message.IdentityKey, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (message.UpdateKey is not null && _store.Meta.IsHandled(message.UpdateKey))
            {
                return RepliesAgain(message);
            }
            var replies = await HandleOneAsync(message, cancellationToken).ConfigureAwait(false);
            if (replies is SaveFailed)
            {
                // Nothing of this update was kept: it stays unmarked, so a redelivery is handled.
                return replies;
            }
            if (message.UpdateKey is not null && !_store.Meta.IsHandled(message.UpdateKey))
            {
                // Paths that store no conversation state (strangers) still mark the update.
                _store.Meta.TryMarkHandled(message.UpdateKey, _clock.Now);
            }
            return replies;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<IReadOnlyList<Reply>> HandleOneAsync(Incoming message, CancellationToken ct)
    {
        var language = LanguageOf(message.LanguageCode);
        var user = _store.Users.FindByIdentity(message.IdentityKey);
        if (user is null && _options.Admins.Any(a => string.Equals(a.Trim(), message.IdentityKey, StringComparison.OrdinalIgnoreCase)))
        {
            user = new BotUser
            {
                DisplayName = message.DisplayName ?? message.IdentityKey,
                Role = Role.Admin,
                ScopeKind = ScopeKind.All,
                Identities = [message.IdentityKey],
                CreatedAt = _clock.Now,
                Language = language,
            };
            user.Id = _store.Users.Add(user);
            _logger.LogInformation("Bootstrap admin {Identity} registered as user {Id}", message.IdentityKey, user.Id);
        }
        if (user is null || !user.Active)
        {
            try
            {
                var (replies, registered) = await _unknown.HandleAsync(message, ct).ConfigureAwait(false);
                if (registered is null)
                {
                    return replies;
                }
                user = registered;
                if (replies.Count > 0)
                {
                    return replies;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Unknown-user handling failed for {Identity}", message.IdentityKey);
                return [Reply.Of(Texts.Error(language))];
            }
        }

        if (!message.IsGroupChat && user.Chats.GetValueOrDefault(message.Channel) != message.ChatId)
        {
            user.Chats[message.Channel] = message.ChatId;
            _store.Users.Update(user);
        }

        var state = LoadState(user.Id);
        // In a group, a flow the person has open elsewhere (a form, /nguoidung) is neither continued nor disturbed: the message is
        // handled on a scratch state that is not kept, so nothing of the private conversation is shown or changed in the group.
        var aside = message.IsGroupChat && state.Flow is not null && !InChatOf(state, message);
        var saved = state;
        if (aside)
        {
            state = new ConversationState { Id = user.Id };
        }
        else if (message.IsGroupChat && !InChatOf(state, message))
        {
            // Choices and prompts offered in another chat (a private /cuatoi list) are never repeated or answered in a group.
            state.LastChoices = [];
            state.LastPrompt = null;
        }
        var context = new BotContext(message, user, state, _store, _catalogue, _clock.Now, language, _services);
        if (message.IsGroupChat)
        {
            context.GroupFacts = await DescribeGroupAsync(message, ct).ConfigureAwait(false);
        }
        try
        {
            await DispatchAsync(context, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Handling a message from user {UserId} failed", user.Id);
            context.Replies.Clear();
            context.Say(context.T(
                "Xin lỗi, bot gặp lỗi khi xử lý tin nhắn này. Những gì đã lưu vẫn còn nguyên; bạn thử lại hoặc gõ /help.",
                "Sorry, something went wrong with that message. Nothing saved was lost; try again or type /help."));
            // Reload: the handler may have changed the state object before failing.
            state = LoadState(user.Id);
            state.UpdatedAt = _clock.Now;
            KeepReplies(state, message, context.Replies);
            await SaveStateAsync(state, message).ConfigureAwait(false);
            return context.Replies;
        }

        if (aside)
        {
            // Only the update mark is kept; the person's own conversation is saved as it was.
            try
            {
                await SaveStateAsync(saved, message, context.StagedWrites).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "Saving a message from user {UserId} failed", user.Id);
                return new SaveFailed(Reply.Of(Texts.Error(language)));
            }
            return context.Replies;
        }
        var lastWithChoices = context.Replies.LastOrDefault(r => r.Choices.Count > 0);
        state.LastChoices = lastWithChoices?.Choices.ToList() ?? [];
        DialogRules.NoteChoices(context, context.ShownAside);
        state.LastPrompt = state.Flow is not null && context.Replies.Count > 0 ? context.Replies[^1].Text : null;
        state.LastChannel = message.Channel;
        state.LastChatId = message.ChatId;
        state.UpdatedAt = _clock.Now;
        KeepReplies(state, message, context.Replies);
        try
        {
            await SaveStateAsync(state, message, context.StagedWrites).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing of this message was written (one transaction): say so rather than the replies that assumed it was.
            _logger.LogError(ex, "Saving a message from user {UserId} failed", user.Id);
            return new SaveFailed(Reply.Of(context.T(
                "Xin lỗi, bot chưa lưu được thao tác này. Những gì đã lưu trước đó vẫn còn nguyên; bạn gửi lại tin nhắn vừa rồi nhé.",
                "Sorry, the bot could not save that. Everything saved before is intact; please send your last message again.")));
        }
        return context.Replies;
    }

    private static bool InChatOf(ConversationState state, Incoming message) =>
        state.LastChannel == message.Channel && state.LastChatId == message.ChatId;

    /// <summary>Asks the channel how many members the group has and whether those the bot knows are still there; null when it cannot tell.</summary>
    private async Task<GroupFacts?> DescribeGroupAsync(Incoming message, CancellationToken ct)
    {
        var directory = _services.GetService(typeof(IEnumerable<IGroupDirectory>)) is IEnumerable<IGroupDirectory> all
            ? all.FirstOrDefault(d => d.Channel == message.Channel)
            : null;
        if (directory is null || _services.GetService(typeof(GroupRoster)) is not GroupRoster roster)
        {
            return null;
        }
        var known = roster.Members(message.Channel, message.ChatId).Where(id => id != message.UserId).ToList();
        if (known.Count > MaxGroupMembersChecked)
        {
            return null;
        }
        try
        {
            var facts = await directory.DescribeAsync(message.ChatId, known, ct).ConfigureAwait(false);
            if (facts is { Gone.Count: > 0 })
            {
                roster.Forget(message.Channel, message.ChatId, facts.Gone);
            }
            return facts;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _logger.LogWarning("Could not learn who is in group {ChatId} on {Channel}: {Error}", message.ChatId, message.Channel, ex.Message);
            return null;
        }
    }

    /// <summary>Known members of a group checked one by one with the channel; a larger group gets no figures (ask in private).</summary>
    public const int MaxGroupMembersChecked = 50;

    /// <summary>
    /// For an update delivered again: nothing is applied twice. If an earlier run handled it and it was the person's last
    /// message, its saved replies are sent again (that run may have died between saving and sending, e.g. a lost receipt).
    /// </summary>
    private IReadOnlyList<Reply> RepliesAgain(Incoming message)
    {
        var key = message.UpdateKey!;
        if (_store.Meta.HandledBeforeStart(key)
            && _store.Users.FindByIdentity(message.IdentityKey) is { } user
            && LoadState(user.Id) is { LastUpdateKey: { } last, LastReplies: { Count: > 0 } replies } state
            && last == key)
        {
            _logger.LogInformation("Update {Key} was handled before a restart; its replies are sent again", key);
            return replies.Select(r => r.IsPrompt
                    ? new Reply { Text = state.LastPrompt ?? "", Choices = state.LastChoices }
                    : new Reply { Text = r.Text, Choices = r.Choices })
                .Where(r => r.Text.Length > 0)
                .ToList();
        }
        _logger.LogInformation("Update {Key} already handled; ignored", key);
        return [];
    }

    /// <summary>Keeps this message's replies with the state, to send again if the update comes back after a restart.</summary>
    private static void KeepReplies(ConversationState state, Incoming message, IReadOnlyList<Reply> replies)
    {
        state.LastUpdateKey = message.UpdateKey;
        state.LastReplies = message.UpdateKey is null
            ? null
            : replies.Where(r => r.Text.Length > 0)
                .Select(r => r.Text == state.LastPrompt && r.Choices.SequenceEqual(state.LastChoices)
                    ? new StoredReply { IsPrompt = true }
                    : new StoredReply { Text = r.Text, Choices = [.. r.Choices] })
                .ToList();
    }

    /// <summary>The person's conversation state; a fresh one when the stored one cannot be read (their saved records are untouched,
    /// only a form in progress is lost), so one damaged state never locks a person out.</summary>
    private ConversationState LoadState(long userId)
    {
        try
        {
            return _store.Conversations.Get(userId) ?? new ConversationState { Id = userId };
        }
        catch (UnreadableStateException ex)
        {
            _logger.LogWarning("Conversation state of user {UserId} could not be read and starts afresh: {Error}", userId, ex.InnerException?.Message);
            return new ConversationState { Id = userId };
        }
    }

    /// <summary>The replies of a message whose save failed (the update must stay unmarked).</summary>
    private sealed class SaveFailed(Reply reply) : List<Reply>([reply]);

    /// <summary>
    /// Saves where the conversation is, the writes the handler staged and the update mark together: a redelivered update
    /// never moves a form on or saves a record twice. The replies wait for the commit, which is shared with the other
    /// messages handled meanwhile (group commit).
    /// </summary>
    private Task<int> SaveStateAsync(ConversationState state, Incoming message, IReadOnlyList<Action>? staged = null)
    {
        var now = _clock.Now;
        // Without staged writes (which may still change the state) the state is copied and serialized here, in parallel
        // with other messages, so the shared transaction only stores it.
        var prepared = staged is { Count: > 0 } ? null : _store.Conversations.Prepare(state);
        return _store.InTransactionAsync(() =>
        {
            if (staged is not null)
            {
                foreach (var write in staged)
                {
                    write();
                }
            }
            if (prepared is not null)
            {
                _store.Conversations.Save(prepared);
            }
            else
            {
                _store.Conversations.Save(state);
            }
            if (message.UpdateKey is { } key)
            {
                _store.Meta.TryMarkHandled(key, now);
            }
            return 0;
        });
    }
}
