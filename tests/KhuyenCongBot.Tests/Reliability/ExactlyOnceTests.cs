using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>Saving a form, moving the conversation on and marking the update handled are one transaction; a redelivered update changes nothing.</summary>
public sealed class ExactlyOnceTests
{
    private const long Officer = 2001;

    [Fact]
    public async Task A_saved_record_is_committed_together_with_the_closed_form_and_the_update_mark_and_a_redelivery_saves_nothing()
    {
        using var host = CoreHost.Create();
        var user = host.AddUser(Officer, Role.Officer, "bac-ninh");
        var update = 0;
        string? currentKey = null;
        (bool Marked, string? Flow)? seenAtCommit = null;
        // Raised once the record's transaction has committed: whatever is in the store now survives a crash at this instant.
        host.Store.Records.Changed += change =>
        {
            if (change.After is not null)
            {
                seenAtCommit = (((KhuyenCongBot.Storage.MetaRepository)host.Store.Meta).MarkStored(currentKey!), host.Store.Conversations.Get(user.Id)?.Flow);
            }
        };

        Incoming? save = null;
        Incoming? booths = null;
        var next = "/ghi";
        for (var step = 0; step < 40 && seenAtCommit is null; step++)
        {
            currentKey = "telegram:" + ++update;
            var message = new Incoming { Channel = "telegram", ChatId = "2001", UserId = "2001", Text = next, UpdateKey = currentKey };
            save = next == "Lưu" ? message : save;
            booths = next == "3" && step > 2 ? booths ?? message : booths;
            var replies = await host.Engine.HandleAsync(message);
            var last = replies.Select(r => TextRendering.Render(r, KhuyenCongBot.Tests.Support.TestTexts.Seeds, "vi")).LastOrDefault(t => t.Contains("Kiểm tra trước khi lưu") || FormOfficer.AnswerTo(t, Officer, "Hội chợ thử 1") is not null);
            if (last is null)
            {
                break;
            }
            next = last.Contains("Kiểm tra trước khi lưu") ? "Lưu" : FormOfficer.AnswerTo(last, Officer, "Hội chợ thử 1")!;
        }

        Assert.NotNull(seenAtCommit);
        Assert.True(seenAtCommit.Value.Marked, "the record was committed before its update was marked handled: a crash there saves it twice");
        Assert.Null(seenAtCommit.Value.Flow);
        Assert.Equal(1, host.Store.Records.Count());

        // Telegram delivers the "Lưu" update again (the bot died before confirming it): nothing happens.
        Assert.Empty(await host.Engine.HandleAsync(save!));
        Assert.Equal(1, host.Store.Records.Count());
        // An old answer delivered again does not move the (new) conversation on either.
        var before = host.Store.Conversations.Get(user.Id)!;
        Assert.Empty(await host.Engine.HandleAsync(booths!));
        var after = host.Store.Conversations.Get(user.Id)!;
        Assert.Equal(before.Flow, after.Flow);
        Assert.Equal(before.Step, after.Step);
        Assert.Empty(host.Errors);
    }
}
