using KhuyenCongBot.Telegram;

namespace KhuyenCongBot.Tests.Telegram;

/// <summary>Start-up validation of the Telegram section names the bad key.</summary>
public sealed class TelegramOptionsTests
{
    [Theory]
    [InlineData("123456:ABC-def_ghi", "Polling", null, null, null)]
    [InlineData("abc", "Polling", null, null, "Telegram:BotToken")]
    [InlineData("", "Polling", null, null, "Telegram:BotToken")]
    [InlineData("987654:", "Polling", null, null, "Telegram:BotToken")]
    [InlineData("123456:abc", "Webhook", "https://bot.vn/tg", "s3cret_-", null)]
    [InlineData("123456:abc", "Webhook", null, "s3cret", "Telegram:WebhookUrl")]
    [InlineData("123456:abc", "Webhook", "ftp://bot.vn/tg", "s3cret", "Telegram:WebhookUrl")]
    [InlineData("123456:abc", "Webhook", "https://bot.vn/tg", "", "Telegram:WebhookSecret")]
    [InlineData("123456:abc", "Webhook", "https://bot.vn/tg", "có dấu", "Telegram:WebhookSecret")]
    public void Validation_names_the_bad_key(string token, string mode, string? url, string? secret, string? badKey)
    {
        var options = new TelegramOptions { BotToken = token, Mode = Enum.Parse<TelegramMode>(mode), WebhookUrl = url, WebhookSecret = secret };

        var result = new TelegramOptionsValidator().Validate(null, options);

        if (badKey is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.True(result.Failed);
            Assert.Contains(badKey, result.FailureMessage);
            Assert.DoesNotContain(token.Length > 3 ? token : "\u0000", result.FailureMessage);
        }
    }

    [Fact]
    public void A_secret_longer_than_256_characters_is_refused()
    {
        var options = new TelegramOptions { BotToken = "1:a", Mode = TelegramMode.Webhook, WebhookUrl = "http://x/y", WebhookSecret = new string('a', 257) };
        Assert.Contains("Telegram:WebhookSecret", new TelegramOptionsValidator().Validate(null, options).FailureMessage);
    }
}
