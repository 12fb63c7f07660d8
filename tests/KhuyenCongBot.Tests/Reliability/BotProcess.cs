using System.Diagnostics;
using System.Text;
using KhuyenCongBot.Tests.Fakes;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>The real bot (`KhuyenCongBot.dll run`) as a separate OS process talking to a fake Bot API; killed or stopped like in production.</summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private BotProcess(Process process, StringBuilder output)
    {
        _process = process;
        _output = output;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the bot on <paramref name="databasePath"/> against <paramref name="server"/>; all output goes to <paramref name="output"/>.</summary>
    public static BotProcess Start(FakeTelegramServer server, string databasePath, StringBuilder output, IEnumerable<long> admins, IDictionary<string, string>? settings = null)
    {
        var folder = Path.GetDirectoryName(databasePath)!;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KhuyenCongBot.dll"));
        info.ArgumentList.Add("run");
        var config = new Dictionary<string, string>
        {
            ["Telegram:BotToken"] = server.Token,
            ["Telegram:ApiBaseUrl"] = server.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Telegram:ErrorBackoffMilliseconds"] = "100",
            ["Storage:DatabasePath"] = databasePath,
            ["Storage:OutputPath"] = Path.Combine(folder, "out"),
            ["Backup:Enabled"] = "false",
            ["Bot:FloodBurst"] = "0",
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Information",
        };
        var i = 0;
        foreach (var admin in admins)
        {
            config[$"Bot:Admins:{i++}"] = "telegram:" + admin;
        }
        foreach (var (k, v) in settings ?? new Dictionary<string, string>())
        {
            config[k] = v;
        }
        foreach (var (k, v) in config)
        {
            info.ArgumentList.Add($"--{k}={v}");
        }
        info.Environment["DOTNET_gcServer"] = "0";
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotProcess(process, output);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>SIGKILL: the process dies at once, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM (what systemd or docker stop send); returns the exit code and how long the process took to exit.</summary>
    public async Task<(int ExitCode, TimeSpan Took)> TerminateAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
            return (-1, watch.Elapsed);
        }
        // Let the asynchronous output readers drain.
        _process.WaitForExit();
        return (_process.ExitCode, watch.Elapsed);
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
