using System.Text;

namespace KhuyenCongBot.Core.Messaging;

/// <summary>Renders a reply for channels without buttons: choices as a numbered list, actions as hints.</summary>
public static class TextRendering
{
    public static string Render(Reply reply, string language = "vi")
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
            sb.Append('\n').Append(language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "Or type: " : "Hoặc gõ: ")
              .Append(string.Join(" · ", actions));
        }
        if (numbered.Count > 0)
        {
            sb.Append('\n').Append(language.StartsWith("en", StringComparison.OrdinalIgnoreCase)
                ? "(Reply with a number or the text of a choice.)"
                : "(Trả lời bằng số thứ tự hoặc gõ nội dung lựa chọn.)");
        }
        return sb.ToString();
    }
}
