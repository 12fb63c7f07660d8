using KhuyenCongBot.Core.Conversations;
using KhuyenCongBot.Core.Messaging;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>Honest replies without a figure: words not understood, data the bot does not hold, small talk.</summary>
internal static class UnderstandingReplies
{
    private const string WhatTheBotHolds =
        "Bot có số liệu khuyến công: số gian hàng hội chợ, số lượt cơ sở tham gia, số cơ sở được hỗ trợ, số dự án và doanh thu tư vấn, số học viên đào tạo, kinh phí hỗ trợ (theo kỳ, tỉnh, hoạt động, nguồn kinh phí).";

    private const string WhatTheBotHoldsEn =
        "The bot holds industrial-extension figures: fair booths, facility participations, facilities supported, consulting projects and revenue, trainees, funding (by period, province, activity, funding source).";

    /// <summary>Words that change the meaning were not understood: quote them, ask, offer what works.</summary>
    public static void NotUnderstood(BotContext context, IReadOnlyList<string> unknown, IReadOnlyList<string>? examples)
    {
        var quoted = string.Join(", ", unknown.Select(u => $"\"{u}\""));
        examples ??= FiguresModule.Examples;
        context.Ask(
            context.T(
                $"Bot chưa hiểu {quoted} trong câu hỏi nên không đưa số liệu (để không trả lời sai). Bạn hỏi lại giúp, bỏ hoặc viết khác từ đó. {WhatTheBotHolds} Bạn có thể hỏi, ví dụ:",
                $"The bot did not understand {quoted}, so it gives no figure rather than a wrong one. Please rephrase. {WhatTheBotHoldsEn} For example:"),
            examples.Select((e, i) => new Choice(e, "fq:ex:" + i)));
    }

    /// <summary>Data the bot does not hold (workers, profits, population...): say so, no figure.</summary>
    public static void CannotAnswer(BotContext context, string what)
    {
        context.Ask(
            context.T(
                $"Bot không có số liệu này ({what}), nên không thể trả lời. {WhatTheBotHolds} Bạn có thể hỏi, ví dụ:",
                $"The bot does not hold this data ({what}), so it cannot answer. {WhatTheBotHoldsEn} For example:"),
            FiguresModule.Examples.Select((e, i) => new Choice(e, "fq:ex:" + i)));
    }

    /// <summary>A greeting or thanks without a question.</summary>
    public static void SmallTalk(BotContext context, bool thanks)
    {
        context.Ask(
            thanks
                ? context.T("Không có gì ạ! Bạn cần số liệu nào cứ hỏi bot nhé.", "You're welcome! Ask any time.")
                : context.T(
                    $"Chào bạn! Bot là trợ lý số liệu khuyến công, sẵn sàng giúp bạn. {WhatTheBotHolds} Bạn có thể hỏi, ví dụ:",
                    $"Hello! I am the industrial-extension figures assistant. {WhatTheBotHoldsEn} You can ask, for example:"),
            FiguresModule.Examples.Select((e, i) => new Choice(e, "fq:ex:" + i)));
    }
}
