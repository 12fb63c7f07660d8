using System.Diagnostics;
using System.Text;

namespace KhuyenCongBot.Tests.Reliability;

/// <summary>The real program (`KhuyenCongBot.dll VERB ...`) as its own OS process, its stdin kept open, its output collected.</summary>
public sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly SemaphoreSlim _changed = new(0);

    private CliProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the program in <paramref name="folder"/> with <paramref name="args"/>.</summary>
    public static CliProcess Start(string folder, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "KhuyenCongBot.dll"));
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        info.Environment["DOTNET_gcServer"] = "0";
        var process = new Process { StartInfo = info };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Append(cli._output, e.Data);
        process.ErrorDataReceived += (_, e) => cli.Append(cli._error, e.Data);
        process.Start();
        process.StandardInput.AutoFlush = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs the program to its end with <paramref name="input"/> on stdin; returns its exit code and output.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(string folder, string input, params string[] args)
    {
        await using var cli = Start(folder, args);
        await cli._process.StandardInput.WriteAsync(input);
        cli._process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await cli._process.WaitForExitAsync(timeout.Token);
        cli._process.WaitForExit();
        return (cli._process.ExitCode, cli.Output, cli.Error);
    }

    private void Append(StringBuilder to, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (to)
        {
            to.AppendLine(line);
        }
        _changed.Release();
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

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Types a line.</summary>
    public Task SendAsync(string line) => _process.StandardInput.WriteLineAsync(line);

    /// <summary>Ends the input (Ctrl+D).</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Waits until stdout (from <paramref name="from"/> on) holds <paramref name="text"/>; returns that part of the output.</summary>
    public async Task<string> WaitForAsync(string text, int from = 0, TimeSpan? timeout = null, bool inError = false)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var all = inError ? Error : Output;
            var part = all.Length > from ? all[from..] : "";
            if (part.Contains(text, StringComparison.Ordinal))
            {
                return part;
            }
            if (_process.HasExited && (inError ? Error : Output) == all)
            {
                throw new InvalidOperationException($"The process exited ({_process.ExitCode}) before writing \"{text}\".\nOutput:\n{Output}\nError:\n{Error}");
            }
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"\"{text}\" not written in time.\nOutput:\n{Output}\nError:\n{Error}");
            }
            await _changed.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Sends a line and waits for the answer block that follows it (the terminal echoes "> line", then a blank line ends the answer).</summary>
    public async Task<string> AskAsync(string line)
    {
        var from = Output.Length;
        await SendAsync(line);
        var echo = "> " + line;
        var part = await WaitForAsync(echo, from);
        var start = part.IndexOf(echo, StringComparison.Ordinal) + echo.Length;
        // The answer ends with an empty line.
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var all = Output;
            var rest = all[(from + start)..];
            var end = rest.IndexOf("\n\n", StringComparison.Ordinal);
            if (end < 0)
            {
                end = rest.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            }
            if (end >= 0)
            {
                return rest[..end].Trim();
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"No complete answer to \"{line}\".\nOutput:\n{all}\nError:\n{Error}");
            }
            await _changed.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Waits for the exit; returns the code.</summary>
    public async Task<int> ExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        _changed.Dispose();
    }
}
