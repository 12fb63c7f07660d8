using System.Diagnostics;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using Xunit.Abstractions;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>100.000 random and mutated messages and button presses straight into the engine: no exception, no error log, every reply fit to show.</summary>
public sealed class EngineFuzzTests(ITestOutputHelper output)
{
    public const int Inputs = 100_000;

    [Fact]
    [Trait("Category", "Fuzz")]
    public async Task Hundred_thousand_random_and_mutated_inputs_never_throw_and_every_reply_is_well_formed()
    {
        using var host = CoreHost.Create();
        var fuzz = new FuzzInputs(20240620);
        // Admin 1001 (bootstrap), officers, a manager with a province, an officer with everything, and strangers.
        host.AddUser(2001, Role.Officer, "bac-ninh");
        host.AddUser(2002, Role.Officer, "phu-tho");
        host.AddUser(2003, Role.Officer, "ha-noi");
        host.AddUser(2004, Role.Officer, null);
        host.AddUser(3001, Role.Manager, "bac-ninh");
        host.AddUser(3002, Role.Manager, null);
        long[] people = [1001, 2001, 2002, 2003, 2004, 3001, 3002, 9001, 9002];
        var buttons = people.ToDictionary(p => p, _ => new List<string>());
        var problems = new List<string>();
        var updateId = 0;
        var replies = 0;
        var watch = Stopwatch.StartNew();
        // Charts and spreadsheets take milliseconds each: pressed a few hundred times, not tens of thousands.
        var expensive = new Dictionary<string, int> { ["fq:chart"] = 300, ["fq:xlsx"] = 300 };

        for (var i = 0; i < Inputs; i++)
        {
            var person = fuzz.Random.Next(10) < 8 ? fuzz.Pick(people.Take(7).ToArray()) : fuzz.Pick(people);
            var message = Build(fuzz, person, buttons[person], buttons, expensive, ref updateId);
            IReadOnlyList<Reply> answer;
            try
            {
                answer = await host.Engine.HandleAsync(message);
            }
            catch (Exception ex)
            {
                problems.Add($"#{i} threw {ex.GetType().Name}: {ex.Message} for {Describe(message)}");
                continue;
            }
            foreach (var reply in answer)
            {
                replies++;
                if (ReplyChecks.Problem(reply) is { } problem)
                {
                    problems.Add($"#{i} {problem} for {Describe(message)} -> {Clip(reply.Text)}");
                }
                if (reply.Choices.Count > 0)
                {
                    var list = buttons[person];
                    list.Clear();
                    list.AddRange(reply.Choices.Select(c => c.Data));
                }
            }
            if (problems.Count > 20)
            {
                break;
            }
            // Let time pass now and then (reminders, edit windows, "today").
            if (i % 5000 == 4999)
            {
                host.Time.Advance(TimeSpan.FromHours(7));
            }
        }

        output.WriteLine($"{Inputs:N0} inputs, {replies:N0} replies in {watch.Elapsed.TotalSeconds:F1} s; {host.Store.Records.Count()} records saved");
        var errors = host.Errors;
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.True(errors.Count == 0, $"{errors.Count} error log line(s):\n" + string.Join("\n---\n", errors.Take(5)));
        Assert.True(replies > Inputs / 2, $"only {replies} replies: the fuzz did not reach the bot");
    }

    /// <summary>An <see cref="Incoming"/> as TelegramUpdateHandler builds it, with random content and delivery quirks.</summary>
    private static Incoming Build(FuzzInputs fuzz, long person, List<string> own, Dictionary<long, List<string>> all, Dictionary<string, int> expensive, ref int updateId)
    {
        var roll = fuzz.Random.Next(100);
        // Now and then the same update again (redelivery), otherwise a fresh one.
        var key = fuzz.Random.Next(50) == 0 && updateId > 0 ? updateId - fuzz.Random.Next(Math.Min(updateId, 20)) : ++updateId;
        var group = fuzz.Random.Next(25) == 0;
        string? text = null;
        string? data = null;
        IncomingDocument? document = null;
        if (roll < 30 && own.Count > 0)
        {
            data = fuzz.Pick(own);
            if (expensive.TryGetValue(data, out var left))
            {
                expensive[data] = left - 1;
                data = left > 0 ? data : fuzz.TamperData(data);
            }
        }
        else if (roll < 35)
        {
            data = fuzz.TamperData(own.Count > 0 ? fuzz.Pick(own) : null);
        }
        else if (roll < 37)
        {
            var other = all[fuzz.Pick(all.Keys.ToArray())];
            data = other.Count > 0 ? fuzz.Pick(other) : "f:my";
        }
        else if (roll < 45 && own.Count > 0)
        {
            // Typing the number of a choice (the engine maps it back).
            text = fuzz.Random.Next(1, own.Count + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (roll < 46)
        {
            document = Document(fuzz);
            text = fuzz.Random.Next(2) == 0 ? null : fuzz.Text();
        }
        else
        {
            text = fuzz.Text();
        }
        return new Incoming
        {
            Channel = "telegram",
            ChatId = group ? "-100" + person : person.ToString(System.Globalization.CultureInfo.InvariantCulture),
            UserId = person.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DisplayName = fuzz.Random.Next(20) == 0 ? fuzz.Text() : "Người " + person,
            Text = text,
            ButtonData = data,
            LanguageCode = fuzz.Pick(new[] { "vi", "vi", "vi", "en", "en-US", null, "xx", "" }),
            IsGroupChat = group,
            AddressedToBot = !group || fuzz.Random.Next(2) == 0,
            UpdateKey = "telegram:" + key.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Document = document,
            SourceMessageId = data is null ? null : fuzz.Random.Next(1, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static IncomingDocument Document(FuzzInputs fuzz)
    {
        var kind = fuzz.Random.Next(4);
        var name = fuzz.Pick(new[] { "records.csv", "plans.csv", "anh.jpg", "x", "../../etc/passwd", "báo cáo.xlsx", "" });
        return kind switch
        {
            // A 10 MB document: the bot must refuse it by its size, without reading it.
            0 => new IncomingDocument(name, 10 * 1024 * 1024, _ => Task.FromResult<Stream>(new MemoryStream(new byte[10 * 1024 * 1024]))),
            1 => new IncomingDocument(name, 40, _ => Task.FromResult<Stream>(new MemoryStream("date,province,activity\nxx,yy,zz\n"u8.ToArray()))),
            2 => new IncomingDocument(name, 5, _ => throw new HttpRequestException("download failed")),
            _ => new IncomingDocument(name, 100, _ => Task.FromResult<Stream>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(fuzz.RandomChars(50))))),
        };
    }

    private static string Describe(Incoming m) =>
        $"[{m.UserId}{(m.IsGroupChat ? " group" : "")}] text={Clip(m.Text)} data={Clip(m.ButtonData)} doc={m.Document?.FileName}";

    private static string Clip(string? s) => s is null ? "null" : s.Length > 80 ? s[..80] + $"…({s.Length})" : s;
}
