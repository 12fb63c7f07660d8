using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>Shared wording, Vietnamese first.</summary>
public static class Texts
{
    public static string RoleName(Role role, string language) => (role, language) switch
    {
        (Role.Admin, "en") => "admins",
        (Role.Manager, "en") => "managers",
        (Role.Officer, "en") => "officers",
        (Role.Admin, _) => "quản trị viên",
        (Role.Manager, _) => "lãnh đạo/quản lý",
        _ => "cán bộ khuyến công",
    };
}
