using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.People;

/// <summary>/lienket (/link): one person, several channels — a code that attaches another channel's account to this user.</summary>
public sealed class AccountLinkModule(InvitationService invitations) : IBotModule
{
    public IEnumerable<BotCommand> Commands =>
    [
        new("link", ["lienket"], "Liên kết tài khoản Zalo/Telegram khác với bạn", "Link your account on another channel", Role.Officer, LinkAsync, PrivateOnly: true),
    ];

    private Task LinkAsync(BotContext context, string arguments, CancellationToken ct)
    {
        var code = invitations.CreateLink(context.User);
        var channels = string.Join(", ", context.User.Identities.Select(i => i.Split(':')[0]).Distinct());
        context.Say(context.T(
            $"Mã liên kết của bạn: {code.Code} (dùng một lần, hết hạn {VnFormat.DateTime(code.ExpiresAt)}).\n" +
            "Mở bot trên kênh kia (Zalo hoặc Telegram) và gửi đúng mã này (hoặc /start " + code.Code + "). " +
            $"Hai tài khoản sẽ là một người: cùng quyền, cùng bản nháp, cùng lịch sử. Đang liên kết: {channels}.",
            $"Your link code: {code.Code} (single use, expires {VnFormat.DateTime(code.ExpiresAt)}). Send it to the bot on the other channel " +
            $"(or /start {code.Code}); both accounts become one person with the same rights, drafts and history. Linked now: {channels}."));
        return Task.CompletedTask;
    }
}
