using System.Globalization;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Tests.Support;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>The harness as the reliability tests use it: in-memory LiteDB, no flood limit, telegram:1001 an admin, on 20/6/2024.</summary>
public static class CoreHost
{
    public static BotHarness Create(IDictionary<string, string?>? settings = null, bool demo = false)
    {
        var config = new Dictionary<string, string?>
        {
            ["Bot:FloodBurst"] = "0",
            ["Bot:Admins:0"] = "telegram:1001",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            config[k] = v;
        }
        return BotHarness.Create(new DateOnly(2024, 6, 20), demo, ":memory:", config);
    }

    /// <summary>Registers a Telegram person with a role and scope.</summary>
    public static BotUser AddUser(this BotHarness host, long telegramId, Role role, string? provinceId) =>
        host.AddUser(telegramId.ToString(CultureInfo.InvariantCulture), role, provinceId, channel: "telegram");
}
