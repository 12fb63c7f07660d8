using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Forms;

/// <summary>Logging support through conversational forms: /log (/ghi), "ghi hội chợ", /my (/cuatoi), receipts and corrections.</summary>
public sealed class FormsModule(FormRunner runner, FormStarter starter, FormIntents intents, MyRecords records, ActualFigures actual, UserTexts texts) : IBotModule
{
    public IEnumerable<BotCommand> Commands =>
    [
        new("log", ["ghi", "nhap"], texts.Text(UserTexts.Vietnamese, "form.module.log_command"), texts.Text("en", "form.module.log_command"), Role.Officer, starter.LogCommandAsync, PrivateOnly: true, Writes: true),
        new("my", ["cuatoi"], texts.Text(UserTexts.Vietnamese, "form.module.my_command"), texts.Text("en", "form.module.my_command"), Role.Officer, records.MyCommandAsync, PrivateOnly: true, Writes: true),
        new("edit", ["sua"], texts.Text(UserTexts.Vietnamese, "records.actual.edit_command"), texts.Text("en", "records.actual.edit_command"), Role.Officer, records.EditCommandAsync, PrivateOnly: true, Writes: true),
    ];

    public IEnumerable<IConversationFlow> Flows => [runner.Dialog, actual.Dialog];

    public int TextPriority => 100;

    public Task<bool> TryHandleTextAsync(BotContext context, string text, CancellationToken cancellationToken)
    {
        if (!context.Message.IsGroupChat && context.State.Flow is null && FormDrafts.HasKept(context.State)
            && FormIntents.ResumeWords.Contains(Text.VnText.FoldWords(text)))
        {
            // "tiếp" after leaving a form ("thôi" kept its answers): the kept draft goes on, as /ghi → "tiếp" does.
            var shown = context.Replies.Count;
            starter.Start(context, "pick");
            if (context.State.Flow == FormRunner.FlowName && new FormSession(context.State) is { Phase: FormPhase.Draft } draft)
            {
                // Not the continue-or-new question: "tiếp" has answered it.
                context.Replies.RemoveRange(shown, context.Replies.Count - shown);
                starter.HandleDraft(context, draft, "f:dc");
            }
            return Task.FromResult(true);
        }
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

    /// <summary>The help's examples, one a line of their text (none for a manager, who does not log records).</summary>
    public IEnumerable<string> HelpExamples(BotContext context) =>
        context.User.Role == Role.Manager ? [] : context.Text("forms.help.examples").Split('\n');
}
