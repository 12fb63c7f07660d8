using System.Text;
using KhuyenCongBot.Core.Messaging;
using KhuyenCongBot.Core.Options;
using KhuyenCongBot.Core.Storage;
using Microsoft.Extensions.Options;
using KhuyenCongBot.Core.Text;

namespace KhuyenCongBot.Terminal;

/// <summary>The terminal chat: each input line is one message; replies are printed with choices as a numbered list.</summary>
public sealed class TerminalChannel(IBotEngine engine, IOptions<StorageOptions> storage, UserTexts texts, TextReader input, TextWriter output)
{
    public const string ChannelName = "terminal";

    /// <summary>Reads lines until end of input (or "/thoat"), answering each.</summary>
    public async Task<int> RunAsync(string userId, string language, CancellationToken ct)
    {
        var interactive = !Console.IsInputRedirected && ReferenceEquals(input, Console.In);
        if (interactive)
        {
            await output.WriteLineAsync(texts.Text(language, "terminal.welcome"));
        }
        var seq = 0;
        while (!ct.IsCancellationRequested)
        {
            if (interactive)
            {
                await output.WriteAsync("> ");
                await output.FlushAsync(ct);
            }
            var line = await input.ReadLineAsync(ct);
            if (line is null)
            {
                break;
            }
            if (line.Trim() is "/thoat" or "/exit" or "/quit")
            {
                break;
            }
            if (!interactive)
            {
                await output.WriteLineAsync("> " + line);
            }
            var replies = await engine.HandleAsync(new Incoming
            {
                Channel = ChannelName,
                ChatId = userId,
                UserId = userId,
                DisplayName = userId,
                Text = line,
                LanguageCode = language,
                UpdateKey = null,
            }, ct);
            foreach (var reply in replies)
            {
                await output.WriteLineAsync(await RenderAsync(reply, language, ++seq, ct));
            }
            await output.WriteLineAsync();
            await output.FlushAsync(ct);
        }
        return 0;
    }

    private async Task<string> RenderAsync(Reply reply, string language, int seq, CancellationToken ct)
    {
        var sb = new StringBuilder(TextRendering.Render(reply, texts, language));
        if (reply.Attachment is { } attachment)
        {
            var folder = PrivateFiles.CreateFolder(storage.Value.OutputPath);
            var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{seq}-{attachment.FileName}");
            await PrivateFiles.WriteAllBytesAsync(path, attachment.Content, ct);
            sb.Append('\n').Append(texts.Text(language, "terminal.file_saved", ("path", path)));
        }
        return sb.ToString();
    }
}
