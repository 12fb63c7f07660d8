using System.Diagnostics;
using System.Threading.Channels;

namespace KhuyenCongBot.Benchmarks.Pipeline;

/// <summary>One simulated officer: sends a message, waits for the bot's question, answers it at once; records update-to-reply times.</summary>
internal sealed class SimOfficer
{
    private readonly LoopbackBotApi _api;
    private readonly long _id;
    private readonly bool _echo;
    private readonly Channel<string> _inbox = Channel.CreateUnbounded<string>();
    private int _form;

    public SimOfficer(LoopbackBotApi api, long id, bool echo)
    {
        _api = api;
        _id = id;
        _echo = echo;
        api.Listen(id, text => _inbox.Writer.TryWrite(text));
    }

    /// <summary>(completed at, latency in ms) of every answered update.</summary>
    public List<(long At, double Ms)> Samples { get; } = [];

    public int Timeouts { get; private set; }

    public int Saved { get; private set; }

    /// <summary>Runs until <paramref name="stop"/>; with an <paramref name="interval"/> the officer sends at most one message per interval (paced load), else as fast as replies come (saturation).</summary>
    public async Task RunAsync(CancellationToken stop, TimeSpan interval = default)
    {
        var next = _echo ? "ping" : "/ghi";
        if (interval > TimeSpan.Zero)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * interval.TotalMilliseconds), stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        while (!stop.IsCancellationRequested)
        {
            var sent = Stopwatch.GetTimestamp();
            _api.UserSends(_id, next);
            string? prompt = null;
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(stop);
            patience.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                while (prompt is null)
                {
                    var text = await _inbox.Reader.ReadAsync(patience.Token);
                    prompt = _echo || Actionable(text) ? text : null;
                }
            }
            catch (OperationCanceledException)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }
                Timeouts++;
                next = "/ghi";
                continue;
            }
            var now = Stopwatch.GetTimestamp();
            Samples.Add((now, Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds));
            next = _echo ? "ping" : Answer(prompt);
            var wait = interval - Stopwatch.GetElapsedTime(sent);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private string Answer(string text)
    {
        if (text.Contains("Đã lưu bản ghi số", StringComparison.Ordinal))
        {
            Saved++;
            _form++;
            return "/ghi";
        }
        return text.Contains("Kiểm tra trước khi lưu", StringComparison.Ordinal) ? "Lưu" : AnswerTo(text, _id, _form) ?? "/ghi";
    }

    private bool Actionable(string text) => IsActionable(text, _id, _form);

    /// <summary>Whether a bot message asks something the script answers (or is the receipt).</summary>
    internal static bool IsActionable(string text, long id, int form) =>
        text.Contains("Đã lưu bản ghi số", StringComparison.Ordinal) || text.Contains("Kiểm tra trước khi lưu", StringComparison.Ordinal) || AnswerTo(text, id, form) is not null;

    /// <summary>The officer's answer to a question of the trade-fair form; null when the text asks nothing the script knows.</summary>
    internal static string? AnswerTo(string text, long _id, int _form) => text switch
    {
        _ when text.Contains("Ghi nhận hoạt động nào") => "3",
        _ when text.Contains("Tiếp tục phiếu đó hay bỏ") => "1",
        _ when text.Contains("❓ Tỉnh/thành phố") => "Bắc Ninh",
        _ when text.Contains("🔎") => "1",
        _ when text.Contains("❓ Cơ sở") => $"Cơ sở {_id}",
        _ when text.Contains("xã/phường nào") => "Phù Lãng",
        _ when text.Contains("không có trong danh mục") => "1",
        _ when text.Contains("thuộc loại hình nào") => "1",
        _ when text.Contains("Mã số thuế (hoặc số đăng ký") => "bỏ qua",
        _ when text.Contains("nhóm được ưu tiên") => "1",
        _ when text.Contains("làng nghề nào") => "bỏ qua",
        _ when text.Contains("Số điện thoại của cơ sở") => "bỏ qua",
        _ when text.Contains("❓ Tên hội chợ") => $"Hội chợ {_id}-{_form}",
        _ when text.Contains("❓ Số gian hàng") => "3",
        _ when text.Contains("❓ Ngày tham gia") => "hôm nay",
        _ when text.Contains("❓ Kinh phí") => "120tr",
        _ when text.Contains("❓ Nguồn kinh phí") => "1",
        _ when text.Contains("❓ Số liệu") => "1",
        _ when text.Contains("❓ Ghi chú") => "bỏ qua",
        _ => null,
    };
}
