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
    private readonly UserTexts texts;
    private readonly Dialog<InviteStep> _invite;
    private readonly Dialog<UsersStep> _users;

    public PeopleModule(InvitationService invitations, AccessPolicy access, CatalogueIndex catalogue, UserTexts texts)
    {
        this.texts = texts;
        this.invitations = invitations;
        this.access = access;
        this.catalogue = catalogue;
        _invite = InviteDialog();
        _users = UsersDialog();
    }

    public const string InviteFlow = "people.invite";
    public const string UsersFlow = "people.users";
    private const int MaxListed = 20;
    private const string English = "en";

    public IEnumerable<BotCommand> Commands =>
    [
        new("invite", ["moi"], texts.Text(UserTexts.Vietnamese, "people.command_invite"), texts.Text(English, "people.command_invite"), Role.Admin, InviteAsync, PrivateOnly: true),
        new("users", ["nguoidung"], texts.Text(UserTexts.Vietnamese, "people.command_users"), texts.Text(English, "people.command_users"), Role.Admin, UsersAsync, PrivateOnly: true),
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
            : DialogMove.Stay(turn.Text("people.pick_one_scopes"));
    }

    /// <summary>The current province typed (saying when it was merged into another), or null with <paramref name="error"/>.</summary>
    private ProvinceUnit? FindProvince(BotContext context, string input, out string? error)
    {
        var unit = catalogue.FindProvince(input);
        var current = unit is null ? null : catalogue.CurrentOf(unit.Id);
        error = null;
        if (current is null)
        {
            error = context.Text("people.province_not_found", ("input", input));
            return null;
        }
        if (unit!.Id != current.Id || !unit.IsCurrent)
        {
            context.Say(context.Text("people.province_merged", ("short_name", unit.ShortName), ("short_name2", current.ShortName)));
        }
        return current;
    }

    private static Reply ProvincePrompt(BotContext context) =>
        Reply.Of(context.Text("people.which_province"));

    private List<Choice> ScopeChoices(BotContext context) =>
    [
        new(context.Text("people.scope_one_province"), "scope:province"),
        .. catalogue.Regions.Select(r => new Choice(r.Name, "scope:region:" + r.Id)),
        new(context.Text("people.scope_whole_country"), "scope:all"),
    ];

    private static List<Choice> RoleChoices(BotContext context) =>
    [
        new(context.Text("people.choice_officer"), "role:officer"),
        new(context.Text("people.choice_manager"), "role:manager"),
        new(context.Text("people.choice_admin"), "role:admin"),
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
        $"{user.DisplayName} ({RoleLabel(user.Role, language)}, {access.ScopeName(user, language)}{(user.Active ? "" : texts.Text(language, "people.summary_deactivated"))})";

    /// <summary>Singular role name: "cán bộ khuyến công", "officer".</summary>
    private string RoleLabel(Role role, string language) => role switch
    {
        Role.Admin => texts.Text(language, "people.role_admin"),
        Role.Manager => texts.Text(language, "people.role_manager"),
        _ => texts.Text(language, "people.role_officer"),
    };

    /// <summary>Stops a dialog when its person is no longer an admin (e.g. demoted while it was open).</summary>
    private static string? Refusal(BotContext context) => context.IsAdmin && context.User.Active
        ? null
        : context.Text("people.admins_only");
}
