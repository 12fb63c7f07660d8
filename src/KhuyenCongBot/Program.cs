using KhuyenCongBot.Hosting;

namespace KhuyenCongBot;

/// <summary>Entry point: parses the verb and runs the bot, the terminal chat, an import or an export.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        // The database, its log, backups and exports hold identities: whatever this process creates is private to its account.
        Core.Storage.PrivateFiles.RestrictNewFiles();
        CommandLine commandLine;
        try
        {
            commandLine = CommandLine.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(CommandLine.Usage);
            return 64;
        }
        return await BotApp.RunAsync(commandLine, Console.In, Console.Out, Console.Error, CancellationToken.None);
    }
}
