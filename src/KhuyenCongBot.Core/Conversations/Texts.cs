using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>Shared wording, Vietnamese first.</summary>
public static class Texts
{
    /// <summary>A role in the plural ("quản trị viên", "officers"), from seeds/texts.</summary>
    public static string RoleName(BotContext context, Role role) => RoleName(context.Texts, context.Language, role);

    /// <inheritdoc cref="RoleName(BotContext, Role)"/>
    public static string RoleName(UserTexts texts, string language, Role role) => role switch
    {
        Role.Admin => texts.Text(language, "roles.admins"),
        Role.Manager => texts.Text(language, "roles.managers"),
        _ => texts.Text(language, "roles.officers"),
    };

    /// <summary>The same words kept inline for the figures' scope replies, which do not use seeds/texts yet.</summary>
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
