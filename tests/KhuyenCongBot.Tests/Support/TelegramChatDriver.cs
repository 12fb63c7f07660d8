using System.Collections.Concurrent;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;
using KhuyenCongBot.Core.Time;
using KhuyenCongBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace KhuyenCongBot.Tests.Support;

/// <summary>The <see cref="IChatDriver"/> for Telegram: the real Telegram.Bot client against <see cref="FakeTelegramServer"/>; choices are button presses.</summary>
public sealed class TelegramChatDriver : IChatDriver
{
    private readonly ConcurrentDictionary<string, long> _ids = new();
    private long _next = 500_000;

    private TelegramChatDriver(TelegramBotFixture bot) => Bot = bot;

    public string Channel => "telegram";
    public TelegramBotFixture Bot { get; }
    public IBotStore Store => Bot.Services.GetRequiredService<IBotStore>();
    public IServiceProvider Services => Bot.Services;

    /// <summary>Starts the bot; <paramref name="configure"/> may change the fixture's options further (a shared server, a database folder).</summary>
    public static async Task<TelegramChatDriver> StartAsync(DateOnly today, bool demo = false, IDictionary<string, string?>? settings = null, Action<TelegramBotFixtureOptions>? configure = null) =>
        new(await TelegramBotFixture.StartAsync(o =>
        {
            o.Today = today;
            o.Demo = demo;
            foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            {
                o.Settings[k] = v;
            }
            configure?.Invoke(o);
        }));

    public string IdentityOf(string user) => "telegram:" + IdOf(user).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void Advance(TimeSpan by) => (Bot.Time ?? throw new InvalidOperationException("The bot runs on the real clock")).Advance(by);

    public IReadOnlyList<string> Received(string user) => Bot.Server.SentTo(IdOf(user)).Select(m => m.ToString()).ToList();

    /// <summary>The Telegram user id standing for a named person.</summary>
    public long IdOf(string user) => _ids.GetOrAdd(user, _ => Interlocked.Increment(ref _next));

    public void AddUser(string user, Role role, string? provinceId)
    {
        var id = IdOf(user);
        var person = new BotUser
        {
            DisplayName = user, Role = role,
            ScopeKind = provinceId is null ? ScopeKind.All : ScopeKind.Province, ScopeId = provinceId,
            Identities = [$"telegram:{id}"], Chats = { ["telegram"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            CreatedAt = Bot.Services.GetRequiredService<BotClock>().Now,
        };
        person.Id = Store.Users.Add(person);
    }

    public async Task<IReadOnlyList<string>> SayAsync(string user, string text) =>
        (await Bot.Say(IdOf(user), text)).Select(m => m.ToString()).ToList();

    public async Task<IReadOnlyList<string>> ChooseAsync(string user, int number, string label)
    {
        var id = IdOf(user);
        var message = Bot.Server.SentTo(id).LastOrDefault(m => m.AllButtons.Any(b => b.Text == label))
            ?? throw new InvalidOperationException($"No button '{label}' in the chat of {user}:\n{TelegramBotFixture.Transcript(Bot.Server.SentTo(id))}");
        return (await Bot.Press(id, message, label)).Select(m => m.ToString()).ToList();
    }

    public async Task<IReadOnlyList<string>> SendFileAsync(string user, string fileName, byte[] content, string? caption = null)
    {
        var id = IdOf(user);
        return (await Bot.Deliver(id, () => Bot.Server.UserSendsDocument(id, fileName, content, caption))).Select(m => m.ToString()).ToList();
    }

    public ValueTask DisposeAsync() => Bot.DisposeAsync();
}
