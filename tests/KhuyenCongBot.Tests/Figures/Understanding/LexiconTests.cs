using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Figures.Questions;
using KhuyenCongBot.Tests.Figures.Questions;
using KhuyenCongBot.Tests.Reporting;

namespace KhuyenCongBot.Tests.Figures.Understanding;

/// <summary>seeds/lexicon is checked at start like the forms: a bad file stops the bot with one line naming it; a synonym is a data change.</summary>
public class LexiconTests
{
    private static readonly IReadOnlySet<string> Places =
        QuestionTestKit.Catalogue.Provinces.Select(p => p.Id).Concat(QuestionTestKit.Catalogue.Regions.Select(r => r.Id)).ToHashSet();

    [Fact]
    public void The_seeds_lexicon_loads()
    {
        var lexicon = Lexicon.Load(SeedFiles.Locate(null), Places);
        Assert.Contains(lexicon.Measures, m => m.Phrase == "gian hang" && m.Measure == Core.Figures.Measures.Booths);
        Assert.Contains(lexicon.Sources, s => s.Phrase == "kcqg");
        Assert.Equal("bao nhieu", lexicon.Shorthand["bn"]);
    }

    [Theory]
    [InlineData("measures.json", "{\"booths\": [\"gian hàng\"], \"chickens\": [\"gà\"]}", "khóa \"chickens\" không hợp lệ")]
    [InlineData("measures.json", "{\"booths\": [\"gian hàng\"], \"projects\": [\"gian hàng\"]}", "có ở cả")]
    [InlineData("measures.json", "{\"booths\": []}", "danh sách cụm từ rỗng")]
    [InlineData("sources.json", "{\"kcqg\": [\"!!\"]}", "không có chữ nào")]
    [InlineData("places.json", "{\"ha-son-binh\": [\"ha son binh\"]}", "khóa \"ha-son-binh\" không hợp lệ")]
    [InlineData("intents.json", "{\"greeting\": [\"chào\"], \"weather\": [\"mưa\"]}", "khóa \"weather\" không hợp lệ")]
    [InlineData("filler.json", "[\"ạ\"]", "JSON không hợp lệ")]
    [InlineData("shorthand.json", "{\"bao nhieu\": [\"bn\"], \"ban\": [\"bn\"]}", "\"bn\" được viết tắt cho hai cụm từ")]
    [InlineData("comparisons.json", "{\"versus\": [\"so với\"]}", "thiếu khóa \"same_period\"")]
    [InlineData("rankings.json", "{\"top\": [\"top\"], \"rank\": [\"xếp hạng\"], \"most\": [\"nhất\"], \"least\": [\"ít\"], \"best\": [\"giỏi\"]}", "khóa \"best\" không hợp lệ")]
    public void A_bad_file_is_refused_with_one_line_naming_it(string file, string content, string problem)
    {
        using var seeds = ReportingTestKit.CopySeeds();
        File.WriteAllText(Path.Combine(seeds.Path, Lexicon.Folder, file), content);
        var ex = Assert.Throws<SeedException>(() => Lexicon.Load(seeds.Path, Places));
        Assert.Contains(file, ex.Message);
        Assert.Contains(problem, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void A_missing_file_is_refused()
    {
        using var seeds = ReportingTestKit.CopySeeds();
        File.Delete(Path.Combine(seeds.Path, Lexicon.Folder, "filler.json"));
        Assert.Contains("filler.json", Assert.Throws<SeedException>(() => Lexicon.Load(seeds.Path, Places)).Message);
    }

    [Fact]
    public void A_synonym_added_to_the_data_is_understood()
    {
        using var seeds = ReportingTestKit.CopySeeds();
        var measures = Path.Combine(seeds.Path, Lexicon.Folder, "measures.json");
        File.WriteAllText(measures, File.ReadAllText(measures).Replace("\"gian trưng bày\"", "\"gian trưng bày\", \"ki ốt\"", StringComparison.Ordinal));
        var parser = new QuestionParser(QuestionTestKit.Catalogue, Lexicon.Load(seeds.Path, Places));
        var p = parser.Parse("bao nhiêu ki ốt năm 2024", QuestionTestKit.Today);
        Assert.Equal("trade_fair.booths", QuestionTestKit.Metric(p));
        Assert.Empty(p.Unknown);
        Assert.Equal(["ki ốt"], new QuestionParser(QuestionTestKit.Catalogue).Parse("bao nhiêu ki ốt năm 2024", QuestionTestKit.Today).Unknown);
    }

    /// <summary>Comparison and ranking words are data too: a word added to comparisons.json or rankings.json is understood, and not before.</summary>
    [Theory]
    [InlineData("comparisons.json", "\"so sánh với\"", "\"so sánh với\", \"đối chiếu với\"", "gian hàng năm 2025 đối chiếu với năm 2024", "yoy 2024")]
    [InlineData("comparisons.json", "\"biến động\"", "\"biến động\", \"lên xuống\"", "gian hàng năm 2025 lên xuống bao nhiêu", "change")]
    [InlineData("rankings.json", "\"ranking\"", "\"ranking\", \"bxh\"", "bxh các tỉnh về gian hàng năm 2025", "rank Province")]
    [InlineData("rankings.json", "\"lowest\"", "\"lowest\", \"bét bảng\"", "tỉnh bét bảng về gian hàng năm 2025", "top1 low Province")]
    public void A_comparison_or_ranking_word_added_to_the_data_is_understood(string file, string existing, string extended, string question, string expected)
    {
        using var seeds = ReportingTestKit.CopySeeds();
        var path = Path.Combine(seeds.Path, Lexicon.Folder, file);
        var content = File.ReadAllText(path);
        Assert.Contains(existing, content);
        File.WriteAllText(path, content.Replace(existing, extended, StringComparison.Ordinal));
        var p = new QuestionParser(QuestionTestKit.Catalogue, Lexicon.Load(seeds.Path, Places)).Parse(question, QuestionTestKit.Today);
        Assert.Empty(p.Unknown);
        Assert.Equal("trade_fair.booths", QuestionTestKit.Metric(p));
        var read = expected.Split(' ')[0] switch
        {
            "yoy" => $"yoy {p.CompareYear}",
            "change" => p.Change && p.CompareLastYear ? "change" : "no change",
            "rank" => $"rank {p.Breakdown}{(p.Top is null ? "" : " top" + p.Top)}",
            _ => $"top{p.Top}{(p.Ascending ? " low" : "")} {p.Breakdown}",
        };
        Assert.Equal(expected, read);
        Assert.NotEmpty(new QuestionParser(QuestionTestKit.Catalogue).Parse(question, QuestionTestKit.Today).Unknown);
    }
}
