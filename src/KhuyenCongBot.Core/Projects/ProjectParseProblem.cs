using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Core.Projects;

/// <summary>What a project message held that the bot would not guess at.</summary>
public enum ProjectParseProblemKind
{
    /// <summary>A date that is no date ("31/2"); <see cref="ProjectParseProblem.Text"/> is what was typed.</summary>
    BadDate,

    /// <summary>Several dates for one step; <see cref="ProjectParseProblem.Text"/> lists them, <see cref="ProjectParseProblem.Count"/> counts them.</summary>
    SeveralDates,

    /// <summary>A move and a disbursement in one message; <see cref="ProjectParseProblem.Text"/> is the project's code.</summary>
    MoveAndDisburse,

    /// <summary>"giải ngân thêm 100 triệu": an increment, where the bot keeps the total disbursed so far.</summary>
    Increment,
}

/// <summary>Why a project message's date or amount was not read; <see cref="Say"/> says it in the reader's language.</summary>
public sealed record ProjectParseProblem(ProjectParseProblemKind Kind, string Text = "", int Count = 0)
{
    public string Say(UserTexts texts, bool english) => Kind switch
    {
        ProjectParseProblemKind.BadDate => texts.Text(english, "project.parse.bad_date", ("date", Text)),
        ProjectParseProblemKind.SeveralDates => texts.Text(english, "project.parse.several_dates", ("count", Count), ("dates", Text)),
        ProjectParseProblemKind.MoveAndDisburse => texts.Text(english, "project.parse.move_and_disburse", ("code", Text)),
        _ => texts.Text(english, "project.parse.increment"),
    };
}
