using System.Text.Json.Nodes;
using KhuyenCongBot.Tests.Fakes;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>Raw Telegram updates (random, mutated, unknown kinds, wrong types) through the fake Bot API into the real polling loop.</summary>
public sealed class TelegramUpdateFuzzTests(ITestOutputHelper output)
{
    public const int Updates = 2000;

    [Fact]
    [Trait("Category", "Fuzz")]
    public async Task Two_thousand_raw_updates_never_stop_the_polling_loop_and_every_message_sent_is_well_formed()
    {
        await using var bot = await TelegramBotFixture.StartAsync(o => o.Settings["Bot:FloodBurst"] = "0");
        var fuzz = new FuzzInputs(4096);
        for (var i = 0; i < Updates; i++)
        {
            bot.Server.Enqueue(RandomUpdate(fuzz));
        }

        // The loop is alive when a plain /help sent after all of them is answered.
        var before = bot.Server.SentTo(TelegramBotFixture.AdminId).Count;
        var sentinel = bot.Server.UserSends(TelegramBotFixture.AdminId, "/help");
        await bot.WaitHandled(sentinel).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains(bot.Server.SentTo(TelegramBotFixture.AdminId).Skip(before), m => m.Text.Contains("/help"));

        var sent = bot.Server.Sent;
        output.WriteLine($"{Updates} updates, {sent.Count} messages sent, {bot.Server.CallsTo("getUpdates").Count} getUpdates calls");
        var bad = sent.Select(m => (m, problem: m.Text.Length > 4096 ? "over 4096" : ReplyChecks.Problem(m.Text, allowEmpty: m.Kind is "photo" or "document")))
            .Where(x => x.problem is not null).ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad.Take(10).Select(b => $"{b.problem}: {b.m}")));
        var errors = bot.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n---\n", errors.Take(5)));
        Assert.True(sent.Count > Updates / 4, $"only {sent.Count} messages: the updates did not reach the bot");
    }

    private static readonly long[] People = [TelegramBotFixture.AdminId, 5001, 5002, 5003];

    /// <summary>An update of a random kind; a quarter of them mutated (fields removed, wrong types, junk added).</summary>
    public static JsonObject RandomUpdate(FuzzInputs fuzz)
    {
        var person = fuzz.Pick(People);
        var kind = fuzz.Random.Next(100);
        JsonObject update = kind switch
        {
            < 45 => new JsonObject { ["message"] = Message(fuzz, person, fuzz.Text()) },
            < 60 => new JsonObject { ["callback_query"] = Callback(fuzz, person) },
            < 65 => new JsonObject { ["message"] = Document(fuzz, person) },
            < 70 => new JsonObject { ["edited_message"] = Message(fuzz, person, fuzz.Text()) },
            < 73 => new JsonObject { ["channel_post"] = Message(fuzz, -1001234, fuzz.Text()) },
            < 76 => new JsonObject { ["my_chat_member"] = new JsonObject { ["chat"] = Chat(person), ["from"] = Person(person), ["date"] = 1, ["old_chat_member"] = Member(), ["new_chat_member"] = Member() } },
            < 79 => new JsonObject { ["inline_query"] = new JsonObject { ["id"] = "iq1", ["from"] = Person(person), ["query"] = fuzz.Text(), ["offset"] = "" } },
            < 82 => new JsonObject { ["message"] = Sticker(person) },
            < 85 => new JsonObject { ["poll"] = new JsonObject { ["id"] = "p", ["question"] = "?", ["options"] = new JsonArray(), ["total_voter_count"] = 0, ["is_closed"] = false, ["is_anonymous"] = true, ["type"] = "regular", ["allows_multiple_answers"] = false } },
            < 88 => new JsonObject { ["some_future_kind_" + fuzz.Random.Next(5)] = new JsonObject { ["x"] = fuzz.Text() } },
            < 90 => [],
            < 95 => new JsonObject { ["message"] = GroupMessage(fuzz, person) },
            _ => new JsonObject { ["message"] = Message(fuzz, person, fuzz.Huge()) },
        };
        if (fuzz.Random.Next(4) == 0)
        {
            Mutate(fuzz, update);
        }
        return update;
    }

    private static JsonObject Message(FuzzInputs fuzz, long person, string text) => new()
    {
        ["message_id"] = fuzz.Random.Next(1, 100000), ["date"] = 1718850000, ["chat"] = Chat(person), ["from"] = Person(person), ["text"] = text,
    };

    private static JsonObject GroupMessage(FuzzInputs fuzz, long person)
    {
        var m = Message(fuzz, person, fuzz.Random.Next(2) == 0 ? "@" + FakeTelegramServer.BotUsername + " " + fuzz.Text() : fuzz.Text());
        m["chat"] = new JsonObject { ["id"] = -1009999, ["type"] = "supergroup", ["title"] = "Nhóm" };
        if (fuzz.Random.Next(2) == 0)
        {
            m["reply_to_message"] = new JsonObject { ["message_id"] = 5, ["date"] = 1, ["chat"] = new JsonObject { ["id"] = -1009999, ["type"] = "supergroup" }, ["from"] = new JsonObject { ["id"] = FakeTelegramServer.BotId, ["is_bot"] = true, ["first_name"] = "Bot" } };
        }
        return m;
    }

    private static JsonObject Document(FuzzInputs fuzz, long person)
    {
        var m = Message(fuzz, person, "");
        m.Remove("text");
        m["document"] = new JsonObject
        {
            ["file_id"] = "missing-" + fuzz.Random.Next(1000), ["file_unique_id"] = "u", ["file_name"] = fuzz.Pick(new[] { "records.csv", "x.exe", "báo cáo.xlsx" }),
            ["file_size"] = fuzz.Pick(new long[] { 10 * 1024 * 1024, 0, 200 }),
        };
        if (fuzz.Random.Next(2) == 0)
        {
            m["caption"] = fuzz.Text();
        }
        return m;
    }

    private static JsonObject Sticker(long person) => new()
    {
        ["message_id"] = 7, ["date"] = 1, ["chat"] = Chat(person), ["from"] = Person(person),
        ["sticker"] = new JsonObject { ["file_id"] = "s", ["file_unique_id"] = "us", ["type"] = "regular", ["width"] = 512, ["height"] = 512, ["is_animated"] = false, ["is_video"] = false },
    };

    private static JsonObject Callback(FuzzInputs fuzz, long person)
    {
        var q = new JsonObject { ["id"] = "cb" + fuzz.Random.Next(), ["from"] = Person(person), ["chat_instance"] = "ci" };
        if (fuzz.Random.Next(10) > 0)
        {
            q["data"] = fuzz.TamperData(fuzz.Pick(new[] { "f:my", "fq:chart", "f:again:1", "f:0:v:1", "fq:m:all", "f:cancel" }));
        }
        if (fuzz.Random.Next(5) > 0)
        {
            q["message"] = new JsonObject { ["message_id"] = fuzz.Random.Next(1, 50), ["date"] = 1, ["chat"] = Chat(person), ["text"] = "…" };
        }
        return q;
    }

    private static JsonObject Chat(long id) => new() { ["id"] = id, ["type"] = id < 0 ? "channel" : "private" };

    private static JsonObject Person(long id) => new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = "Người " + id, ["language_code"] = id % 2 == 0 ? "vi" : "en" };

    private static JsonObject Member() => new() { ["status"] = "member", ["user"] = Person(1) };

    /// <summary>Removes a field, gives one the wrong type, or adds junk, somewhere in the update.</summary>
    private static void Mutate(FuzzInputs fuzz, JsonObject update)
    {
        var target = update.FirstOrDefault().Value as JsonObject ?? update;
        var keys = target.Select(kv => kv.Key).ToList();
        var key = keys.Count > 0 ? fuzz.Pick(keys) : "x";
        switch (fuzz.Random.Next(6))
        {
            case 0:
                target.Remove(key);
                break;
            case 1:
                target[key] = fuzz.Text();
                break;
            case 2:
                target[key] = fuzz.Random.Next();
                break;
            case 3:
                target[key] = new JsonArray(1, "a", null);
                break;
            case 4:
                target["unknown_field_" + fuzz.Random.Next(100)] = new JsonObject { ["deep"] = new JsonObject { ["er"] = fuzz.Text() } };
                break;
            default:
                target[key] = null;
                break;
        }
    }
}
