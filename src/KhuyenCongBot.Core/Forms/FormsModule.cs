using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>The "form" flow: hands every answer to the <see cref="FormRunner"/>.</summary>
public sealed class FormFlow(FormRunner runner, FormPrompter prompter) : IConversationFlow
{
    public string Name => FormRunner.FlowName;

    public Task ContinueAsync(BotContext context, string input, bool isButton, CancellationToken cancellationToken) =>
        runner.ContinueAsync(context, input, isButton, cancellationToken);

    public string Describe(BotContext context) => new FormSession(context.State).Phase == FormPhase.Pick
        ? context.Text("form.module.picking_activity")
        : prompter.Describe(context, new FormSession(context.State));

    /// <summary>The activity list after /ghi is a list choice; a form being answered keeps its draft.</summary>
    public DialogKind KindAt(ConversationState state) =>
        new FormSession(state).Phase == FormPhase.Pick ? DialogKind.ListChoice : DialogKind.Form;

    /// <summary>/huy: the form's answers are kept as a draft (<see cref="FormDrafts"/>).</summary>
    public bool Leave(BotContext context)
    {
        runner.Leave(context);
        return true;
    }

    public string ResumeHint(BotContext context) =>
        context.Text("form.module.resume_hint");
}

/// <summary>Logging support through conversational forms: /log (/ghi), "ghi hội chợ", /my (/cuatoi), receipts and corrections.</summary>
public sealed class FormsModule(FormRunner runner, FormStarter starter, FormIntents intents, MyRecords records, FormFlow flow, UserTexts texts) : IBotModule
{
    public IEnumerable<BotCommand> Commands =>
    [
        new("log", ["ghi", "nhap"], texts.Text(UserTexts.Vietnamese, "form.module.log_command"), texts.Text("en", "form.module.log_command"), Role.Officer, starter.LogCommandAsync, PrivateOnly: true, Writes: true),
        new("my", ["cuatoi"], texts.Text(UserTexts.Vietnamese, "form.module.my_command"), texts.Text("en", "form.module.my_command"), Role.Officer, records.MyCommandAsync, PrivateOnly: true, Writes: true),
    ];

    public IEnumerable<IConversationFlow> Flows => [flow];

    public int TextPriority => 100;

    public Task<bool> TryHandleTextAsync(BotContext context, string text, CancellationToken cancellationToken)
    {
        if (context.Message.IsGroupChat || intents.ParseIntent(context.Catalogue, text) is not { } activity)
        {
            return Task.FromResult(false);
        }
        starter.Start(context, activity.Length == 0 ? "pick" : "a:" + activity);
        return Task.FromResult(true);
    }

    /// <summary>"ghi hội chợ" names an activity to log: clearly a request to open a form.</summary>
    public bool IsClearIntent(BotContext context, string text) =>
        !context.Message.IsGroupChat && intents.ParseIntent(context.Catalogue, text) is { Length: > 0 };

    public Task<bool> TryHandleButtonAsync(BotContext context, string data, CancellationToken cancellationToken)
    {
        if (!data.StartsWith("f:", StringComparison.Ordinal))
        {
            return Task.FromResult(false);
        }
        if (FormRunner.IsGlobal(data) && runner.HandleGlobal(context, data))
        {
            return Task.FromResult(true);
        }
        context.Say(context.Text("form.module.form_over"));
        return Task.FromResult(true);
    }

    public IEnumerable<string> HelpExamples(BotContext context) =>
        context.User.Role == Role.Manager ? [] : context.English
            ? ["log trade fair", "/my – your records"]
            : ["ghi hội chợ", "thêm hỗ trợ máy móc", "/cuatoi – bản ghi của tôi"];
}
