using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.People;

/// <summary>/invite (/moi) and /users (/nguoidung): admins invite people and manage who may use the bot.</summary>
public sealed partial class PeopleModule : IBotModule
{
    private readonly InvitationService invitations;
    private readonly AccessPolicy access;
    private readonly CatalogueIndex catalogue;
    private readonly Dialog<InviteStep> _invite;
    private readonly Dialog<UsersStep> _users;

    public PeopleModule(InvitationService invitations, AccessPolicy access, CatalogueIndex catalogue)
    {
        this.invitations = invitations;
        this.access = access;
        this.catalogue = catalogue;
        _invite = InviteDialog();
        _users = UsersDialog();
    }

    public const string InviteFlow = "people.invite";
    public const string UsersFlow = "people.users";
    private const int MaxListed = 20;

    public IEnumerable<BotCommand> Commands =>
    [
        new("invite", ["moi"], "Tạo mã mời người dùng mới", "Invite a new user", Role.Admin, InviteAsync, PrivateOnly: true),
        new("users", ["nguoidung"], "Xem, sửa, ngừng người dùng", "List, change, deactivate users", Role.Admin, UsersAsync, PrivateOnly: true),
    ];

    public IEnumerable<IConversationFlow> Flows => [_invite, _users];

    // ---------- shared steps ----------

    /// <summary>The scope step of both dialogs: a scope, or "one province" leading to <paramref name="provinceStep"/>.</summary>
    private DialogMove<TStep> ChooseScope<TStep>(DialogTurn turn, TStep provinceStep, Func<ScopeKind, string?, DialogMove> done)
        where TStep : struct, Enum
    {
        var input = turn.Input;
        if (input == "scope:all")
        {
            return done(ScopeKind.All, null);
        }
        if (input.StartsWith("scope:region:", StringComparison.Ordinal) && catalogue.Region(input["scope:region:".Length..]) is { } region)
        {
            return done(ScopeKind.Region, region.Id);
        }
        return input == "scope:province"
            ? provinceStep
            : DialogMove.Stay(turn.T("Bạn chọn một phạm vi trong danh sách:", "Pick one of the scopes:"));
    }

    /// <summary>The current province typed (saying when it was merged into another), or null with <paramref name="error"/>.</summary>
    private ProvinceUnit? FindProvince(BotContext context, string input, out string? error)
    {
        var unit = catalogue.FindProvince(input);
        var current = unit is null ? null : catalogue.CurrentOf(unit.Id);
        error = null;
        if (current is null)
        {
            error = context.T(
                $"Không tìm thấy tỉnh/thành \"{input}\". Bạn gõ tên tỉnh/thành hiện nay (ví dụ: Phú Thọ, Hà Nội) hoặc mã tỉnh (ví dụ: 25), hoặc /huy.",
                $"No province \"{input}\". Type a current province name (e.g. Phu Tho) or code (e.g. 25), or /cancel.");
            return null;
        }
        if (unit!.Id != current.Id || !unit.IsCurrent)
        {
            context.Say(context.T(
                $"{unit.ShortName} nay thuộc {current.ShortName} (sáp nhập từ 1/7/2025); phạm vi là {current.ShortName}.",
                $"{unit.ShortName} is now part of {current.ShortName} (merged on 1/7/2025); the scope is {current.ShortName}."));
        }
        return current;
    }

    private static Reply ProvincePrompt(BotContext context) =>
        Reply.Of(context.T("Tỉnh/thành nào? Gõ tên (ví dụ: Phú Thọ) hoặc mã tỉnh (ví dụ: 25).", "Which province? Type its name (e.g. Phu Tho) or code (e.g. 25)."));

    private List<Choice> ScopeChoices(BotContext context) =>
    [
        new(context.T("Một tỉnh/thành", "One province"), "scope:province"),
        .. catalogue.Regions.Select(r => new Choice(r.Name, "scope:region:" + r.Id)),
        new(context.T("Cả nước", "Whole country"), "scope:all"),
    ];

    private static List<Choice> RoleChoices(BotContext context) =>
    [
        new(context.T("Cán bộ khuyến công", "Officer"), "role:officer"),
        new(context.T("Lãnh đạo, quản lý", "Manager"), "role:manager"),
        new(context.T("Quản trị viên", "Admin"), "role:admin"),
    ];

    private static Role? ParseRole(string input) => input switch
    {
        "role:officer" => Role.Officer,
        "role:manager" => Role.Manager,
        "role:admin" => Role.Admin,
        _ => Broadcasts.VnDateTimeParser.Strip(VnText.FoldWords(input)) switch
        {
            "can bo" or "can bo khuyen cong" or "officer" => Role.Officer,
            "quan ly" or "lanh dao" or "manager" => Role.Manager,
            "quan tri" or "quan tri vien" or "admin" => Role.Admin,
            _ => null,
        },
    };

    private string Summary(BotUser user, string language) =>
        $"{user.DisplayName} ({RoleLabel(user.Role, language)}, {access.ScopeName(user, language)}{(user.Active ? "" : language == "en" ? ", deactivated" : ", đã ngừng")})";

    /// <summary>Singular role name: "cán bộ", "quản lý", "quản trị viên".</summary>
    public static string RoleLabel(Role role, string language) => (role, language) switch
    {
        (Role.Admin, "en") => "admin",
        (Role.Manager, "en") => "manager",
        (Role.Officer, "en") => "officer",
        (Role.Admin, _) => "quản trị viên",
        (Role.Manager, _) => "lãnh đạo/quản lý",
        _ => "cán bộ khuyến công",
    };

    /// <summary>Stops a dialog when its person is no longer an admin (e.g. demoted while it was open).</summary>
    private static string? Refusal(BotContext context) => context.IsAdmin && context.User.Active
        ? null
        : context.T("Thao tác này chỉ dành cho quản trị viên. Bạn không có quyền.", "This is for admins only.");
}
