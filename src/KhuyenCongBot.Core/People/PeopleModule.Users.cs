using System.Globalization;
using System.Text;
using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.People;

/// <summary>The steps of /users (/nguoidung). Their values are saved with the conversation: never renumber them.</summary>
public enum UsersStep
{
    Pick = 0,
    Action = 1,
    Role = 2,
    Scope = 3,
    Province = 4,
}

public sealed partial class PeopleModule
{
    private const string FilterKey = "filter";

    private Task UsersAsync(BotContext context, string arguments, CancellationToken ct)
    {
        if (Listed(context, arguments).Count == 0)
        {
            context.State.Clear();
            context.Say(context.T($"Không có người dùng nào khớp \"{arguments}\".", $"No user matches \"{arguments}\"."));
            return Task.CompletedTask;
        }
        _users.Start(context, UsersStep.Pick, new Dictionary<string, string> { [FilterKey] = arguments });
        return Task.CompletedTask;
    }

    /// <summary>/nguoidung: pick someone, then what to change (role, scope, active), then the new value.</summary>
    private Dialog<UsersStep> UsersDialog() => new(UsersFlow,
    [
        new(UsersStep.Pick, UserList, turn =>
        {
            if (!turn.Input.StartsWith("u:", StringComparison.Ordinal) || !long.TryParse(turn.Input[2..], out var id) || turn.Context.Store.Users.Get(id) is not { } picked)
            {
                return DialogMove.Stay(turn.T("Bạn chọn một người trong danh sách (gõ số thứ tự), hoặc /huy.", "Pick someone from the list, or /cancel."));
            }
            turn.State.Data["user"] = picked.Id.ToString(CultureInfo.InvariantCulture);
            return UsersStep.Action;
        }),
        new(UsersStep.Action, c => Actions(c, Target(c)!), turn => WithTarget(turn, target => ChooseAction(turn, target))),
        new(UsersStep.Role, c => Reply.Of(c.T($"Vai trò mới của {Target(c)!.DisplayName}:", $"New role for {Target(c)!.DisplayName}:")) with { Choices = RoleChoices(c) },
            turn => WithTarget(turn, target =>
            {
                if (ParseRole(turn.Input) is not { } role)
                {
                    return DialogMove.Stay(turn.T("Bạn chọn một vai trò:", "Pick a role:"));
                }
                if (role == Role.Officer && target.ScopeKind != ScopeKind.Province)
                {
                    turn.State.Data["role"] = role.ToString();
                    return UsersStep.Province;
                }
                return Apply(turn.Context, target, u =>
                {
                    u.Role = role;
                    if (role == Role.Admin)
                    {
                        u.ScopeKind = ScopeKind.All;
                        u.ScopeId = null;
                    }
                });
            })),
        new(UsersStep.Scope, c => Reply.Of(c.T($"Phạm vi mới của {Target(c)!.DisplayName}:", $"New scope for {Target(c)!.DisplayName}:")) with { Choices = ScopeChoices(c) },
            turn => WithTarget(turn, target => target.Role == Role.Officer && turn.Input != "scope:province"
                ? DialogMove.Stay(turn.T("Cán bộ khuyến công chỉ làm việc cho một tỉnh/thành. Chọn \"Một tỉnh/thành\":", "An officer works for one province. Pick \"One province\":"))
                : ChooseScope(turn, UsersStep.Province, (kind, id) => Apply(turn.Context, target, u => { u.ScopeKind = kind; u.ScopeId = id; })))),
        new(UsersStep.Province, ProvincePrompt, turn => WithTarget(turn, target =>
        {
            if (FindProvince(turn.Context, turn.Input, out var error) is not { } province)
            {
                return DialogMove.Stay(error);
            }
            var newRole = turn.State.Data.TryGetValue("role", out var r) ? Enum.Parse<Role>(r) : target.Role;
            return Apply(turn.Context, target, u => { u.Role = newRole; u.ScopeKind = ScopeKind.Province; u.ScopeId = province.Id; });
        })),
    ])
    {
        Description = c => c.T("sửa người dùng", "changing a user"),
        Guard = Refusal,
    };

    private static BotUser? Target(BotContext context) =>
        context.State.Data.TryGetValue("user", out var id) ? context.Store.Users.Get(long.Parse(id, CultureInfo.InvariantCulture)) : null;

    private static DialogMove<UsersStep> WithTarget(DialogTurn turn, Func<BotUser, DialogMove<UsersStep>> next) =>
        Target(turn.Context) is { } target ? next(target) : DialogMove.End(turn.T("Không còn người dùng này.", "That user no longer exists."));

    private List<BotUser> Listed(BotContext context, string filterText)
    {
        var filter = VnText.FoldWords(filterText);
        return context.Store.Users.All()
            .Where(u => filter.Length == 0 || VnText.FoldWords($"{u.DisplayName} {access.ScopeName(u, "vi")} {Texts.RoleName(u.Role, "vi")} {string.Join(' ', u.Identities)}").Contains(filter, StringComparison.Ordinal))
            .OrderByDescending(u => u.Active).ThenBy(u => u.DisplayName, StringComparer.Ordinal).ToList();
    }

    private Reply UserList(BotContext context)
    {
        var users = Listed(context, context.State.Data.GetValueOrDefault(FilterKey) ?? "");
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
        return Reply.Of(sb.ToString()) with
        {
            Choices = users.Take(MaxListed).Select(u => new Choice(Summary(u, context.Language), "u:" + u.Id.ToString(CultureInfo.InvariantCulture))).ToList(),
        };
    }

    private DialogMove<UsersStep> ChooseAction(DialogTurn turn, BotUser target)
    {
        var self = target.Id == turn.Context.User.Id;
        switch (turn.Input)
        {
            case "a:role" when !self:
                return UsersStep.Role;
            case "a:scope" when target.Role != Role.Admin:
                return UsersStep.Scope;
            case "a:deactivate" when !self:
                return Apply(turn.Context, target, u => u.Active = false);
            case "a:activate":
                return Apply(turn.Context, target, u => u.Active = true);
            case "a:back":
                turn.State.Data[FilterKey] = "";
                return UsersStep.Pick;
            case "a:role" or "a:deactivate":
                return DialogMove.End(turn.T(
                    "Bạn không thể tự đổi vai trò hoặc tự ngừng tài khoản của mình (để không ai bị khóa ngoài bot). Nhờ một quản trị viên khác làm việc này.",
                    "You cannot change your own role or deactivate yourself; ask another admin."));
            default:
                return DialogMove.Stay();
        }
    }

    private Reply Actions(BotContext context, BotUser user)
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
        return Reply.Of(sb.ToString()) with { Choices = choices };
    }

    private DialogMove Apply(BotContext context, BotUser target, Action<BotUser> change)
    {
        var before = InvitationService.Describe(target);
        change(target);
        var after = InvitationService.Describe(target);
        if (before == after)
        {
            return DialogMove.End(context.T("Không có gì thay đổi.", "Nothing changed."));
        }
        context.Store.Users.Update(target);
        invitations.Audit(context.User.Id, "change", "user", target.Id.ToString(CultureInfo.InvariantCulture), before, after);
        // Codes carry no authority of their own: none made before this change (link codes, invitations they made) still works.
        invitations.RevokeOutstanding(target, context.User.Id, "person-changed");
        return DialogMove.End(target.Active
            ? context.T($"Đã cập nhật: {Summary(target, "vi")}.", $"Updated: {Summary(target, "en")}.")
            : context.T(
                $"Đã ngừng hoạt động {target.DisplayName}. Từ bây giờ bot coi người này như người chưa đăng ký.",
                $"{target.DisplayName} is deactivated. From now on the bot treats them as unknown."));
    }
}
