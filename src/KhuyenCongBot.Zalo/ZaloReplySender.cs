using KhuyenCongBot.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace KhuyenCongBot.Zalo;

/// <summary>Sends a core <see cref="Reply"/> on Zalo: numbered choices as text, 2,000-character messages, charts by URL, files as links.</summary>
public sealed class ZaloReplySender(ZaloApiClient api, ZaloFileStore files, ILogger<ZaloReplySender> logger)
{
    /// <summary>Sends one reply; <paramref name="beforeEachCall"/> runs before every API call (a rate limit for broadcasts).</summary>
    public async Task SendAsync(string chatId, Reply reply, string language, CancellationToken ct,
        Func<CancellationToken, Task>? beforeEachCall = null)
    {
        var english = language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var text = TextRendering.Render(reply, english ? "en" : "vi");
        var chunks = ZaloTextSplitter.Split(text).ToList();
        string? photoUrl = null;
        if (reply.Attachment is { Confidential: true } secret)
        {
            // Zalo takes files only as links that anyone holding them can open: a backup never goes out that way.
            logger.LogInformation("A confidential file ({FileName}) was not published on Zalo", secret.FileName);
            chunks.AddRange(ZaloTextSplitter.Split(NotOverZalo(secret, english)));
        }
        else if (reply.Attachment is { } attachment)
        {
            string? name = null;
            try
            {
                name = files.Put(attachment);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogError("A {Kind} could not be kept for download in {Folder}: {Error}", attachment.Kind, files.Folder, ex.Message);
            }
            var url = name is null ? null : files.UrlOf(name);
            if (name is null)
            {
                chunks.AddRange(ZaloTextSplitter.Split(english
                    ? $"The {(attachment.Kind == AttachmentKind.Photo ? "chart" : "file " + attachment.FileName)} could not be prepared for download right now. Please try again later."
                    : $"Chưa chuẩn bị được {(attachment.Kind == AttachmentKind.Photo ? "biểu đồ" : "tệp " + attachment.FileName)} để tải về lúc này. Bạn vui lòng thử lại sau."));
            }
            else if (url is null)
            {
                logger.LogWarning("Zalo:PublicBaseUrl is not set; a {Kind} could not be sent on Zalo", attachment.Kind);
                chunks.AddRange(ZaloTextSplitter.Split(NoPublicUrl(attachment, english)));
            }
            else if (attachment.Kind == AttachmentKind.Photo)
            {
                photoUrl = url;
            }
            else
            {
                chunks.AddRange(ZaloTextSplitter.Split(english
                    ? $"Download {attachment.FileName}: {url}\n(The link works for 24 hours.)"
                    : $"Tải tệp {attachment.FileName}: {url}\n(Liên kết dùng được trong 24 giờ.)"));
            }
        }
        // A chart goes with its text as caption when the text fits in one message.
        string? caption = null;
        if (photoUrl is not null && chunks.Count == 1)
        {
            caption = chunks[0];
            chunks.Clear();
        }
        foreach (var chunk in chunks)
        {
            if (beforeEachCall is not null)
            {
                await beforeEachCall(ct).ConfigureAwait(false);
            }
            await api.SendMessageAsync(chatId, chunk, ct).ConfigureAwait(false);
        }
        if (photoUrl is not null)
        {
            if (beforeEachCall is not null)
            {
                await beforeEachCall(ct).ConfigureAwait(false);
            }
            await api.SendPhotoAsync(chatId, photoUrl, caption, ct).ConfigureAwait(false);
        }
    }

    /// <summary>What an admin reads instead of a confidential file (a backup) on Zalo.</summary>
    public static string NotOverZalo(Attachment attachment, bool english) => english
        ? $"For safety the bot does not send {attachment.FileName} over Zalo: Zalo only takes files as links, and anyone holding such a link "
          + "could download the whole database. Get it with /backup in the bot's Telegram chat, or on the server (Backup:Folder, or the command `backup FILE`)."
        : $"Vì an toàn, bot không gửi tệp {attachment.FileName} qua Zalo: Zalo chỉ nhận tệp dưới dạng liên kết, ai có liên kết cũng tải được "
          + "toàn bộ cơ sở dữ liệu. Bạn lấy bản sao lưu bằng /saoluu trong cuộc trò chuyện với bot trên Telegram, hoặc trên máy chủ "
          + "(thư mục Backup:Folder, hoặc lệnh `backup TỆP`).";

    /// <summary>What people read when a chart or file cannot be sent because the bot has no public address.</summary>
    public static string NoPublicUrl(Attachment attachment, bool english)
    {
        var photo = attachment.Kind == AttachmentKind.Photo;
        return english
            ? (photo ? "The chart was made" : $"The file {attachment.FileName} was made")
              + $", but the bot has no public address (Zalo:PublicBaseUrl) to send the {(photo ? "picture" : "file")} over Zalo. "
              + "Ask the administrator to set Zalo:PublicBaseUrl (e.g. https://bot.example.vn); meanwhile use Telegram for charts and files."
            : (photo ? "Biểu đồ đã tạo" : $"Tệp {attachment.FileName} đã tạo")
              + $" nhưng bot chưa có địa chỉ công khai (Zalo:PublicBaseUrl) để gửi {(photo ? "ảnh" : "tệp")} qua Zalo. "
              + "Quản trị viên cần đặt Zalo:PublicBaseUrl (ví dụ https://bot.example.vn); trong lúc chờ, bạn có thể xem biểu đồ và tệp qua Telegram.";
    }
}
