using System.Text.RegularExpressions;

namespace KhuyenCongBot.Tests.Text;

/// <summary>
/// Finds Vietnamese written in the code: the lines of src/ (comment lines left out) with a string literal holding a Vietnamese letter
/// with a diacritic ("đ", "ư", "ế"…). What people read belongs in seeds/texts; the files that may still hold such lines, and how many,
/// are listed in <see cref="Allowed"/> with the reason (what people type, seed checks, the command-line host, file formats…).
/// </summary>
public static partial class InlineVietnamese
{
    /// <summary>The files that may hold Vietnamese literals, with at most how many lines of them. A file not listed may hold none;
    /// a listed one may not grow. Lowering a number after moving texts to seeds/texts keeps the rule tight.</summary>
    public static readonly IReadOnlyDictionary<string, int> Allowed = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        // What people type: parsers, vocabulary, spelling and folding tables, regexes (read, never shown).
        ["src/KhuyenCongBot.Core/Broadcasts/BroadcastComposer.cs"] = 1,
        ["src/KhuyenCongBot.Core/Broadcasts/VnDateTimeParser.cs"] = 1,
        ["src/KhuyenCongBot.Core/Catalogue/Commune.cs"] = 1,
        ["src/KhuyenCongBot.Core/Catalogue/CommuneCatalogue.cs"] = 3,
        ["src/KhuyenCongBot.Core/Conversations/ChoiceMatcher.cs"] = 1,
        ["src/KhuyenCongBot.Core/Conversations/LeavingWords.cs"] = 1,
        ["src/KhuyenCongBot.Core/Figures/Questions/Answering/QuestionBuilder.cs"] = 1,
        ["src/KhuyenCongBot.Core/Figures/Questions/PlanChangeDialog.cs"] = 1,
        ["src/KhuyenCongBot.Core/Figures/Questions/QuestionParser.cs"] = 6,
        ["src/KhuyenCongBot.Core/Forms/Coordinates.cs"] = 1,
        ["src/KhuyenCongBot.Core/Forms/FormCorrections.cs"] = 2,
        ["src/KhuyenCongBot.Core/Forms/FormCorrections.ValueOnly.cs"] = 1,
        ["src/KhuyenCongBot.Core/Projects/Chat/ProjectRegistrationAnswers.cs"] = 2,
        ["src/KhuyenCongBot.Core/Reports/ReportWorkbook.cs"] = 1,
        ["src/KhuyenCongBot.Core/Text/VnSpelling.cs"] = 3,
        ["src/KhuyenCongBot.Core/Text/VnText.cs"] = 7,

        // Checks of the seed files, for whoever installs the bot (Vietnamese, at start).
        ["src/KhuyenCongBot.Core/Beneficiaries/AwardLevels.cs"] = 1,
        ["src/KhuyenCongBot.Core/Beneficiaries/BeneficiaryCatalogue.cs"] = 6,
        ["src/KhuyenCongBot.Core/Catalogue/CommuneSeedFile.cs"] = 13,
        ["src/KhuyenCongBot.Core/Catalogue/CommuneFormerMap.cs"] = 7,
        ["src/KhuyenCongBot.Core/Catalogue/SeedFiles.cs"] = 5,
        ["src/KhuyenCongBot.Core/Figures/Questions/Lexicon.cs"] = 19,
        ["src/KhuyenCongBot.Core/Forms/FormCatalogue.cs"] = 46,
        ["src/KhuyenCongBot.Core/Forms/ProvinceAreas.cs"] = 2,
        ["src/KhuyenCongBot.Core/Projects/DemoProjects.cs"] = 7,
        ["src/KhuyenCongBot.Core/Projects/ProjectQuestionWords.cs"] = 3,
        ["src/KhuyenCongBot.Core/Projects/ProjectVocabulary.cs"] = 2,
        ["src/KhuyenCongBot.Core/Reports/ReportLayout.cs"] = 9,
        ["src/KhuyenCongBot.Core/ServiceCollectionExtensions.cs"] = 1,
        ["src/KhuyenCongBot.Core/Text/TextTemplate.cs"] = 4,
        ["src/KhuyenCongBot.Core/Text/UserTexts.cs"] = 12,

        // The command-line host, its configuration and the store's open/backup errors (an admin's terminal; Vietnamese first).
        ["src/KhuyenCongBot/Hosting/AdminChannel.cs"] = 5,
        ["src/KhuyenCongBot/Hosting/AdminVerbs.cs"] = 20,
        ["src/KhuyenCongBot/Hosting/BackupService.cs"] = 4,
        ["src/KhuyenCongBot/Hosting/BotApp.cs"] = 18,
        ["src/KhuyenCongBot/Hosting/ChatVerb.cs"] = 10,
        ["src/KhuyenCongBot/Hosting/CommandLine.cs"] = 6,
        ["src/KhuyenCongBot/Hosting/ConfigurationCheck.cs"] = 27,
        ["src/KhuyenCongBot/Hosting/ConfigurationValueChecks.cs"] = 12,
        ["src/KhuyenCongBot/Hosting/DataVerbs.cs"] = 29,
        ["src/KhuyenCongBot/Hosting/EvidenceExport.cs"] = 3,
        ["src/KhuyenCongBot/Hosting/ProjectFiles.cs"] = 7,
        ["src/KhuyenCongBot/Hosting/RestoreVerb.cs"] = 6,
        ["src/KhuyenCongBot/Hosting/TerminalUsers.cs"] = 8,
        ["src/KhuyenCongBot.Telegram/TelegramOptions.cs"] = 6,
        ["src/KhuyenCongBot.Telegram/TelegramServiceCollectionExtensions.cs"] = 1,
        ["src/KhuyenCongBot.Zalo/ZaloOptions.cs"] = 9,
        ["src/KhuyenCongBot.Zalo/ZaloServiceCollectionExtensions.cs"] = 1,
        ["src/KhuyenCongBot.Storage/Backups.cs"] = 5,
        ["src/KhuyenCongBot.Storage/DatabaseInspector.cs"] = 23,
        ["src/KhuyenCongBot.Storage/DatabaseLock.cs"] = 4,
        ["src/KhuyenCongBot.Storage/LiteDbStore.cs"] = 4,
        ["src/KhuyenCongBot.Core/Time/BotClock.cs"] = 1,

        // File formats and stored data: column headers, sheet names, a move's history note; exceptions and test/log descriptions never shown as such.
        ["src/KhuyenCongBot.Core/Projects/ProjectCsv.cs"] = 4,
        ["src/KhuyenCongBot.Core/Records/RecordLayout.cs"] = 25,
        ["src/KhuyenCongBot.Core/Records/RecordRowReader.cs"] = 1,
        ["src/KhuyenCongBot.Outputs/MiniExcelSpreadsheetWriter.cs"] = 4,
        ["src/KhuyenCongBot.Outputs/ChartFonts.cs"] = 1,
        ["src/KhuyenCongBot.Outputs/ScottPlotChartRenderer.cs"] = 1,
        ["src/KhuyenCongBot.Core/Text/NumberText.cs"] = 1,
        ["src/KhuyenCongBot.Core/Text/VnWords.cs"] = 1,
        ["src/KhuyenCongBot.Core/Projects/ProjectLifecycle.cs"] = 1,
        ["src/KhuyenCongBot.Core/Projects/IProjectRepository.cs"] = 1,
        ["src/KhuyenCongBot.Core/Funding/FundingSplit.cs"] = 1,
        ["src/KhuyenCongBot.Core/Records/ImportErrorText.cs"] = 2,
        ["src/KhuyenCongBot.Core/Projects/Chat/ProjectAnswers.cs"] = 2,
        ["src/KhuyenCongBot.Core/Projects/Chat/ProjectRegistrationFlow.cs"] = 1,
    };

    /// <summary>The lines with a Vietnamese literal in one file's text (comment lines left out), numbered from 1.</summary>
    public static IEnumerable<(int Line, string Text)> Lines(string code) =>
        code.Split('\n')
            .Select((text, i) => (Line: i + 1, Text: text.TrimEnd('\r')))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && Literal().IsMatch(l.Text));

    /// <summary>Every .cs file of src/ (build output left out) with its lines holding Vietnamese literals, by path from the repository root.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(int Line, string Text)>> ScanSources()
    {
        var root = TextKeyScanner.RepositoryRoot;
        var sep = Path.DirectorySeparatorChar;
        return Directory.GetFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal))
            .Select(f => (Path: Path.GetRelativePath(root, f).Replace('\\', '/'), Lines: (IReadOnlyList<(int, string)>)Lines(File.ReadAllText(f)).ToList()))
            .Where(f => f.Lines.Count > 0)
            .ToDictionary(f => f.Path, f => f.Lines, StringComparer.Ordinal);
    }

    /// <summary>A string literal with a Vietnamese letter carrying a diacritic (đ and the marked vowels, either case).</summary>
    [GeneratedRegex("\"[^\"]*[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ][^\"]*\"")]
    private static partial Regex Literal();
}
