using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.People;

/// <summary>/invite (/moi) and /users (/nguoidung): admins invite people and manage who may use the bot.</summary>
public sealed class PeopleModule(InvitationService invitations, AccessPolicy access, CatalogueIndex catalogue) : IBotModule
{
    public const string InviteFlow = "people.invite";
    public const string UsersFlow = "people.users";
    private const int MaxListed = 20;

    public IEnumerable<BotCommand> Commands =>
    [
        new("invite", ["moi"], "Tạo mã mời người dùng mới", "Invite a new user", Role.Admin, InviteAsync, PrivateOnly: true),
        new("users", ["nguoidung"], "Xem, sửa, ngừng người dùng", "List, change, deactivate users", Role.Admin, UsersAsync, PrivateOnly: true),
    ];

    public IEnumerable<IConversationFlow> Flows => [new Flow(InviteFlow, ContinueInviteAsync), new Flow(UsersFlow, ContinueUsersAsync)];

    // ---------- /invite ----------

    private Task InviteAsync(BotContext context, string arguments, CancellationToken ct)
    {
        context.State.Clear();
        context.State.Flow = InviteFlow;
        context.State.Step = 0;
        context.Ask(context.T("Mời người dùng mới với vai trò nào?", "Invite someone as:"), RoleChoices(context));
        return Task.CompletedTask;
    }

    private Task ContinueInviteAsync(BotContext context, string input, bool isButton, CancellationToken ct)
    {
        if (!Allowed(context))
        {
            return Task.CompletedTask;
        }
        var state = context.State;
        switch (state.Step)
        {
            case 0:
                if (ParseRole(input) is not { } role)
                {
                    context.Ask(context.T("Bạn chọn một vai trò trong danh sách:", "Pick one of the roles:"), RoleChoices(context));
                    return Task.CompletedTask;
                }
                state.Data["role"] = role.ToString();
                if (role == Role.Admin)
                {
                    Invite(context, role, ScopeKind.All, null);
                }
                else if (role == Role.Officer)
                {
                    state.Step = 2;
                    AskProvince(context);
                }
                else
                {
                    state.Step = 1;
                    context.Ask(context.T("Phạm vi số liệu người này được xem:", "Which figures may this person see?"), ScopeChoices(context));
                }
                return Task.CompletedTask;
            case 1:
                return ChooseScope(context, input, (kind, id) => Invite(context, Enum.Parse<Role>(state.Data["role"]), kind, id));
            default:
                if (FindProvince(context, input) is { } province)
                {
                    Invite(context, Enum.Parse<Role>(state.Data["role"]), ScopeKind.Province, province.Id);
                }
                return Task.CompletedTask;
        }
    }

    private void Invite(BotContext context, Role role, ScopeKind kind, string? scopeId)
    {
        context.State.Clear();
        var invitation = invitations.Create(context.User, role, kind, scopeId);
        var link = invitations.DeepLink(invitation.Code);
        var scope = access.ScopeName(kind, scopeId, context.Language);
        var days = (int)Math.Round((invitation.ExpiresAt - invitation.CreatedAt).TotalDays);
        var sb = new StringBuilder();
        sb.AppendLine(context.T(
            $"Đã tạo mã mời cho {RoleLabel(role, "vi")} ({scope}): {invitation.Code}",
            $"Invitation created for {RoleLabel(role, "en")} ({scope}): {invitation.Code}"));
        sb.AppendLine(context.T(
            $"Hạn dùng: đến {VnFormat.DateTime(invitation.ExpiresAt)} ({days} ngày), chỉ dùng được một lần.",
            $"Valid until {VnFormat.DateTime(invitation.ExpiresAt)} ({days} days), single use."));
        sb.AppendLine(link is null
            ? context.T("Liên kết Telegram: sẽ có khi bot được kết nối với Telegram.", "Telegram link: available once Telegram is connected.")
            : context.T($"Liên kết Telegram: {link}", $"Telegram link: {link}"));
        sb.Append(context.T(
            $"Trên kênh khác (Zalo...), người được mời gửi cho bot: /start {invitation.Code} (hoặc chỉ gửi mã).",
            $"On other channels (Zalo...), the person sends the bot: /start {invitation.Code} (or just the code)."));
        context.Say(sb.ToString());
    }

    // ---------- /users ----------

    private Task UsersAsync(BotContext context, string arguments, CancellationToken ct)
    {
        context.State.Clear();
        var filter = VnText.FoldWords(arguments);
        var users = context.Store.Users.All()
            .Where(u => filter.Length == 0 || VnText.FoldWords($"{u.DisplayName} {access.ScopeName(u, "vi")} {Texts.RoleName(u.Role, "vi")} {string.Join(' ', u.Identities)}").Contains(filter, StringComparison.Ordinal))
            .OrderByDescending(u => u.Active).ThenBy(u => u.DisplayName, StringComparer.Ordinal).ToList();
        if (users.Count == 0)
        {
            context.Say(context.T($"Không có người dùng nào khớp \"{arguments}\".", $"No user matches \"{arguments}\"."));
            return Task.CompletedTask;
        }
        var active = users.Count(u => u.Active);
        var sb = new StringBuilder(context.T(
            $"Có {VnFormat.Number(users.Count)} người dùng ({VnFormat.Number(active)} đang hoạt động).",
            $"{users.Count} users ({active} active)."));
        if (users.Count > MaxListed)
        {
            sb.Append(context.T(
                $" Hiện {MaxListed} người đầu; gõ /nguoidung <tên hoặc tỉnh> để lọc.",
                $" Showing the first {MaxListed}; type /users <name or province> to filter."));
        }
        sb.Append(context.T(" Chọn một người để sửa:", " Pick someone to change:"));
        context.State.Flow = UsersFlow;
        context.State.Step = 0;
        context.Ask(sb.ToString(), users.Take(MaxListed).Select(u => new Choice(Summary(u, context.Language), "u:" + u.Id.ToString(CultureInfo.InvariantCulture))));
        return Task.CompletedTask;
    }

    private Task ContinueUsersAsync(BotContext context, string input, bool isButton, CancellationToken ct)
    {
        if (!Allowed(context))
        {
            return Task.CompletedTask;
        }
        var state = context.State;
        if (state.Step == 0)
        {
            if (!input.StartsWith("u:", StringComparison.Ordinal) || !long.TryParse(input[2..], out var id) || context.Store.Users.Get(id) is not { } picked)
            {
                context.Ask(context.T("Bạn chọn một người trong danh sách (gõ số thứ tự), hoặc /huy.", "Pick someone from the list, or /cancel."), state.LastChoices);
                return Task.CompletedTask;
            }
            state.Data["user"] = picked.Id.ToString(CultureInfo.InvariantCulture);
            state.Step = 1;
            ShowActions(context, picked);
            return Task.CompletedTask;
        }
        var target = context.Store.Users.Get(long.Parse(state.Data["user"], CultureInfo.InvariantCulture));
        if (target is null)
        {
            state.Clear();
            context.Say(context.T("Không còn người dùng này.", "That user no longer exists."));
            return Task.CompletedTask;
        }
        switch (state.Step)
        {
            case 1:
                return ChooseAction(context, target, input);
            case 2:
                if (ParseRole(input) is not { } role)
                {
                    context.Ask(context.T("Bạn chọn một vai trò:", "Pick a role:"), RoleChoices(context));
                    return Task.CompletedTask;
                }
                if (role == Role.Officer && target.ScopeKind != ScopeKind.Province)
                {
                    state.Data["role"] = role.ToString();
                    state.Step = 4;
                    AskProvince(context);
                    return Task.CompletedTask;
                }
                Apply(context, target, u =>
                {
                    u.Role = role;
                    if (role == Role.Admin)
                    {
                        u.ScopeKind = ScopeKind.All;
                        u.ScopeId = null;
                    }
                });
                return Task.CompletedTask;
            case 3:
                if (target.Role == Role.Officer && input != "scope:province")
                {
                    context.Ask(context.T("Cán bộ khuyến công chỉ làm việc cho một tỉnh/thành. Chọn \"Một tỉnh/thành\":", "An officer works for one province. Pick \"One province\":"), ScopeChoices(context));
                    return Task.CompletedTask;
                }
                return ChooseScope(context, input, (kind, id) => Apply(context, target, u => { u.ScopeKind = kind; u.ScopeId = id; }));
            default:
                if (FindProvince(context, input) is { } province)
                {
                    var newRole = state.Data.TryGetValue("role", out var r) ? Enum.Parse<Role>(r) : target.Role;
                    Apply(context, target, u => { u.Role = newRole; u.ScopeKind = ScopeKind.Province; u.ScopeId = province.Id; });
                }
                return Task.CompletedTask;
        }
    }

    private Task ChooseAction(BotContext context, BotUser target, string input)
    {
        var self = target.Id == context.User.Id;
        switch (input)
        {
            case "a:role" when !self:
                context.State.Step = 2;
                context.Ask(context.T($"Vai trò mới của {target.DisplayName}:", $"New role for {target.DisplayName}:"), RoleChoices(context));
                break;
            case "a:scope" when target.Role != Role.Admin:
                context.State.Step = 3;
                context.Ask(context.T($"Phạm vi mới của {target.DisplayName}:", $"New scope for {target.DisplayName}:"), ScopeChoices(context));
                break;
            case "a:deactivate" when !self:
                Apply(context, target, u => u.Active = false);
                break;
            case "a:activate":
                Apply(context, target, u => u.Active = true);
                break;
            case "a:back":
                context.State.Clear();
                return UsersAsync(context, "", CancellationToken.None);
            case "a:role" or "a:deactivate":
                context.State.Clear();
                context.Say(context.T(
                    "Bạn không thể tự đổi vai trò hoặc tự ngừng tài khoản của mình (để không ai bị khóa ngoài bot). Nhờ một quản trị viên khác làm việc này.",
                    "You cannot change your own role or deactivate yourself; ask another admin."));
                break;
            default:
                ShowActions(context, target);
                break;
        }
        return Task.CompletedTask;
    }

    private void ShowActions(BotContext context, BotUser user)
    {
        var sb = new StringBuilder();
        sb.AppendLine(user.DisplayName);
        sb.AppendLine(context.T($"Vai trò: {RoleLabel(user.Role, "vi")}", $"Role: {RoleLabel(user.Role, "en")}"));
        sb.AppendLine(context.T($"Phạm vi: {access.ScopeName(user, "vi")}", $"Scope: {access.ScopeName(user, "en")}"));
        sb.AppendLine(context.T($"Trạng thái: {(user.Active ? "đang hoạt động" : "đã ngừng")}", $"Status: {(user.Active ? "active" : "deactivated")}"));
        sb.AppendLine(context.T($"Tài khoản: {string.Join(", ", user.Identities)}", $"Accounts: {string.Join(", ", user.Identities)}"));
        sb.Append(context.T($"Ngày đăng ký: {VnFormat.DateTime(user.CreatedAt)}", $"Registered: {VnFormat.DateTime(user.CreatedAt)}"));
        var choices = new List<Choice> { new(context.T("Đổi vai trò", "Change role"), "a:role") };
        if (user.Role != Role.Admin)
        {
            choices.Add(new(context.T("Đổi phạm vi", "Change scope"), "a:scope"));
        }
        choices.Add(user.Active
            ? new(context.T("Ngừng hoạt động", "Deactivate"), "a:deactivate")
            : new(context.T("Kích hoạt lại", "Reactivate"), "a:activate"));
        choices.Add(new(context.T("Quay lại danh sách", "Back to the list"), "a:back", Numbered: false));
        context.Ask(sb.ToString(), choices);
    }

    private void Apply(BotContext context, BotUser target, Action<BotUser> change)
    {
        var before = InvitationService.Describe(target);
        change(target);
        var after = InvitationService.Describe(target);
        context.State.Clear();
        if (before == after)
        {
            context.Say(context.T("Không có gì thay đổi.", "Nothing changed."));
            return;
        }
        context.Store.Users.Update(target);
        invitations.Audit(context.User.Id, "change", "user", target.Id.ToString(CultureInfo.InvariantCulture), before, after);
        // Codes carry no authority of their own: none made before this change (link codes, invitations they made) still works.
        invitations.RevokeOutstanding(target, context.User.Id, "person-changed");
        context.Say(target.Active
            ? context.T($"Đã cập nhật: {Summary(target, "vi")}.", $"Updated: {Summary(target, "en")}.")
            : context.T(
                $"Đã ngừng hoạt động {target.DisplayName}. Từ bây giờ bot coi người này như người chưa đăng ký.",
                $"{target.DisplayName} is deactivated. From now on the bot treats them as unknown."));
    }

    // ---------- shared steps ----------

    private Task ChooseScope(BotContext context, string input, Action<ScopeKind, string?> done)
    {
        if (input == "scope:all")
        {
            done(ScopeKind.All, null);
        }
        else if (input.StartsWith("scope:region:", StringComparison.Ordinal) && catalogue.Region(input["scope:region:".Length..]) is { } region)
        {
            done(ScopeKind.Region, region.Id);
        }
        else if (input == "scope:province")
        {
            context.State.Step = 4 - (context.State.Flow == InviteFlow ? 2 : 0);
            AskProvince(context);
        }
        else
        {
            context.Ask(context.T("Bạn chọn một phạm vi trong danh sách:", "Pick one of the scopes:"), ScopeChoices(context));
        }
        return Task.CompletedTask;
    }

    private ProvinceUnit? FindProvince(BotContext context, string input)
    {
        var unit = catalogue.FindProvince(input);
        var current = unit is null ? null : catalogue.CurrentOf(unit.Id);
        if (current is null)
        {
            context.Say(context.T(
                $"Không tìm thấy tỉnh/thành \"{input}\". Bạn gõ tên tỉnh/thành hiện nay (ví dụ: Phú Thọ, Hà Nội) hoặc mã tỉnh (ví dụ: 25), hoặc /huy.",
                $"No province \"{input}\". Type a current province name (e.g. Phu Tho) or code (e.g. 25), or /cancel."));
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

    private static void AskProvince(BotContext context) =>
        context.Say(context.T("Tỉnh/thành nào? Gõ tên (ví dụ: Phú Thọ) hoặc mã tỉnh (ví dụ: 25).", "Which province? Type its name (e.g. Phu Tho) or code (e.g. 25)."));

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

    /// <summary>Stops a flow when its person is no longer an admin (e.g. demoted while the flow was open).</summary>
    private static bool Allowed(BotContext context)
    {
        if (context.IsAdmin && context.User.Active)
        {
            return true;
        }
        context.State.Clear();
        context.Say(context.T("Thao tác này chỉ dành cho quản trị viên. Bạn không có quyền.", "This is for admins only."));
        return false;
    }

    private sealed class Flow(string name, Func<BotContext, string, bool, CancellationToken, Task> next) : IConversationFlow
    {
        public string Name => name;

        public Task ContinueAsync(BotContext context, string input, bool isButton, CancellationToken cancellationToken) =>
            next(context, input, isButton, cancellationToken);

        public string Describe(BotContext context) => name == InviteFlow
            ? context.T("tạo mã mời", "creating an invitation")
            : context.T("sửa người dùng", "changing a user");
    }
}
