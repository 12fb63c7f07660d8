namespace KhuyenCongBot.Tests.Text;

/// <summary>What people read lives in seeds/texts: no new Vietnamese literal in src/ outside the files <see cref="InlineVietnamese.Allowed"/> lists.</summary>
public partial class UserTextsTests
{
    [Fact]
    public void No_Vietnamese_literal_is_added_to_the_code_outside_the_allowed_files()
    {
        var found = InlineVietnamese.ScanSources();
        var problems = new List<string>();
        foreach (var (file, lines) in found.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var allowed = InlineVietnamese.Allowed.GetValueOrDefault(file);
            if (lines.Count > allowed)
            {
                problems.Add($"{file}: {lines.Count} lines with Vietnamese literals, {allowed} allowed; put what people read in seeds/texts "
                    + "(context.Text(\"area.key\")), or, for what people type, seed checks or logs, raise its number in InlineVietnamese.Allowed:\n    "
                    + string.Join("\n    ", lines.Select(l => $"{l.Line}: {l.Text.Trim()}")));
            }
        }
        Assert.True(found.Count > 0, "the scanner found no Vietnamese literal at all");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_file_the_allow_list_names_exists()
    {
        var missing = InlineVietnamese.Allowed.Keys.Where(f => !File.Exists(Path.Combine(TextKeyScanner.RepositoryRoot, f))).ToList();
        Assert.True(missing.Count == 0, "InlineVietnamese.Allowed names files that are gone: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_Vietnamese_scanner_reads_literals_and_skips_comments()
    {
        var code = "// \"bỏ qua\" in a comment\nvar a = \"plain\";\nSay($\"Đã ghi {x}\");\n    /// <summary>\"tài liệu\"</summary>\nvar b = \"ước\" + \"x\";";
        Assert.Equal([3, 5], InlineVietnamese.Lines(code).Select(l => l.Line));
    }
}
