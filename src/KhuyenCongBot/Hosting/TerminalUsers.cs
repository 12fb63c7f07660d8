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

    public static BotUser Ensure(IBotStore store, BotClock clock, string userId, Role? role, string? provinceId) =>
        Ensure(store, clock, userId, role, provinceId, out _);

    /// <param name="before">The stored role and province when --role changed them (said to the operator and kept in the audit trail).</param>
    public static BotUser Ensure(IBotStore store, BotClock clock, string userId, Role? role, string? provinceId, out (Role Role, string? ProvinceId)? before)
    {
        before = null;
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
            // The terminal is the operator's tool and may set a role, but never silently: the operator is told what it replaced,
            // and the audit trail keeps it as it keeps an admin's change made with /nguoidung.
            before = (user.Role, user.ScopeKind == ScopeKind.Province ? user.ScopeId : null);
            store.Audit.Add(new AuditEntry
            {
                At = clock.Now, UserId = user.Id, Action = "terminal-role", Entity = "user", EntityId = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Before = $"{user.Role} {user.ScopeId}".TrimEnd(), After = $"{asked} {provinceId}".TrimEnd(),
            });
            user.Role = asked;
            user.ScopeKind = scopeKind;
            user.ScopeId = provinceId;
            store.Users.Update(user);
        }
        return user;
    }

    /// <summary>"Người dùng 'local' trước đây là quản trị viên (cả nước); theo --role/--province nay là cán bộ khuyến công (Phú Thọ)."</summary>
    public static string ChangeNotice(string userId, (Role Role, string? ProvinceId) before, BotUser now, Func<string, string> provinceName) =>
        $"Người dùng '{userId}' trước đây là {Describe(before.Role, before.ProvinceId, provinceName)}; theo --role/--province nay là "
        + $"{Describe(now.Role, now.ScopeKind == ScopeKind.Province ? now.ScopeId : null, provinceName)} (đã ghi vào nhật ký thay đổi).";

    private static string Describe(Role role, string? provinceId, Func<string, string> provinceName) =>
        (role switch { Role.Admin => "quản trị viên", Role.Manager => "lãnh đạo, quản lý", _ => "cán bộ khuyến công" })
        + " (" + (provinceId is null ? "cả nước" : provinceName(provinceId)) + ")";
}
