using System.Text;
using KhuyenCongBot.Core.People;

namespace KhuyenCongBot.Core.Conversations;

/// <summary>/start, /help (/trogiup) and /cancel (/huy): what every person can do.</summary>
public sealed class CoreModule : IBotModule
{
    public IEnumerable<BotCommand> Commands =>
    [
        new("start", ["batdau"], "Bắt đầu", "Start", Role.Officer, StartAsync, InMenu: false),
        new("help", ["trogiup", "huongdan"], "Hướng dẫn sử dụng", "How to use the bot", Role.Officer, HelpAsync),
        new("cancel", ["huy"], "Hủy thao tác đang làm", "Cancel what you are doing", Role.Officer, CancelAsync),
    ];

    private Task StartAsync(BotContext context, string arguments, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(context.User.DisplayName) ? "" : " " + context.User.DisplayName;
        context.Say(context.T(
            $"Xin chào{name}! Đây là trợ lý khuyến công: ghi nhận hỗ trợ cho cơ sở công nghiệp nông thôn và trả lời số liệu nhanh.",
            $"Hello{name}! This is the industrial extension assistant: log support to rural industrial facilities and get figures fast."));
        return HelpAsync(context, arguments, ct);
    }

    private Task HelpAsync(BotContext context, string arguments, CancellationToken ct)
    {
        var sb = new StringBuilder();
        sb.AppendLine(context.T("Các lệnh:", "Commands:"));
        foreach (var command in context.Modules.SelectMany(m => m.Commands))
        {
            if (!command.InMenu || context.User.Role < command.MinRole)
            {
                continue;
            }
            var aliases = command.Aliases.Count > 0 ? " (/" + string.Join(", /", command.Aliases) + ")" : "";
            sb.Append('/').Append(command.Name).Append(aliases).Append(" – ")
              .AppendLine(context.English ? command.DescriptionEn : command.DescriptionVi);
        }
        var examples = context.Modules.SelectMany(m => m.HelpExamples(context)).ToList();
        if (examples.Count > 0)
        {
            sb.AppendLine().AppendLine(context.T("Bạn cũng có thể gõ tự nhiên, có dấu hoặc không dấu, ví dụ:", "You can also type freely, e.g.:"));
            foreach (var example in examples)
            {
                sb.Append("• ").AppendLine(example);
            }
        }
        if (context.State.Flow is not null)
        {
            sb.AppendLine().Append(context.T(
                "Bạn đang có thao tác nhập dở; gõ tiếp câu trả lời để tiếp tục, hoặc /huy để hủy.",
                "You have an unfinished step; answer to continue, or /cancel to drop it."));
        }
        context.Say(sb.ToString().TrimEnd());
        return Task.CompletedTask;
    }

    private static Task CancelAsync(BotContext context, string arguments, CancellationToken ct)
    {
        if (context.State.Flow is null)
        {
            context.Say(context.T("Không có thao tác nào đang làm dở.", "Nothing to cancel."));
            return Task.CompletedTask;
        }
        if (context.Modules.SelectMany(m => m.Flows).FirstOrDefault(f => f.Name == context.State.Flow) is { } flow && flow.Leave(context))
        {
            return Task.CompletedTask;
        }
        context.State.Clear();
        context.Say(context.T("Đã hủy. Những gì đã lưu trước đó vẫn còn nguyên.", "Cancelled. Everything saved before is kept."));
        return Task.CompletedTask;
    }
}
