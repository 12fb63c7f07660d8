using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.People;
using KhuyenCongBot.Core.Storage;

namespace KhuyenCongBot.Tests.Support;

/// <summary>The <see cref="IChatDriver"/> for the terminal chat: the engine directly, replies rendered as the terminal shows them
/// (numbered choices, "Hoặc gõ:" hints), so a transcript theory runs on the terminal, Telegram and Zalo alike.</summary>
public sealed class TerminalChatDriver(BotHarness harness) : IChatDriver
{
    private readonly Dictionary<string, List<string>> _received = [];

    public BotHarness Harness { get; } = harness;

    public string Channel => "terminal";

    public IServiceProvider Services => Harness.Services;

    public IBotStore Store => Harness.Store;

    public static TerminalChatDriver Start(DateOnly today, IDictionary<string, string?>? settings = null, string? databasePath = null)
    {
        var all = new Dictionary<string, string?> { ["Bot:FloodBurst"] = "0" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }
        return new TerminalChatDriver(BotHarness.Create(today, databasePath: databasePath, settings: all));
    }

    public void AddUser(string user, Role role, string? provinceId) => Harness.AddUser(user, role, provinceId);

    public async Task<IReadOnlyList<string>> SayAsync(string user, string text)
    {
        var reply = await Harness.Say(text, user);
        if (!_received.TryGetValue(user, out var list))
        {
            _received[user] = list = [];
        }
        list.Add(reply);
        return [reply];
    }

    public async Task<IReadOnlyList<string>> SendFileAsync(string user, string fileName, byte[] content, string? caption = null)
    {
        var replies = await Harness.Send(new Incoming
        {
            Channel = "terminal", ChatId = user, UserId = user, Text = caption, LanguageCode = "vi",
            Document = new IncomingDocument(fileName, content.Length, _ => Task.FromResult<Stream>(new MemoryStream(content))),
        });
        var reply = string.Join("\n", replies.Select(r => TextRendering.Render(r, TestTexts.Seeds, "vi")));
        if (!_received.TryGetValue(user, out var list))
        {
            _received[user] = list = [];
        }
        list.Add(reply);
        return [reply];
    }

    public string IdentityOf(string user) => "terminal:" + user;

    public void Advance(TimeSpan by) => Harness.Time.Advance(by);

    public IReadOnlyList<string> Received(string user) => _received.GetValueOrDefault(user) ?? [];

    public Task<IReadOnlyList<string>> ChooseAsync(string user, int number, string label) =>
        SayAsync(user, number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public ValueTask DisposeAsync()
    {
        Harness.Dispose();
        return ValueTask.CompletedTask;
    }
}
