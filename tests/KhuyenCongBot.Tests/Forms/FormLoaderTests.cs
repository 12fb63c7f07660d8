using KhuyenCongBot.Core.Catalogue;
using KhuyenCongBot.Core.Forms;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>A malformed form file stops the bot at start with a message naming the file and the field.</summary>
public sealed class FormLoaderTests : IDisposable
{
    private static readonly string[] Activities = ["trade_fair", "machinery"];
    private readonly string _seeds = Path.Combine(Path.GetTempPath(), "kcb-forms-seeds-" + Guid.NewGuid().ToString("N"));

    public FormLoaderTests() => Directory.CreateDirectory(Path.Combine(_seeds, "forms"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_seeds, true);
        }
        catch (IOException)
        {
        }
    }

    private const string Province = """{ "id": "province", "type": "province", "label": "Tỉnh" }""";
    private const string Date = """{ "id": "date", "type": "date", "label": "Ngày", "default": "today" }""";

    private SeedException LoadWith(string fields, string activity = "trade_fair")
    {
        File.WriteAllText(Path.Combine(_seeds, "forms", activity + ".json"), $$"""{ "activity": "{{activity}}", "fields": [ {{fields}} ] }""");
        return Assert.Throws<SeedException>(() => FormCatalogue.Load(_seeds, Activities));
    }

    [Theory]
    [InlineData("""{ "id": "booths", "type": "number", "label": "Số gian hàng" }""", "booths", "kiểu \"number\" không được hỗ trợ")]
    [InlineData("""{ "type": "text", "label": "Tên" }""", "trường thứ 3", "thiếu id")]
    [InlineData("""{ "id": "fair", "type": "text" }""", "fair", "thiếu label")]
    [InlineData("""{ "id": "fair", "type": "text", "label": "Tên", "help": "Tên hội chợ." }""", "fair", "thiếu helpEn")]
    [InlineData("""{ "id": "booths", "type": "integer", "label": "Số", "unit": "gian hàng" }""", "booths", "thiếu unitEn")]
    [InlineData("""{ "id": "booths", "type": "integer", "label": "Số", "min": 50, "max": 1 }""", "booths", "min (50) lớn hơn max (1)")]
    [InlineData("""{ "id": "fair", "type": "choice", "label": "Loại", "min": 1 }""", "fair", "min/max không dùng")]
    [InlineData("""{ "id": "src", "type": "text", "label": "Nguồn", "askIf": { "field": "nope", "op": "eq", "value": "1" } }""", "src", "\"nope\" không có")]
    [InlineData("""{ "id": "src", "type": "text", "label": "Nguồn", "askIf": { "field": "later", "op": "set" } }, { "id": "later", "type": "text", "label": "Sau" }""", "src", "đứng sau")]
    [InlineData("""{ "id": "src", "type": "text", "label": "Nguồn", "askIf": { "field": "province", "op": "gt", "value": "0" } }""", "src", "chỉ so sánh được với trường số")]
    [InlineData("""{ "id": "anh", "type": "photo", "label": "Ảnh" }, { "id": "anh2", "type": "photo", "label": "Ảnh nữa" }""", "anh2", "chỉ được một trường kiểu photo")]
    [InlineData("""{ "id": "x", "type": "text", "label": "X", "bind": "revenue" }""", "x", "bind \"revenue\" không phải thuộc tính")]
    [InlineData("""{ "id": "x", "type": "text", "label": "X", "bind": "booths" }""", "x", "cần kiểu integer")]
    [InlineData("""{ "id": "x", "type": "text", "label": "X" }, { "id": "x", "type": "text", "label": "Y" }""", "x", "id bị trùng")]
    [InlineData("""{ "id": "x", "type": "choice", "label": "X", "choices": [ { "value": "a", "label": "A" } ] }""", "x", "ít nhất 2 lựa chọn")]
    [InlineData("""{ "id": "x", "type": "text", "label": "X", "pattern": "([" }""", "x", "pattern không hợp lệ")]
    [InlineData("""{ "id": "x", "type": "choice", "label": "X", "bind": "status", "choices": [ { "value": "a", "label": "A" }, { "value": "b", "label": "B" } ] }""", "x", "chỉ nhận các giá trị")]
    [InlineData("""{ "id": "x", "type": "integer", "label": "X", "min": 1, "max": 5, "default": "9" }""", "x", "default \"9\" không hợp lệ")]
    [InlineData("""{ "id": "x", "type": "text", "label": "X", "requird": true }""", "requird", "JSON không hợp lệ")]
    public void A_malformed_field_is_named_with_its_file(string extra, string where, string problem)
    {
        var ex = LoadWith(Province + ", " + Date + ", " + extra);
        Assert.Contains("trade_fair.json", ex.Message);
        Assert.Contains(where, ex.Message);
        Assert.Contains(problem, ex.Message);
    }

    [Fact]
    public void A_form_without_a_date_or_of_an_unknown_activity_is_refused()
    {
        Assert.Contains("bind \"date\"", LoadWith(Province).Message);
        File.Delete(Path.Combine(_seeds, "forms", "trade_fair.json"));
        var ex = LoadWith(Province + ", " + Date, "karaoke");
        Assert.Contains("karaoke.json", ex.Message);
        Assert.Contains("không có trong danh mục", ex.Message);
    }

    [Fact]
    public void A_valid_form_loads_with_its_skip_logic()
    {
        File.WriteAllText(Path.Combine(_seeds, "forms", "trade_fair.json"), $$"""
            { "activity": "trade_fair", "fields": [ {{Province}}, {{Date}},
              { "id": "funding_vnd", "type": "money", "bind": "funding_vnd", "label": "Kinh phí", "required": false, "min": 0 },
              { "id": "funding_source", "type": "choice", "bind": "funding_source", "label": "Nguồn",
                "askIf": { "field": "funding_vnd", "op": "gt", "value": "0" },
                "choices": [ { "value": "KCQG", "label": "Quốc gia" }, { "value": "KCDP", "label": "Địa phương" } ] } ] }
            """);
        var form = FormCatalogue.Load(_seeds, Activities).Get("trade_fair")!;
        Assert.Equal(FieldType.Choice, form.Field("funding_source")!.Kind);
        var s = new FormSession(new KhuyenCongBot.Core.Conversations.ConversationState());
        Assert.False(s.Applies(form, form.Field("funding_source")!));
        s.SetAnswer("funding_vnd", "120000000");
        Assert.True(s.Applies(form, form.Field("funding_source")!));
        s.SetAnswer("funding_vnd", "");
        Assert.False(s.Applies(form, form.Field("funding_source")!));
    }

    [Theory]
    [InlineData("gt", "0", "5", true)]
    [InlineData("gt", "0", "0", false)]
    [InlineData("gt", "0", "", false)]
    [InlineData("ge", "3", "3", true)]
    [InlineData("lt", "3", "2", true)]
    [InlineData("le", "3", "4", false)]
    [InlineData("eq", "dat", "DAT", true)]
    [InlineData("ne", "dat", "tham_gia", true)]
    [InlineData("ne", "dat", "", false)]
    [InlineData("in", "a, b", "b", true)]
    [InlineData("in", "a,b", "c", false)]
    [InlineData("set", null, "x", true)]
    [InlineData("set", null, "", false)]
    [InlineData("empty", null, null, true)]
    public void Skip_logic_operators(string op, string? value, string? answer, bool expected) =>
        Assert.Equal(expected, FormSession.Holds(new AskIf { Field = "f", Op = op, Value = value }, answer));
}
