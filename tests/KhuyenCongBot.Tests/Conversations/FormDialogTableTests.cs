using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Forms;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Conversations;

/// <summary>
/// The record form is a dialog table like the others (<see cref="Dialog{TStep}"/> of <see cref="FormPhase"/>): one row per phase,
/// its rules named and ordered, the engine's <see cref="DialogRules"/> applied to it through the same flow interface; and a form
/// saved as the hand-written runner saved it (phase by name in the data, field index in the step) resumes where it was.
/// </summary>
public sealed class FormDialogTableTests(ITestOutputHelper output)
{
    private static Dialog<FormPhase> FormDialog(BotHarness bot)
    {
        var flow = bot.Services.GetServices<IBotModule>().SelectMany(m => m.Flows).Single(f => f.Name == FormRunner.FlowName);
        return Assert.IsType<Dialog<FormPhase>>(flow);
    }

    private static ConversationState At(FormPhase phase)
    {
        var state = new ConversationState { Flow = FormRunner.FlowName };
        new FormSession(state).Phase = phase;
        return state;
    }

    [Fact]
    public void The_form_is_a_dialog_table_with_exactly_one_row_per_phase()
    {
        using var bot = FormTestKit.Create();
        var dialog = FormDialog(bot);
        var phases = Enum.GetValues<FormPhase>();
        Assert.Equal(phases.Length, dialog.Steps.Count);
        Assert.Equal(phases.Order(), dialog.Steps.Select(r => r.Step).Order());
        Assert.All(dialog.Steps, row => Assert.NotNull(row.Prompt));
    }

    [Fact]
    public void The_rules_of_every_dialog_see_the_form_through_its_table()
    {
        using var bot = FormTestKit.Create();
        IConversationFlow flow = FormDialog(bot);
        var dialog = (Dialog<FormPhase>)flow;
        foreach (var phase in Enum.GetValues<FormPhase>())
        {
            var state = At(phase);
            Assert.Equal(phase, dialog.StepOf(state));
            // The activity list after /ghi is a list choice (left for another intent, closed when idle); every other phase keeps a draft.
            Assert.Equal(phase == FormPhase.Pick ? DialogKind.ListChoice : DialogKind.Form, flow.KindAt(state));
            Assert.False(flow.TakesAnyText(state));
        }
        // A form saved before phases had names (no "phase" key) is at a question.
        Assert.Equal(FormPhase.Ask, dialog.StepOf(new ConversationState { Flow = FormRunner.FlowName }));
        Assert.Null(dialog.StepOf(new ConversationState { Flow = "other" }));
    }

    [Fact]
    public void What_applies_at_every_phase_is_a_named_ordered_list_of_rules()
    {
        using var bot = FormTestKit.Create();
        var dialog = FormDialog(bot);
        Assert.Equal(
            ["reminder", "receipt-buttons", "leave", "resume", "form-gone", "field-index", "scope-changed", "evidence", "correction", "activity-intent", "stale-button"],
            dialog.Rules.Select(r => r.Name));
        var rule = dialog.Rules.ToDictionary(r => r.Name);
        Assert.All(Enum.GetValues<FormPhase>(), p => Assert.True(rule["leave"].AppliesAt(p)));
        Assert.False(rule["resume"].AppliesAt(FormPhase.Draft));
        Assert.False(rule["form-gone"].AppliesAt(FormPhase.Pick));
        Assert.True(rule["form-gone"].AppliesAt(FormPhase.Draft));
        Assert.False(rule["stale-button"].AppliesAt(FormPhase.Draft));
        Assert.True(rule["stale-button"].AppliesAt(FormPhase.NewFacilityPhone));
        Assert.Equal([FormPhase.Ask], Enum.GetValues<FormPhase>().Where(rule["activity-intent"].AppliesAt));
    }

    [Fact]
    public async Task A_form_saved_before_the_upgrade_two_answers_in_resumes_at_its_third_question_after_a_restart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kcb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var db = Path.Combine(folder, "bot.db");
        long id;
        using (var before = FormTestKit.Create(databasePath: db))
        {
            id = before.AddUser("o1", Role.Officer, "phu-tho").Id;
            FormTestKit.AddFacility(before, "Gốm Phù Lãng", "phu-tho");
            output.WriteLine(await FormTestKit.Talk(before, "o1", "ghi hội chợ", "Gốm Phù Lãng", "Hội chợ Xuân"));
            // Saved as the hand-written runner saved it: the phase by its historic name, the field index in Step.
            var saved = before.Store.Conversations.Get(id)!;
            Assert.Equal("form", saved.Flow);
            Assert.Equal("ask", saved.Data["phase"]);
            Assert.Equal("trade_fair", saved.Data["form"]);
            Assert.Equal("Hội chợ Xuân", saved.Data["a:fair_name"]);
            Assert.Equal(4, saved.Step);
        }
        using var after = FormTestKit.Create(databasePath: db);
        var resumed = await after.Say("4", "o1");
        output.WriteLine(resumed);
        Assert.Contains("✓ Số gian hàng: 4 gian hàng", resumed);
        Assert.Contains("❓ Ngày", resumed);
        Assert.Equal(5, after.Store.Conversations.Get(id)!.Step);
        Assert.Equal("ask", after.Store.Conversations.Get(id)!.Data["phase"]);
    }

    [Fact]
    public async Task A_form_saved_by_the_old_runner_at_a_new_facilitys_commune_continues_there()
    {
        using var bot = FormTestKit.WithOfficer();
        var id = bot.Store.Users.FindByIdentity("terminal:o1")!.Id;
        // Exactly the keys the hand-written runner wrote after "ghi hội chợ" and a new facility's name.
        bot.Store.Conversations.Save(new ConversationState
        {
            Id = id, Flow = "form", Step = 2, LastChannel = "terminal", LastChatId = "o1", UpdatedAt = DateTimeOffset.UtcNow,
            Data = new()
            {
                ["form"] = "trade_fair", ["fields"] = "2", ["phase"] = "nf_commune", ["a:province"] = "phu-tho",
                ["fq"] = "Cơ sở mộc Thành Đạt", ["nf:name"] = "Cơ sở mộc Thành Đạt",
            },
        });
        Assert.Contains("Cơ sở mộc Thành Đạt", await bot.Say("tiếp", "o1"));
        var next = await bot.Say("xã Phù Lãng", "o1");
        output.WriteLine(next);
        var state = bot.Store.Conversations.Get(id)!;
        Assert.Equal("form", state.Flow);
        Assert.Equal(2, state.Step);
        Assert.StartsWith("nf_", state.Data["phase"]);
        Assert.NotEqual("nf_commune", state.Data["phase"]);
    }
}
