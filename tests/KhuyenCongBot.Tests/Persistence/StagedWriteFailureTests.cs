using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.Persistence;

/// <summary>When the transaction that saves a message fails, the person is told so, nothing of it is kept, and a redelivery is handled.</summary>
public sealed class StagedWriteFailureTests
{
    /// <summary>/ghithu stages a meta write and moves the conversation on; its staged write fails while <see cref="Fail"/> is set.</summary>
    private sealed class StagingModule : IBotModule
    {
        public bool Fail { get; set; } = true;

        public IEnumerable<BotCommand> Commands =>
        [
            new("ghithu", [], "Ghi thử", "Test write", Role.Officer, (c, _, _) =>
            {
                c.State.Flow = "thu";
                c.CommitAtomically(() =>
                {
                    c.Store.Meta.Set("staged", "written");
                    if (Fail)
                    {
                        throw new IOException("disk full");
                    }
                });
                c.Say("Đã ghi thử.");
                return Task.CompletedTask;
            }, InMenu: false),
        ];
    }

    [Fact]
    public async Task A_failed_save_is_reported_in_Vietnamese_keeps_nothing_and_the_same_update_is_handled_when_redelivered()
    {
        var module = new StagingModule();
        using var host = BotHarness.Create(new DateOnly(2024, 6, 20), settings: new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" },
            configure: s => s.AddSingleton<IBotModule>(module));
        var user = host.AddUser("5001", Role.Officer, "bac-ninh", channel: "telegram");
        var message = new Incoming { Channel = "telegram", ChatId = "5001", UserId = "5001", Text = "/ghithu", UpdateKey = "telegram:777" };

        var replies = await host.Engine.HandleAsync(message);

        var text = Assert.Single(replies).Text;
        Assert.Contains("chưa lưu được", text);
        Assert.DoesNotContain("Đã ghi thử", text);
        Assert.DoesNotContain("disk full", text);
        Assert.Null(host.Store.Meta.Get("staged"));
        Assert.Null(host.Store.Conversations.Get(user.Id)?.Flow);
        Assert.False(host.Store.Meta.IsHandled("telegram:777"));
        Assert.Contains(host.Errors, e => e.Contains("Saving a message"));

        // The platform delivers the same update again once the fault is gone: it is handled, once.
        module.Fail = false;
        Assert.Equal("Đã ghi thử.", Assert.Single(await host.Engine.HandleAsync(message)).Text);
        Assert.Equal("written", host.Store.Meta.Get("staged"));
        Assert.Equal("thu", host.Store.Conversations.Get(user.Id)?.Flow);
        Assert.Empty(await host.Engine.HandleAsync(message));
    }
}
