using System.Text.Json;
using KhuyenCongBot.Zalo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KhuyenCongBot.Tests.Zalo;

/// <summary>Reading Zalo updates, splitting long texts, and checking the Zalo section.</summary>
public sealed class ZaloParsingTests
{
    private const string Flat = """{"event_name":"message.text.received","message":{"message_id":"2d75","from":{"id":"u1","display_name":"Nguyễn Văn A","is_bot":false},"chat":{"id":"c1","chat_type":"PRIVATE"},"date":1750316131602,"text":"/help"}}""";

    [Theory]
    // shape, expected count, expected chat, expected text
    [InlineData(Flat, 1, "c1", "/help")]
    [InlineData("{\"ok\":true,\"result\":" + Flat + "}", 1, "c1", "/help")]
    [InlineData("[" + Flat + "," + Flat + "]", 2, "c1", "/help")]
    [InlineData("""{"message":{"message_id":7,"from":{"id":123,"first_name":"B"},"chat":{"id":456,"chat_type":"PRIVATE"},"text":"Xin chào"}}""", 1, "456", "Xin chào")]
    [InlineData("""{"ok":true,"result":{}}""", 0, null, null)]
    [InlineData("""{"hello":1}""", 0, null, null)]
    public void Updates_are_read_flat_wrapped_or_in_a_list(string json, int count, string? chat, string? text)
    {
        using var document = JsonDocument.Parse(json);
        var updates = ZaloUpdateMapper.ParseUpdates(document.RootElement);
        Assert.Equal(count, updates.Count);
        if (count > 0)
        {
            var inbound = ZaloUpdateMapper.Map(updates[0]);
            Assert.Equal(chat, inbound.ChatId);
            Assert.Equal(text, inbound.Incoming?.Text);
            Assert.Equal("zalo", inbound.Incoming?.Channel);
            Assert.Equal("zalo:" + updates[0].Message!.MessageId, inbound.Incoming?.UpdateKey);
        }
    }

    [Theory]
    // event, chat type, text, expected: "core" (to the core), "polite" (direct reply), "ignored"
    [InlineData("message.text.received", "PRIVATE", "báo cáo", "core")]
    [InlineData("message.text.received", "GROUP", "/help", "core")]
    [InlineData("message.text.received", "GROUP", "hỏi @bot.KhuyenCong số liệu", "core")]
    [InlineData("message.text.received", "GROUP", "chuyện phiếm", "ignored")]
    [InlineData("message.image.received", "PRIVATE", null, "polite")]
    [InlineData("message.sticker.received", "PRIVATE", null, "polite")]
    [InlineData("message.unsupported.received", "PRIVATE", null, "polite")]
    [InlineData("message.sticker.received", "GROUP", null, "ignored")]
    public void Events_map_to_the_core_a_polite_word_or_nothing(string eventName, string chatType, string? text, string expected)
    {
        var update = new ZaloUpdate
        {
            EventName = eventName,
            Message = new ZaloMessage
            {
                MessageId = "m1", Text = text, From = new ZaloSender { Id = "u1", DisplayName = "Chị Lan" },
                Chat = new ZaloChat { Id = chatType == "GROUP" ? "g1" : "u1", ChatType = chatType },
            },
        };
        var inbound = ZaloUpdateMapper.Map(update, "bot.KhuyenCong");
        var actual = inbound.DirectReply is not null ? "polite"
            : inbound.Incoming is { } i && (!i.IsGroupChat || i.AddressedToBot) ? "core" : "ignored";
        Assert.Equal(expected, actual);
        if (inbound.Incoming is { } incoming)
        {
            Assert.Equal("u1", incoming.UserId);
            Assert.Equal("Chị Lan", incoming.DisplayName);
            Assert.Equal(chatType == "GROUP", incoming.IsGroupChat);
        }
    }

    [Fact]
    public async Task An_image_with_its_url_in_a_private_chat_goes_to_the_core_as_a_photo_downloaded_on_demand()
    {
        var asked = new List<string>();
        var update = ZaloUpdateMapper.ParseUpdates(System.Text.Json.JsonDocument.Parse("""
            {"event_name":"message.image.received","message":{"message_id":"m9","date":1,"photo":"https://f.zalo.me/anh.jpg","caption":"",
             "from":{"id":"u1","display_name":"Chị Lan"},"chat":{"id":"u1","chat_type":"PRIVATE"}}}
            """).RootElement).Single();
        var inbound = ZaloUpdateMapper.Map(update, "bot.KhuyenCong", null, (url, _) =>
        {
            asked.Add(url);
            return Task.FromResult<Stream>(new MemoryStream([0xFF, 0xD8, 0xFF, 1]));
        });
        var photo = inbound.Incoming?.Photo;
        Assert.NotNull(photo);
        Assert.Null(inbound.Incoming!.Text);
        Assert.Equal("zalo:m9", inbound.Incoming.UpdateKey);
        Assert.Empty(asked);
        await using var bytes = await photo.OpenAsync(CancellationToken.None);
        Assert.Equal(["https://f.zalo.me/anh.jpg"], asked);
        Assert.Equal(4, bytes.Length);
        // Without a downloader, an http URL or in a group: the polite word or nothing, as before.
        Assert.NotNull(ZaloUpdateMapper.Map(update, "bot.KhuyenCong").DirectReply);
        update.Message!.Photo = "http://f.zalo.me/anh.jpg";
        Assert.NotNull(ZaloUpdateMapper.Map(update, "bot.KhuyenCong", null, (_, _) => Task.FromResult<Stream>(new MemoryStream())).DirectReply);
    }

    [Fact]
    public void Messages_from_bots_and_without_a_sender_are_ignored()
    {
        Assert.True(ZaloUpdateMapper.Map(new ZaloUpdate { EventName = ZaloUpdate.UnsupportedReceived }).Ignored);
        var fromBot = new ZaloUpdate
        {
            EventName = ZaloUpdate.TextReceived,
            Message = new ZaloMessage { MessageId = "m", Text = "hi", From = new ZaloSender { Id = "b", IsBot = true }, Chat = new ZaloChat { Id = "c" } },
        };
        Assert.True(ZaloUpdateMapper.Map(fromBot).Ignored);
    }

    [Theory]
    [InlineData(10, 30, 2000)]
    [InlineData(60, 100, 2000)]
    [InlineData(3, 3000, 2000)]
    [InlineData(1, 4500, 2000)]
    [InlineData(200, 10, 50)]
    public void Long_texts_are_split_on_line_ends_within_the_limit(int lines, int lineLength, int max)
    {
        var text = string.Join("\n", Enumerable.Range(0, lines).Select(i => new string((char)('a' + i % 26), lineLength - 4) + " " + i.ToString("D3")[..3]));
        var parts = ZaloTextSplitter.Split(text, max);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, max));
        if (lineLength <= max)
        {
            Assert.Equal(text, string.Join("\n", parts));
            Assert.True(parts.Count >= Math.Ceiling(text.Length / (double)max));
        }
        else
        {
            Assert.Equal(text.Replace("\n", "").Replace(" ", ""), string.Concat(parts).Replace("\n", "").Replace(" ", ""));
        }
    }

    [Fact]
    public void A_surrogate_pair_is_never_cut()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 1500));
        var parts = ZaloTextSplitter.Split(text, 2000);
        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(parts));
    }

    [Theory]
    [InlineData(null, "Polling", null, null, "Zalo:BotToken")]
    [InlineData("12:abc def", "Polling", null, null, "Zalo:BotToken")]
    [InlineData("12:abc", "Webhook", null, "secret-123", "Zalo:WebhookUrl")]
    [InlineData("12:abc", "Webhook", "https://bot.example.vn/zalo/webhook", null, "Zalo:WebhookSecret")]
    [InlineData("12:abc", "Webhook", "https://bot.example.vn/zalo/webhook", "short", "Zalo:WebhookSecret")]
    [InlineData("12:abc", "Webhook", "https://bot.example.vn/zalo/webhook", "secret-123", null)]
    [InlineData("12:abc", "Polling", null, null, null)]
    public void The_Zalo_section_is_checked_at_start(string? token, string mode, string? url, string? secret, string? failsOn)
    {
        var options = new ZaloOptions { BotToken = token, Mode = Enum.Parse<ZaloMode>(mode), WebhookUrl = url, WebhookSecret = secret };
        var result = new ZaloOptionsValidator().Validate(null, options);
        if (failsOn is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.True(result.Failed);
            Assert.Contains(failsOn, result.FailureMessage);
        }
    }

    [Fact]
    public void A_wrong_mode_is_named_in_the_message()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Zalo:Mode"] = "Push" }).Build();
        var ex = Assert.Throws<OptionsValidationException>(() => ZaloServiceCollectionExtensions.ModeOf(configuration));
        Assert.Contains("Zalo:Mode", ex.Message);
    }
}
