using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>Handles a command's arguments (the text after the command, trimmed).</summary>
public delegate Task CommandHandler(BotContext context, string arguments, CancellationToken cancellationToken);

/// <summary>A slash command with its Vietnamese aliases ("/log", "/ghi").</summary>
public sealed record BotCommand(
    string Name,
    IReadOnlyList<string> Aliases,
    string DescriptionVi,
    string DescriptionEn,
    Role MinRole,
    CommandHandler Handler,
    bool InMenu = true,
    bool PrivateOnly = false,
    string? ViewOnlyVi = null,
    string? ViewOnlyEn = null,
    bool Writes = false);

/// <summary>A multi-step exchange (a form, a composer); its position lives in <see cref="ConversationState"/>.</summary>
public interface IConversationFlow
{
    /// <summary>The value of <see cref="ConversationState.Flow"/> while this flow is active.</summary>
    string Name { get; }

    /// <summary>Takes the next answer (typed text, or a button's data when <paramref name="isButton"/>).</summary>
    Task ContinueAsync(BotContext context, string input, bool isButton, CancellationToken cancellationToken);

    /// <summary>A one-line description of the unfinished work, for reminders and "continue or discard?" prompts.</summary>
    string Describe(BotContext context) => context.Text("dialog.unfinished_step");

    /// <summary>What the dialog is at this step: a pending list choice (left when another intent comes, ends when idle) or a form
    /// (waits with its draft). See <see cref="DialogRules"/>.</summary>
    DialogKind KindAt(ConversationState state) => DialogKind.ListChoice;

    /// <summary>True when any text is a valid answer at this step (a broadcast's body): nothing typed is then read as another intent.</summary>
    bool TakesAnyText(ConversationState state) => false;

    /// <summary>Leaves the dialog its own way on /huy or a leaving phrase (a form keeps its answers as a draft) and says so; false to
    /// have the engine simply end it.</summary>
    bool Leave(BotContext context) => false;

    /// <summary>How to come back to the dialog after something else was answered meanwhile.</summary>
    string ResumeHint(BotContext context) => context.Text("dialog.resume_hint");

    /// <summary>The current step's question as it is asked now (without an earlier error), or null when the flow cannot say.</summary>
    Reply? CurrentPrompt(BotContext context) => null;
}

/// <summary>The two kinds of dialog the engine's rules tell apart.</summary>
public enum DialogKind
{
    /// <summary>A list to pick from (/nguoidung, /moi, the /ghi activity list): another intent leaves it, and it ends when idle.</summary>
    ListChoice,

    /// <summary>Answers being collected (a form, a broadcast being written): another intent is answered and the dialog waits.</summary>
    Form,
}

/// <summary>A capability of the bot: its commands, its flows, and what it understands in free text or buttons.</summary>
public interface IBotModule
{
    IEnumerable<BotCommand> Commands { get; }

    IEnumerable<IConversationFlow> Flows => [];

    /// <summary>Lower runs first when the person is idle and types free text.</summary>
    int TextPriority => 1000;

    /// <summary>Free text when no flow is active; true when handled.</summary>
    Task<bool> TryHandleTextAsync(BotContext context, string text, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Whether this module's buttons may be pressed in a group chat (they are then checked against the group's members); false keeps them to private chats.</summary>
    bool ButtonsInGroups => false;

    /// <summary>A button press that no active flow took (e.g. "chart" after an answer); true when handled.</summary>
    Task<bool> TryHandleButtonAsync(BotContext context, string data, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>True when <paramref name="text"/> is plainly a request to this module (a figures question with a measure, "ghi hội
    /// chợ"), whatever dialog is open: the engine then answers it rather than feeding it to another module's dialog.</summary>
    bool IsClearIntent(BotContext context, string text) => false;

    /// <summary>Example lines for /help, in the person's language.</summary>
    IEnumerable<string> HelpExamples(BotContext context) => [];
}

/// <summary>Decides what a person unknown to the bot gets (the people module redeems invitation codes here).</summary>
public interface IUnknownUserHandler
{
    /// <summary>Returns the replies for an unknown person; may register them (then returns the new user).</summary>
    Task<(IReadOnlyList<Messaging.Reply> Replies, BotUser? Registered)> HandleAsync(Messaging.Incoming message, CancellationToken cancellationToken);
}
