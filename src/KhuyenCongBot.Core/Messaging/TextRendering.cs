using System.Text;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Messaging;

/// <summary>Renders a reply for channels without buttons: choices as a numbered list, actions as hints.</summary>
public static class TextRendering
{
    public static string Render(Reply reply, UserTexts texts, string language = UserTexts.Vietnamese)
    {
        var sb = new StringBuilder(reply.Text);
        var numbered = reply.Choices.Where(c => c.Numbered).ToList();
        for (var i = 0; i < numbered.Count; i++)
        {
            sb.Append('\n').Append(i + 1).Append(". ").Append(numbered[i].Label);
        }
        var actions = reply.Choices.Where(c => !c.Numbered).Select(c => c.Label).ToList();
        if (actions.Count > 0)
        {
            sb.Append('\n').Append(texts.Text(language, "menu.or_type"))
              .Append(string.Join(" · ", actions));
        }
        if (numbered.Count > 0)
        {
            sb.Append('\n').Append(texts.Text(language, "menu.reply_with_number"));
        }
        return sb.ToString();
    }
}
