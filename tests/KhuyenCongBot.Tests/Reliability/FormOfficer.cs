using System.Globalization;
using System.Text.RegularExpressions;
using KhuyenCongBot.Tests.Fakes;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>A receipt an officer was shown: "✅ Đã lưu bản ghi số N".</summary>
public sealed record Receipt(long Officer, long RecordId, int StartedInRun, int ReceivedInRun);

/// <summary>
/// An officer on Telegram filling trade-fair forms again and again, answering whatever the bot asks last
/// (so it follows the conversation across restarts). Each form carries a unique fair name (the marker).
/// When the bot stays silent it types /ghi to find out where the conversation is.
/// </summary>
public sealed partial class FormOfficer(FakeTelegramServer server, long id, Func<int> run)
{
    private int _cursor;
    private int _form;
    private bool _saveSent;
    private int _formStartedInRun;
    private string? _answered;

    public long Id => id;

    public List<Receipt> Receipts { get; } = [];

    /// <summary>How many receipts have arrived so far (safe to read while the officer runs).</summary>
    public int ReceiptCount => Volatile.Read(ref _receiptCount);

    private int _receiptCount;

    /// <summary>Markers of forms whose "Lưu" went out but whose receipt never came (the bot died in between).</summary>
    public HashSet<string> Uncertain { get; } = [];

    /// <summary>Every marker this officer typed.</summary>
    public HashSet<string> Markers { get; } = [];

    /// <summary>What the officer sent (with its update_id) and received, in order, with the run it happened in: a failure's story.</summary>
    public List<string> Timeline { get; } = [];

    /// <summary>Marks the moment the bot process was killed in the timeline.</summary>
    public void Killed() => Note("-- bot killed");

    private void Note(string line)
    {
        lock (Timeline)
        {
            Timeline.Add($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} run {run()} {line}");
        }
    }

    /// <summary>Update-to-reply times of the answers that got a reply within the patience window.</summary>
    public List<double> LatenciesMs { get; } = [];

    /// <summary>How long an officer waits for an update the bot has not confirmed before asking where the conversation is.</summary>
    private static readonly TimeSpan MaxWaitForPending = TimeSpan.FromSeconds(40);

    public string Marker => $"Hội chợ thử {id}-{_form}";

    public static string MarkerPrefix(long officer) => $"Hội chợ thử {officer}-";

    [GeneratedRegex(@"Đã lưu bản ghi số (\d+)")]
    private static partial Regex ReceiptText();

    /// <summary>Fills forms until <paramref name="stop"/>; <paramref name="patience"/> is how long it waits for the bot before asking again.</summary>
    public async Task RunAsync(TimeSpan patience, CancellationToken stop)
    {
        var next = "/ghi";
        _formStartedInRun = run();
        while (!stop.IsCancellationRequested)
        {
            var sentAt = DateTimeOffset.UtcNow;
            var updateId = server.UserSends(id, next);
            Note($">> [{updateId}] {next}");
            var prompt = await WaitPromptAsync(patience, stop);
            // Silence while the update is still unconfirmed means a slow or a dead bot: either way this update will be handled (by this
            // run or the next), so typing /ghi now would only queue behind it and leave the officer answering one reply behind.
            for (var waited = patience; prompt is null && waited < MaxWaitForPending && server.IsPending(updateId) && !stop.IsCancellationRequested; waited += patience)
            {
                Note($".. [{updateId}] still unconfirmed, waiting");
                prompt = await WaitPromptAsync(patience, stop);
            }
            if (stop.IsCancellationRequested)
            {
                return;
            }
            if (prompt is null)
            {
                // Silence: the bot was down, or it handled the update and died before answering. Ask where we are.
                if (_saveSent)
                {
                    Uncertain.Add(Marker);
                    NewForm();
                }
                next = "/ghi";
                continue;
            }
            LatenciesMs.Add((DateTimeOffset.UtcNow - sentAt).TotalMilliseconds);
            next = Answer(prompt);
        }
    }

    private void NewForm()
    {
        _form++;
        _saveSent = false;
        _formStartedInRun = run();
    }

    private string Answer(string text)
    {
        if (text.Contains("Đã lưu bản ghi số", StringComparison.Ordinal))
        {
            return "/ghi";
        }
        if (text.Contains("Kiểm tra trước khi lưu", StringComparison.Ordinal))
        {
            _saveSent = true;
            return "Lưu";
        }
        var marker = Marker;
        var answer = Ask(text);
        if (answer == marker)
        {
            Markers.Add(marker);
        }
        return answer ?? "/ghi";
    }

    private string? Ask(string text) => AnswerTo(text, id, Marker);

    /// <summary>What an officer answers to the trade-fair form's question in <paramref name="text"/>; null when it is not a question.</summary>
    public static string? AnswerTo(string text, long id, string marker) => text switch
    {
        _ when text.Contains("Ghi nhận hoạt động nào") => "3",
        _ when text.Contains("Tiếp tục phiếu đó hay bỏ") => "1",
        _ when text.Contains("❓ Tỉnh/thành phố") => "Bắc Ninh",
        _ when text.Contains("🔎") => "1",
        _ when text.Contains("❓ Cơ sở") => $"Cơ sở thử {id}",
        _ when text.Contains("xã/phường nào") => "Phù Lãng",
        _ when text.Contains("không có trong danh mục") => "1",
        _ when text.Contains("thuộc loại hình nào") => "1",
        _ when text.Contains("Mã số thuế (hoặc số đăng ký") => "bỏ qua",
        _ when text.Contains("nhóm được ưu tiên") => "1",
        _ when text.Contains("làng nghề nào") => "bỏ qua",
        _ when text.Contains("Số điện thoại của cơ sở") => "bỏ qua",
        _ when text.Contains("❓ Tên hội chợ") => marker,
        _ when text.Contains("❓ Số gian hàng") => "3",
        _ when text.Contains("❓ Ngày tham gia") => "hôm nay",
        _ when text.Contains("❓ Kinh phí") => "bỏ qua",
        _ when text.Contains("❓ Nguồn kinh phí") => "1",
        _ when text.Contains("❓ Số liệu") => "1",
        _ when text.Contains("❓ Ghi chú") => "bỏ qua",
        _ => null,
    };

    private bool Actionable(string text) =>
        text.Contains("Đã lưu bản ghi số", StringComparison.Ordinal) || text.Contains("Kiểm tra trước khi lưu", StringComparison.Ordinal) || Ask(text) is not null;

    /// <summary>After the run: reads the messages that arrived after the officer stopped, for late receipts.</summary>
    public void ReadRest()
    {
        foreach (var m in server.SentTo(id).Skip(_cursor))
        {
            if (ReceiptText().Match(m.Text) is { Success: true } r)
            {
                Receipts.Add(new Receipt(id, long.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture), _formStartedInRun, run()));
            }
        }
        _cursor = server.SentTo(id).Count;
    }

    /// <summary>The newest message the officer can act on, once one arrives; null after <paramref name="patience"/> of silence. Records receipts on the way.</summary>
    private async Task<string?> WaitPromptAsync(TimeSpan patience, CancellationToken stop)
    {
        var deadline = DateTimeOffset.UtcNow + patience;
        while (DateTimeOffset.UtcNow < deadline && !stop.IsCancellationRequested)
        {
            var mine = server.SentTo(id);
            if (mine.Count > _cursor)
            {
                var fresh = mine.Skip(_cursor).ToList();
                _cursor = mine.Count;
                fresh.ForEach(m => Note("<< " + m.Text.Split('\n').FirstOrDefault(l => l.Length > 0 && !l.StartsWith("📝", StringComparison.Ordinal))));
                foreach (var m in fresh)
                {
                    if (ReceiptText().Match(m.Text) is { Success: true } r)
                    {
                        Receipts.Add(new Receipt(id, long.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture), _formStartedInRun, run()));
                        Interlocked.Increment(ref _receiptCount);
                        NewForm();
                    }
                }
                // A question identical to the one just answered is the bot sending its last replies again after a restart
                // (the update was handled, the run died before Telegram was told): the answer is already on its way.
                if (fresh.LastOrDefault(m => Actionable(m.Text)) is { } prompt && prompt.Text != _answered)
                {
                    _answered = prompt.Text;
                    return prompt.Text;
                }
            }
            try
            {
                await Task.Delay(15, stop);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
        return null;
    }
}
