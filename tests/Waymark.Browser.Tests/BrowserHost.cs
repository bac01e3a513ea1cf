using Microsoft.Playwright;
using Waymark.Testing;

namespace Waymark.Browser.Tests;

/// <summary>
/// Debian's Chromium (never a downloaded browser) driven by Playwright against the real app on
/// Kestrel. One browser and one app per provider.
/// </summary>
public abstract class BrowserHost(WaymarkTestHost host) : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public WaymarkTestHost Host => host;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing. Run scripts/test.sh, which installs Debian's chromium package.");
        }

        await host.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,

            // The machine's network is closed: stop Chromium reaching out at start-up.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString().TrimEnd('/'),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous: on CI's two cores the two databases' journeys and their servers run at once, and a page load
        // once took more than 15 s there. A wait that never succeeds still fails; only the time it takes changes.
        context.SetDefaultTimeout(45_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await host.DisposeAsync();
    }
}

public sealed class SqliteBrowserHost() : BrowserHost(new SqliteTestHost());

public sealed class PostgresBrowserHost() : BrowserHost(new PostgresTestHost());
