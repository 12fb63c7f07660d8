using KhuyenCongBot.Core.Forms;
using KhuyenCongBot.Core.People;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.Forms;

/// <summary>Random messages (a fixed seed) never throw, never leave a half-written record and never leave a form stuck.</summary>
public sealed class FormFuzzTests
{
    private static readonly string[] Inputs =
    [
        "/ghi", "/log hội chợ", "ghi hội chợ", "thêm hỗ trợ máy móc", "ghi tư vấn", "/ghi đào tạo", "/ghi bình chọn",
        "1", "2", "3", "4", "5", "9", "12", "0", "-1", "51", "3,5", "ba", "120tr", "1,5 tỷ", "45.000.000", "500 nghìn",
        "hôm nay", "hôm qua", "15/5", "15/05/2024", "32/13", "quay lại", "back", "bỏ qua", "skip", "sửa 2", "sửa 99", "sua 3",
        "lưu", "ok", "/huy", "hủy", "tiếp", "/my", "/cuatoi", "Gốm Phù Lãng", "gom phu lan", "Cơ sở mới ABC", "Vĩnh Phúc", "Hà Nội",
        "xã Tiên Phong", "0912345678", "Vẫn tạo mới", "asdfgh", "???", "🙂", "a", "Hội chợ Xuân 2026", "/help", "Giữ",
    ];

    private static readonly string[] Buttons =
        ["f:back", "f:skip", "f:cancel", "f:save", "f:edit", "f:e:1", "f:dc", "f:dd", "f:my", "f:again:1", "f:r:1", "f:re:1", "f:rd:1", "f:rdy:1", "f:0:v:0", "f:3:today", "f:1:fnew", "f:9:keep", "x:zzz"];

    [Theory]
    [InlineData(20261126)]
    [InlineData(4)]
    public async Task Random_messages_never_break_a_form(int seed)
    {
        using var bot = FormTestKit.WithOfficer();
        bot.AddUser("o2", Role.Officer, "phu-tho");
        var forms = bot.Services.GetRequiredService<FormCatalogue>();
        var random = new Random(seed);
        var history = new List<string>();
        for (var i = 0; i < 2500; i++)
        {
            var user = random.Next(3) == 0 ? "o2" : "o1";
            var u = bot.Store.Users.FindByIdentity("terminal:" + user)!;
            var st = bot.Store.Conversations.Get(u.Id);
            var where = st?.Flow is null ? "idle" : $"{st.Data.GetValueOrDefault("form")}/{st.Data.GetValueOrDefault("phase")}/{st.Step}";
            string reply;
            if (random.Next(2) == 0 && FormDriver.NextAnswer(bot, user) is { } valid)
            {
                history.Add($"{user} [{where}] say {valid}");
                reply = await bot.Say(valid, user);
            }
            else if (random.Next(6) == 0)
            {
                var data = Buttons[random.Next(Buttons.Length)];
                history.Add($"{user} [{where}] press {data}");
                var replies = await bot.Press(data, user);
                reply = string.Join("\n", replies.Select(r => r.Text));
            }
            else
            {
                var text = random.Next(10) == 0 ? RandomText(random) : Inputs[random.Next(Inputs.Length)];
                history.Add($"{user} [{where}] say {text}");
                reply = await bot.Say(text, user);
            }
            if (reply.Contains("bot gặp lỗi"))
            {
                var st2 = bot.Store.Conversations.Get(u.Id)!;
                var dump = string.Join("; ", st2.Data.Select(kv => kv.Key + "=" + kv.Value));
                try
                {
                    var rec = new KhuyenCongBot.Core.Records.SupportRecord();
                    RecordWriter.Fill(rec, forms.Get(st2.Data["form"])!, new FormSession(st2), bot.Store);
                }
                catch (Exception ex)
                {
                    dump += "\n" + ex;
                }
                Assert.Fail("error after:\n" + string.Join("\n", history.TakeLast(12)) + "\nstate: " + dump);
            }
            Assert.False(string.IsNullOrWhiteSpace(reply), $"no reply at message {i}");
            if (i % 50 == 0)
            {
                bot.Time.Advance(TimeSpan.FromHours(random.Next(0, 30)));
            }
        }
        // Every record is whole and has its creation in the audit trail.
        foreach (var r in bot.Store.Records.All())
        {
            Assert.False(string.IsNullOrEmpty(r.ActivityId));
            Assert.Equal("phu-tho", r.ProvinceId);
            Assert.NotEqual(default, r.Date);
            var form = forms.Get(r.ActivityId)!;
            if (form.Bound("facility") is { IsRequired: true })
            {
                Assert.False(string.IsNullOrEmpty(r.FacilityName));
            }
            if (r.ActivityId == "trade_fair")
            {
                Assert.InRange(r.Booths, 1, 50);
            }
            Assert.Contains(bot.Store.Audit.ForEntity("record", r.Id.ToString()), a => a.Action == "create");
        }
        Assert.True(bot.Store.Records.Count() >= 20, $"only {bot.Store.Records.Count()} records: the fuzz should reach saving");
        // Nobody is stuck: each person can still leave and log a fresh record.
        foreach (var user in new[] { "o1", "o2" })
        {
            await bot.Say("/huy", user);
            var before = bot.Store.Records.Count();
            var opened = await bot.Say("ghi hội chợ", user);
            if (opened.Contains("Tiếp tục phiếu đó hay bỏ"))
            {
                // The form left by /huy kept its answers as a draft: the new one is opened once it is dropped.
                opened = await bot.Say("mới", user);
            }
            Assert.Contains("Phiếu mới", opened);
            await FormDriver.FillAndSave(bot, user);
            Assert.Equal(before + 1, bot.Store.Records.Count());
        }
    }

    private static string RandomText(Random random)
    {
        const string alphabet = "abcdđeêghiklmnoôơpqrstuưvxyàáảãạ0123456789 ,./-:!?";
        var length = random.Next(1, 40);
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}
