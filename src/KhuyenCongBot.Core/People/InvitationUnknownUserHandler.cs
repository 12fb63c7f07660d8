using System.Globalization;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Core.People;

/// <summary>For people the bot does not know: redeems "/start CODE" (or a bare code) and otherwise explains how to get an invitation, keeping only a counter.</summary>
public sealed class InvitationUnknownUserHandler(IBotStore store, InvitationService invitations, AccessPolicy access) : IUnknownUserHandler
{
    public Task<(IReadOnlyList<Reply> Replies, BotUser? Registered)> HandleAsync(Incoming message, CancellationToken cancellationToken)
    {
        var english = message.LanguageCode?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;
        var code = CodeIn(message.Text);
        if (code is null || message.IsGroupChat)
        {
            return Task.FromResult(NotRegistered(message, english));
        }
        var (outcome, user) = invitations.Redeem(code, message, out var wait);
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        IReadOnlyList<Reply> replies = outcome switch
        {
            RedeemOutcome.Registered => [Reply.Of(Welcome(user!, english))],
            RedeemOutcome.LockedOut => [Reply.Of(english
                ? $"Too many wrong codes. No code is checked for the next {minutes} minute(s); please wait, then try again, or ask your administrator."
                : $"Đã có quá nhiều mã sai. Trong {minutes} phút tới bot không kiểm tra mã nào; bạn chờ rồi thử lại, hoặc liên hệ quản trị viên.")],
            RedeemOutcome.Revoked => [Reply.Of(english
                ? "This code has been cancelled (a newer code was made, or the account it belongs to changed). Ask for a new one."
                : "Mã này đã bị hủy (đã có mã mới hơn, hoặc tài khoản tạo mã đã thay đổi). Bạn hãy xin mã mới.")],
            RedeemOutcome.Deactivated => [Reply.Of(english
                ? "Your account has been deactivated; a code cannot bring it back. Ask an administrator to reactivate it."
                : "Tài khoản của bạn đã bị ngừng hoạt động; mã mời hay mã liên kết không kích hoạt lại được. Bạn hãy nhờ quản trị viên kích hoạt lại.")],
            RedeemOutcome.Expired => [Reply.Of(english
                ? "This invitation code has expired. Ask your administrator for a new one."
                : "Mã mời này đã hết hạn. Bạn hãy xin quản trị viên cấp mã mới.")],
            RedeemOutcome.AlreadyUsed => [Reply.Of(english
                ? "This invitation code has already been used. Each code works once; ask your administrator for a new one."
                : "Mã mời này đã được dùng. Mỗi mã chỉ dùng được một lần; bạn hãy xin quản trị viên cấp mã mới.")],
            _ => [Reply.Of(english
                ? "This invitation code is not valid. Check it (8 letters and digits) or ask your administrator."
                : "Mã mời không đúng. Bạn kiểm tra lại mã (8 chữ và số) hoặc liên hệ quản trị viên.")],
        };
        if (outcome != RedeemOutcome.Registered)
        {
            Count();
        }
        return Task.FromResult<(IReadOnlyList<Reply>, BotUser?)>((replies, outcome == RedeemOutcome.Registered ? user : null));
    }

    /// <summary>The code in "/start CODE", "/batdau CODE" or a bare code; null when the text carries none.</summary>
    internal static string? CodeIn(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.StartsWith('/'))
        {
            var parts = t.Split([' ', '\n'], 2, StringSplitOptions.RemoveEmptyEntries);
            var head = parts[0].Split('@')[0].ToLowerInvariant();
            if (head is not ("/start" or "/batdau") || parts.Length < 2)
            {
                return null;
            }
            return parts[1].Trim();
        }
        return InvitationService.LooksLikeCode(t) ? t : null;
    }

    private string Welcome(BotUser user, bool english)
    {
        var scope = access.ScopeName(user, english ? "en" : "vi");
        var role = Texts.RoleName(user.Role, english ? "en" : "vi");
        return english
            ? $"Welcome, {user.DisplayName}! You are registered among the {role} ({scope}). Type /help to see what you can do."
            : $"Chào mừng {user.DisplayName}! Bạn đã được đăng ký là {Singular(user.Role)} ({scope}). Gõ /help để xem bot làm được gì.";
    }

    private static string Singular(Role role) => role switch
    {
        Role.Admin => "quản trị viên",
        Role.Manager => "lãnh đạo/quản lý",
        _ => "cán bộ khuyến công",
    };

    private (IReadOnlyList<Reply>, BotUser?) NotRegistered(Incoming message, bool english)
    {
        Count();
        return ([Reply.Of(DefaultUnknownUserHandler.NotRegistered(english ? "en" : "vi"))], null);
    }

    private void Count()
    {
        var count = long.TryParse(store.Meta.Get("unknown-messages"), out var n) ? n : 0;
        store.Meta.Set("unknown-messages", (count + 1).ToString(CultureInfo.InvariantCulture));
    }
}
