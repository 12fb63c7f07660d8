using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>Everything a handler needs to answer one message; handlers add replies with <see cref="Say(string)"/>.</summary>
public sealed class BotContext(
    Incoming message,
    BotUser user,
    ConversationState state,
    IBotStore store,
    CatalogueIndex catalogue,
    DateTimeOffset now,
    string language,
    IReadOnlyList<IBotModule> modules,
    UserTexts texts,
    AccessPolicy? access = null)
{
    public Incoming Message { get; } = message;
    public BotUser User { get; } = user;
    public ConversationState State { get; } = state;
    public IBotStore Store { get; } = store;
    public CatalogueIndex Catalogue { get; } = catalogue;

    /// <summary>Now in Vietnam time.</summary>
    public DateTimeOffset Now { get; } = now;

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>"vi" (default) or "en".</summary>
    public string Language { get; } = language;

    public bool English => Language == "en";

    /// <summary>Numbers as the person's language writes them ("1.250" / "1,250", "4,87 tỷ đồng" / "4.87 billion VND").</summary>
    public NumberText Numbers => NumberText.For(English);

    /// <summary>The bot's modules, in order (for /help, and a module that shows another's part, e.g. projects in /cuatoi).</summary>
    public IReadOnlyList<IBotModule> Modules { get; } = modules;

    /// <summary>The module of type <typeparamref name="T"/>, when it is registered.</summary>
    public T? Module<T>() where T : class, IBotModule => Modules.OfType<T>().FirstOrDefault();

    /// <summary>Who may see what (roles, provinces, groups); null where the people services are not registered.</summary>
    public AccessPolicy? Access { get; } = access;

    public List<Reply> Replies { get; } = [];

    /// <summary>Whether the channel shows buttons (Telegram) or only text (terminal, Zalo).</summary>
    public bool HasButtons => Message.Channel == "telegram";

    /// <summary>Picks the message in the person's language (texts not yet moved to seeds/texts: prefer <see cref="Text"/>).</summary>
    public string T(string vi, string en) => English ? en : vi;

    /// <summary>What the bot says to people, in every language (seeds/texts).</summary>
    public UserTexts Texts { get; } = texts;

    /// <summary>The text of <paramref name="key"/> (seeds/texts) in the person's language, its placeholders filled: <c>Text("people.found", ("count", n))</c>.</summary>
    public string Text(string key, params ReadOnlySpan<(string Name, object? Value)> args) => Texts.Text(Language, key, args);

    public void Say(string text) => Replies.Add(Reply.Of(text));

    public void Say(Reply reply) => Replies.Add(reply);

    public void Ask(string text, IEnumerable<Choice> choices, bool editsPrevious = false) =>
        Replies.Add(new Reply { Text = text, Choices = choices.ToList(), EditsPrevious = editsPrevious });

    public bool IsAdmin => User.Role == Role.Admin;

    /// <summary>In a group chat: what the channel reported about its members for this message (null when it cannot tell); see <see cref="AccessPolicy.VisibleInChat"/>.</summary>
    public GroupFacts? GroupFacts { get; internal set; }

    /// <summary>Set by <see cref="DialogRules"/> when this message was answered aside of an open dialog that waits.</summary>
    internal bool ShownAside { get; set; }

    /// <summary>Set by a module that, answering a pick aside of the open dialog, showed that dialog's own question (✏ Sửa of a record
    /// whose correction is open resumes it; the form's "continue or discard?" asked again): its choices are the dialog's, not aside
    /// ones, even when the dialog's data did not change.</summary>
    internal bool ShowedDialogQuestion { get; set; }

    /// <summary>Writes staged by <see cref="CommitAtomically"/>, run by the engine in the transaction that saves the state.</summary>
    internal List<Action> StagedWrites { get; } = [];

    /// <summary>
    /// Stages <paramref name="writes"/> to run together with saving the conversation state and marking this update handled,
    /// in one transaction, before any reply of this message is sent: after a crash either all of it happened (a redelivered
    /// update is ignored) or none. If that transaction fails, the person is told so instead of the replies composed here.
    /// Reserve ids beforehand (e.g. <c>Store.Records.NextId()</c>) to name what will be saved in the reply.
    /// </summary>
    public void CommitAtomically(Action writes) => StagedWrites.Add(writes);
}
