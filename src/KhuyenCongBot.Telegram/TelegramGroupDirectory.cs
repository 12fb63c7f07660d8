using System.Globalization;
using KhuyenCongBot.Core.People;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace KhuyenCongBot.Telegram;

/// <summary>Who is in a Telegram group: getChatMemberCount, and getChatMember for each member the bot knows of.</summary>
public sealed class TelegramGroupDirectory(TelegramBot bot) : IGroupDirectory
{
    public string Channel => TelegramUpdateHandler.ChannelName;

    public async Task<GroupFacts?> DescribeAsync(string chatId, IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        if (!long.TryParse(chatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chat))
        {
            return null;
        }
        var count = await bot.Client.GetChatMemberCount(chat, cancellationToken).ConfigureAwait(false);
        var present = new List<string>();
        var gone = new List<string>();
        foreach (var userId in userIds)
        {
            if (!long.TryParse(userId, NumberStyles.None, CultureInfo.InvariantCulture, out var user))
            {
                continue;
            }
            try
            {
                var member = await bot.Client.GetChatMember(chat, user, cancellationToken).ConfigureAwait(false);
                (member.IsInChat ? present : gone).Add(userId);
            }
            catch (ApiRequestException)
            {
                // Not confirmed either way: the member stays unconfirmed, and the group gets no figures.
            }
        }
        return new GroupFacts(count, present, gone);
    }
}
