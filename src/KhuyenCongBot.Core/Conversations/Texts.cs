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
}
