using System.Text.RegularExpressions;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>The terminal reads every piped line, in order, and answers each (no flood gate for one local person).</summary>
[Collection(nameof(CrashTests))]
public sealed partial class PipedTerminalTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kcb-tests", "piped-" + Guid.NewGuid().ToString("N"));

    [GeneratedRegex(@"Không có lệnh /lenh(\d+)\.")]
    private static partial Regex Answer();

    [Fact]
    [Trait("Category", "Crash")]
    public async Task Two_hundred_piped_lines_are_all_answered_in_order()
    {
        Directory.CreateDirectory(_folder);
        const int Lines = 200;
        var input = string.Concat(Enumerable.Range(0, Lines).Select(i => $"/lenh{i}\n"));
        var (code, output, error) = await CliProcess.RunAsync(_folder, input, "chat", $"--Storage:DatabasePath={_folder}/bot.db",
            $"--Backup:Folder={_folder}/backups", $"--Storage:OutputPath={_folder}/out");
        Assert.True(code == 0, error);
        var answered = Answer().Matches(output).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, Lines), answered);
        Assert.Equal(Lines, Regex.Matches(output, @"^> /lenh\d+$", RegexOptions.Multiline).Count);
        Assert.DoesNotContain("nhanh quá", output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }
    }
}
