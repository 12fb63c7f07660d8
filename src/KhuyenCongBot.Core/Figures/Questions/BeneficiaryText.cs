using KhuyenCongBot.Core.Beneficiaries;
using KhuyenCongBot.Core.Conversations;

namespace KhuyenCongBot.Core.Figures.Questions;

/// <summary>
/// Figures asked by beneficiary ("hợp tác xã được hỗ trợ năm 2025", "cơ sở do phụ nữ làm chủ"): the question keeps the facilities
/// of that legal form or priority group, the answer says so and what it leaves out, and what cannot be split that way is refused.
/// </summary>
internal static class BeneficiaryText
{
    /// <summary>The kinds of answer that keep a beneficiary filter (plans and the records a person entered are not split by beneficiary).</summary>
    public static bool Applies(QuestionKind kind) => kind is QuestionKind.Figure or QuestionKind.Average or QuestionKind.TopFacilities;

    /// <summary>"Hợp tác xã", "Do phụ nữ làm chủ" (lower case inside a sentence).</summary>
    public static string Name(BeneficiaryCatalogue? catalogue, string id, bool english)
    {
        var term = (Catalogue.CatalogueTerm?)catalogue?.LegalForm(id) ?? catalogue?.PriorityGroup(id);
        var name = term?.Label(english) ?? id;
        return name.Length > 0 ? char.ToLowerInvariant(name[0]) + name[1..] : name;
    }

    /// <summary>The line said before the figure: which facilities are counted, from what the registry records.</summary>
    public static string Note(BotContext context, BeneficiaryCatalogue? catalogue, string id)
    {
        var name = Name(catalogue, id, context.English);
        var legal = catalogue?.LegalForm(id) is not null;
        return legal
            ? context.T($"(Chỉ tính cơ sở có loại hình {name} trong danh bạ cơ sở; cơ sở chưa ghi loại hình không được tính.)",
                $"(Only facilities registered as {name}; facilities without a recorded legal form are not counted.)")
            : context.T($"(Chỉ tính cơ sở {name} theo danh bạ cơ sở; cơ sở chưa ghi nhóm ưu tiên không được tính.)",
                $"(Only facilities registered as {name}; facilities without recorded priority groups are not counted.)");
    }

    /// <summary>Why a plan (or a person's own records) cannot be given for one beneficiary group.</summary>
    public static string Refusal(BotContext context, BeneficiaryCatalogue? catalogue, string id)
    {
        var name = Name(catalogue, id, context.English);
        return context.T(
            $"Kế hoạch năm và số bản ghi đã nhập không chia theo loại hình hay nhóm ưu tiên, nên bot không tính riêng cho cơ sở {name}. "
                + "Bạn có thể hỏi số liệu thực hiện, ví dụ: \"bao nhiêu hợp tác xã được hỗ trợ năm nay\".",
            $"Plans and entered records are not split by legal form or priority group, so nothing can be given for {name} alone. "
                + "Ask for the figures, e.g. \"how many cooperatives were supported this year\".");
    }
}
