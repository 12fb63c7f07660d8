using KhuyenCongBot.Core.Messaging;
using Microsoft.Extensions.Logging;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Zalo;

/// <summary>Sends a core <see cref="Reply"/> on Zalo: numbered choices as text, 2,000-character messages, charts by URL, files as links.</summary>
public sealed class ZaloReplySender(ZaloApiClient api, ZaloFileStore files, UserTexts texts, ILogger<ZaloReplySender> logger)
{
    /// <summary>Sends one reply; <paramref name="beforeEachCall"/> runs before every API call (a rate limit for broadcasts).</summary>
    public async Task SendAsync(string chatId, Reply reply, string language, CancellationToken ct,
        Func<CancellationToken, Task>? beforeEachCall = null)
    {
        language = UserTexts.Resolve(language);
        var text = TextRendering.Render(reply, texts, language);
        var chunks = ZaloTextSplitter.Split(text).ToList();
        string? photoUrl = null;
        if (reply.Attachment is { Confidential: true } secret)
        {
            // Zalo takes files only as links that anyone holding them can open: a backup never goes out that way.
            logger.LogInformation("A confidential file ({FileName}) was not published on Zalo", secret.FileName);
            chunks.AddRange(ZaloTextSplitter.Split(NotOverZalo(secret, language)));
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
                chunks.AddRange(ZaloTextSplitter.Split(attachment.Kind == AttachmentKind.Photo
                    ? texts.Text(language, "zalo.chart_not_ready")
                    : texts.Text(language, "zalo.file_not_ready", ("file", attachment.FileName))));
            }
            else if (url is null)
            {
                logger.LogWarning("Zalo:PublicBaseUrl is not set; a {Kind} could not be sent on Zalo", attachment.Kind);
                chunks.AddRange(ZaloTextSplitter.Split(NoPublicUrl(attachment, language)));
            }
            else if (attachment.Kind == AttachmentKind.Photo)
            {
                photoUrl = url;
            }
            else
            {
                chunks.AddRange(ZaloTextSplitter.Split(texts.Text(language, "zalo.download", ("file", attachment.FileName), ("url", url))));
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
    public string NotOverZalo(Attachment attachment, string language) => texts.Text(language, "zalo.not_over_zalo", ("file", attachment.FileName));

    /// <summary>What people read when a chart or file cannot be sent because the bot has no public address.</summary>
    public string NoPublicUrl(Attachment attachment, string language) => attachment.Kind == AttachmentKind.Photo
        ? texts.Text(language, "zalo.chart_no_public_url")
        : texts.Text(language, "zalo.file_no_public_url", ("file", attachment.FileName));
}
