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
    ConfirmDeactivate = 5,
}

public sealed partial class PeopleModule
{
    private const string FilterKey = "filter";
    private const string DeactivateYes = "confirm";
    private const string DeactivateNo = "drop";

    private Task UsersAsync(BotContext context, string arguments, CancellationToken ct)
    {
        if (Listed(context, arguments).Count == 0)
        {
            context.State.Clear();
            context.Say(context.Text("people.no_user_matches", ("arguments", arguments)));
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
                return DialogMove.Stay(turn.Text("people.pick_someone_from_list"));
            }
            turn.State.Data["user"] = picked.Id.ToString(CultureInfo.InvariantCulture);
            return UsersStep.Action;
        }),
        new(UsersStep.Action, c => Actions(c, Target(c)!), turn => WithTarget(turn, target => ChooseAction(turn, target))),
        new(UsersStep.Role, c => Reply.Of(c.Text("people.new_role", ("display_name", Target(c)!.DisplayName))) with { Choices = RoleChoices(c) },
            turn => WithTarget(turn, target =>
            {
                if (ParseRole(turn.Input) is not { } role)
                {
                    return DialogMove.Stay(turn.Text("people.pick_role"));
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
        new(UsersStep.Scope, c => Reply.Of(c.Text("people.new_scope", ("display_name", Target(c)!.DisplayName))) with { Choices = ScopeChoices(c) },
            turn => WithTarget(turn, target => target.Role == Role.Officer && turn.Input != "scope:province"
                ? DialogMove.Stay(turn.Text("people.officer_works_one_province"))
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
        new(UsersStep.ConfirmDeactivate, DeactivatePrompt, turn => WithTarget(turn, target => turn.Input switch
        {
            DeactivateYes when target.Id != turn.Context.User.Id => Apply(turn.Context, target, u => u.Active = false),
            DeactivateNo => DialogMove.End(turn.Text("people.deactivate_kept", ("display_name", target.DisplayName))),
            _ => DialogMove.Stay(turn.Text("people.deactivate_yes_or_no")),
        })),
    ])
    {
        Description = c => c.Text("people.changing_user"),
        Guard = Refusal,
    };

    private static BotUser? Target(BotContext context) =>
        context.State.Data.TryGetValue("user", out var id) ? context.Store.Users.Get(long.Parse(id, CultureInfo.InvariantCulture)) : null;

    private static DialogMove<UsersStep> WithTarget(DialogTurn turn, Func<BotUser, DialogMove<UsersStep>> next) =>
        Target(turn.Context) is { } target ? next(target) : DialogMove.End(turn.Text("people.that_user_no_longer"));

    /// <summary>The people listed by /nguoidung, by name whatever their state: deactivating someone does not move them (a number read in
    /// the list before keeps naming the same person).</summary>
    private List<BotUser> Listed(BotContext context, string filterText)
    {
        var filter = VnText.FoldWords(filterText);
        return context.Store.Users.All()
            .Where(u => filter.Length == 0 || VnText.FoldWords($"{u.DisplayName} {access.ScopeName(u, "vi")} {Texts.RoleName(texts, UserTexts.Vietnamese, u.Role)} {string.Join(' ', u.Identities)}").Contains(filter, StringComparison.Ordinal))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal).ThenBy(u => u.Id).ToList();
    }

    private Reply UserList(BotContext context)
    {
        var users = Listed(context, context.State.Data.GetValueOrDefault(FilterKey) ?? "");
        var active = users.Count(u => u.Active);
        var sb = new StringBuilder(context.Text("people.users_active", ("users_count", users.Count), ("active", active)));
        if (users.Count > MaxListed)
        {
            sb.Append(context.Text("people.users_showing_first", ("max_listed", MaxListed)));
        }
        sb.Append(PendingInvitesLine(context));
        sb.Append(context.Text("people.users_pick_one"));
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
                return UsersStep.ConfirmDeactivate;
            case "a:activate":
                return Apply(turn.Context, target, u => u.Active = true);
            case "a:back":
                turn.State.Data[FilterKey] = "";
                return UsersStep.Pick;
            case "a:role" or "a:deactivate":
                return DialogMove.End(turn.Text("people.cannot_change_own_role"));
            default:
                return DialogMove.Stay();
        }
    }

    private Reply Actions(BotContext context, BotUser user)
    {
        var sb = new StringBuilder();
        sb.AppendLine(user.DisplayName);
        sb.AppendLine(context.Text("people.user_role", ("role", RoleLabel(user.Role, context.Language))));
        sb.AppendLine(context.Text("people.user_scope", ("scope", access.ScopeName(user, context.Language))));
        sb.AppendLine(user.Active ? context.Text("people.user_status_active") : context.Text("people.user_status_deactivated"));
        sb.AppendLine(context.Text("people.user_accounts", ("accounts", string.Join(", ", user.Identities))));
        sb.Append(context.Text("people.registered", ("created_at", user.CreatedAt)));
        var choices = new List<Choice> { new(context.Text("people.change_role"), "a:role") };
        if (user.Role != Role.Admin)
        {
            choices.Add(new(context.Text("people.change_scope"), "a:scope"));
        }
        choices.Add(user.Active
            ? new(context.Text("people.deactivate"), "a:deactivate")
            : new(context.Text("people.reactivate"), "a:activate"));
        choices.Add(new(context.Text("people.back_list"), "a:back", Numbered: false));
        return Reply.Of(sb.ToString()) with { Choices = choices };
    }

    /// <summary>Deactivating asks first: yes, no, or a yes/no word ("có", "không", "ok", "ừ").</summary>
    private static Reply DeactivatePrompt(BotContext context) =>
        Reply.Of(context.Text("people.deactivate_confirm", ("display_name", Target(context)!.DisplayName))) with
        {
            Choices = [new(context.Text("people.deactivate_yes"), DeactivateYes), new(context.Text("people.deactivate_no"), DeactivateNo)],
        };

    private DialogMove Apply(BotContext context, BotUser target, Action<BotUser> change)
    {
        var before = InvitationService.Describe(target);
        change(target);
        var after = InvitationService.Describe(target);
        if (before == after)
        {
            return DialogMove.End(context.Text("people.nothing_changed"));
        }
        context.Store.Users.Update(target);
        invitations.Audit(context.User.Id, "change", "user", target.Id.ToString(CultureInfo.InvariantCulture), before, after);
        // Codes carry no authority of their own: none made before this change (link codes, invitations they made) still works.
        invitations.RevokeOutstanding(target, context.User.Id, "person-changed");
        return DialogMove.End(target.Active
            ? context.Text("people.updated", ("summary", Summary(target, context.Language)))
            : context.Text("people.deactivated", ("display_name", target.DisplayName)));
    }
}
