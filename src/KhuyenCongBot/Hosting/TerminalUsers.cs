using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using KhuyenCongBot.Terminal;

namespace KhuyenCongBot.Hosting;

/// <summary>
/// The terminal's user (chat --user ID --role R --province P). Without --role a stored user is taken as it is; a new one is made
/// an admin only when it is the default user ("local") or the first terminal user, so the README's first command works. With --role
/// the role and scope are set as asked. A deactivated user is never brought back from the terminal, and an officer needs a province.
/// </summary>
public static class TerminalUsers
{
    /// <summary>The user of "chat" without --user.</summary>
    public const string DefaultUserId = "local";

    public const string OfficerNeedsProvince =
        "--role officer cần --province: cán bộ khuyến công làm việc cho một tỉnh/thành, ví dụ --role officer --province \"Phú Thọ\".";

    public static BotUser Ensure(IBotStore store, BotClock clock, string userId, Role? role, string? provinceId)
    {
        if (role == Role.Officer && provinceId is null)
        {
            throw new ConfigurationException(OfficerNeedsProvince);
        }
        var identity = $"{TerminalChannel.ChannelName}:{userId}";
        var user = store.Users.FindByIdentity(identity);
        if (user is { Active: false })
        {
            throw new ConfigurationException(
                $"Người dùng '{userId}' đã bị quản trị viên ngừng hoạt động; terminal không kích hoạt lại. "
                + "Quản trị viên kích hoạt lại bằng /nguoidung (Kích hoạt lại), hoặc dùng --user khác.");
        }
        var scopeKind = provinceId is null ? ScopeKind.All : ScopeKind.Province;
        if (user is null)
        {
            if (role is null && userId != DefaultUserId
                && store.Users.All().Any(u => u.Identities.Any(i => i.StartsWith(TerminalChannel.ChannelName + ":", StringComparison.Ordinal))))
            {
                throw new ConfigurationException(
                    $"Chưa có người dùng '{userId}' trên terminal. Thêm --role admin|manager|officer để tạo (cán bộ thêm --province \"Tên tỉnh\").");
            }
            user = new BotUser
            {
                DisplayName = userId, Role = role ?? Role.Admin, ScopeKind = scopeKind, ScopeId = provinceId,
                Identities = [identity], CreatedAt = clock.Now,
            };
            user.Id = store.Users.Add(user);
        }
        else if (role is { } asked && (user.Role != asked || user.ScopeKind != scopeKind || user.ScopeId != provinceId))
        {
            user.Role = asked;
            user.ScopeKind = scopeKind;
            user.ScopeId = provinceId;
            store.Users.Update(user);
        }
        return user;
    }
}
