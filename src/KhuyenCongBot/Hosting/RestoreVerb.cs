using KhuyenCongBot.Storage;

using static KhuyenCongBot.Hosting.BotApp;

namespace KhuyenCongBot.Hosting;

/// <summary>restore FILE [--dry-run]: puts a backup in place of the database (refused while another process owns it; the file in use is kept under a new name).</summary>
internal static class RestoreVerb
{
    internal static async Task<int> RestoreAsync(CommandLine commandLine, TextWriter output, TextWriter error)
    {
        if (commandLine.Arguments.Count != 1)
        {
            await error.WriteLineAsync("Cần đúng một tệp: restore FILE [--dry-run]");
            return ExitUsage;
        }
        var configuration = LoadConfiguration(commandLine);
        EnsureValid(configuration, channels: false);
        var target = Path.GetFullPath(DatabasePath(configuration));
        var backup = commandLine.Arguments[0];
        if (!commandLine.Has("--dry-run") && OwnerOf(target) is { } owner)
        {
            await error.WriteLineAsync(Refusal("restore", target, owner));
            return ExitInUse;
        }
        RestoreResult result;
        try
        {
            result = Backups.Restore(backup, target, commandLine.Has("--dry-run"), BotNow(configuration));
        }
        catch (StoreOpenException ex)
        {
            await error.WriteLineAsync("Không khôi phục, cơ sở dữ liệu giữ nguyên: " + ex.Message);
            return File.Exists(backup) ? ExitData : ExitNoInput;
        }
        if (result.DryRun)
        {
            await output.WriteLineAsync($"Kiểm tra xong, chưa thay đổi gì: {backup} đọc được đủ ({result.Backup.Describe()}). "
                + $"Chạy lại không có --dry-run để khôi phục vào {target}" + (File.Exists(target) ? "; bản đang dùng sẽ được giữ lại dưới tên mới có giờ." : "."));
            return 0;
        }
        await output.WriteLineAsync($"Đã khôi phục {target} từ {backup}: {result.Backup.Describe()}."
            + (result.KeptCurrentAs is { } kept ? $" Bản đang dùng trước đó được giữ ở {kept}." : ""));
        return 0;
    }
}
