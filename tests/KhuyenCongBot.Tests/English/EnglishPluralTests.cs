using System.Text.RegularExpressions;
using KhuyenCongBot.Core.Text;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.English;

/// <summary>
/// English counts of one: the texts say "{count} projects", and "1 projects", "1 days late", "1 records were" read wrong. Every English
/// text is filled with ones and none may show "1" before a plural noun; Vietnamese texts are never touched.
/// </summary>
public sealed class EnglishPluralTests
{
    [Theory]
    [InlineData(1, "(1 project)")]
    [InlineData(2, "(2 projects)")]
    [InlineData(0, "(0 projects)")]
    public void A_province_with_one_project_says_one_project(int projects, string expected)
    {
        var line = TestTexts.Seeds.Text("en", "figures2.disburse.line", ("rank", 3), ("name", "Quảng Ninh"), ("disbursed", "480,000,000 VND"),
            ("support", "490,000,000 VND"), ("projects", projects), ("rate", ", 98%"));
        Assert.Contains(expected, line);
    }

    [Fact]
    public void One_day_late_and_one_record()
    {
        Assert.Contains("1 day late", TestTexts.Seeds.Text("en", "projects.late.line", ("code", "KC-1"), ("name", "x"), ("end", new DateOnly(2026, 11, 25)),
            ("days", 1), ("step", "in progress")));
        Assert.Equal("1 record", TestTexts.Seeds.Text("en", "records.list.records", ("count", 1)));
        Assert.Equal("2 records", TestTexts.Seeds.Text("en", "records.list.records", ("count", 2)));
    }

    [Theory]
    [InlineData(" projects (approved)", " project (approved)")]
    [InlineData(" new records were added", " new record was added")]
    [InlineData(" is late", " is late")]
    [InlineData(" has been moved", " has been moved")]
    [InlineData(" classes", " class")]
    [InlineData(" facilities", " facility")]
    [InlineData(" booths", " booth")]
    [InlineData(": done", ": done")]
    [InlineData(" of 48 projects", " of 48 projects")]
    public void The_words_after_a_count_of_one(string literal, string expected) =>
        Assert.Equal(expected, EnglishPlural.AfterOne(literal));

    [Fact]
    public void No_English_text_says_1_before_a_plural_noun()
    {
        var texts = TestTexts.Seeds;
        var bad = new List<string>();
        var plural = new Regex(@"(?<![0-9.,])1 ((?:(?!(?:has|have|had|with|of|is|was|are|were|and|to|in|for)\b)[a-z]+ ){0,2}?)(projects|records|provinces|facilities|booths|days|hours|minutes|months|years|rows|participations|trainees|classes|times|users|recipients|characters|plans|files|questions|answers|batches|photos|activities|items|steps|people|drafts|codes|sources|lines)\b");
        foreach (var key in texts.KeysOf("en"))
        {
            var args = texts.Placeholders("en", key).Select(name => (name, texts.PlaceholderFormat("en", key, name) switch
            {
                "date" => (object?)new DateOnly(2026, 11, 26),
                "datetime" => new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(7)),
                "number" => 1,
                _ => 1,
            })).ToArray();
            var text = texts.Text("en", key, args);
            if (plural.Match(text) is { Success: true } m)
            {
                bad.Add($"{key}: …{m.Value}…");
            }
        }
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    [Fact]
    public void Vietnamese_texts_are_left_as_they_are() =>
        Assert.Contains("1 bản ghi", TestTexts.Seeds.Text("vi", "records.list.records", ("count", 1)));
}
