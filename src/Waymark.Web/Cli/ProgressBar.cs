namespace Waymark.Web.Cli;

/// <summary>
/// A one-line progress bar on standard error, drawn only when standard error is a terminal: scripts and pipes
/// get the summary alone, never a stream of carriage returns.
/// </summary>
internal sealed class ProgressBar : IProgress<double>, IDisposable
{
    private const int Width = 30;

    private readonly string _label;
    private int _shown = -1;
    private bool _done;

    private ProgressBar(string label) => _label = label;

    public static ProgressBar? OnTerminal(string label) => Console.IsErrorRedirected ? null : new ProgressBar(label);

    public void Report(double value)
    {
        var percent = (int)Math.Clamp(value * 100, 0, 100);
        if (percent == _shown || _done)
        {
            return;
        }

        _shown = percent;
        var filled = percent * Width / 100;
        Console.Error.Write($"\r{_label} [{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}%");
    }

    public void Dispose()
    {
        if (!_done && _shown >= 0)
        {
            Console.Error.WriteLine();
        }

        _done = true;
    }
}
