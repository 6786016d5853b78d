using System.Text.RegularExpressions;
using Configurator.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Configurator.WebShop.Tests.Browser;

/// <summary>
/// The web shop on a real Kestrel server at 127.0.0.1 on a free port, and Debian's chromium
/// driven by Playwright (its bundled driver; nothing is downloaded). When no chromium is installed
/// the browser tests skip with a message saying how to get one; CI installs it.
/// </summary>
public class KestrelShop : IAsyncLifetime
{
    private static readonly string[] ChromiumPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Settings beyond the model folder, as command-line arguments.</summary>
    protected virtual string[] Settings => [];

    public IBrowser? Browser { get; private set; }

    public static string? ChromiumPath => Environment.GetEnvironmentVariable("CONFIGURATOR_CHROMIUM") is { Length: > 0 } path ? path : ChromiumPaths.FirstOrDefault(File.Exists);

    public async ValueTask InitializeAsync()
    {
        _app = WebShopApp.Build(["--urls", "http://127.0.0.1:0", $"--Configurator:ModelFolder={RepositoryPaths.SampleModels}", $"--contentRoot={Path.Combine(RepositoryPaths.Root, "samples", "Configurator.WebShop")}", "--Logging:LogLevel:Default=Warning", .. Settings]);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        if (ChromiumPath is { } chromium)
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
        }
    }

    /// <summary>
    /// A page in a fresh browser context (skips the test when there is no browser): <paramref name="locale"/>
    /// sets the browser's language (its Accept-Language), <paramref name="javaScript"/> turns scripts off,
    /// <paramref name="height"/> is the window's height in pixels.
    /// </summary>
    public async Task<IPage> NewPageAsync(string? locale = null, bool javaScript = true, int height = 1000)
    {
        if (Browser is null)
        {
            Assert.Skip("No chromium found (/usr/bin/chromium); install Debian's chromium (apt-get install chromium) or set CONFIGURATOR_CHROMIUM. .ci/run installs it.");
        }

        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = height }, Locale = locale, JavaScriptEnabled = javaScript });
        return await context.NewPageAsync();
    }

    /// <summary>A fresh page on the configurator of <paramref name="model"/>, opened from the catalogue's "Configure" button.</summary>
    public async Task<IPage> ConfigureAsync(string model, bool javaScript = true, int height = 1000)
    {
        var page = await NewPageAsync(javaScript: javaScript, height: height);
        await page.GotoAsync(BaseUrl + "/");
        await page.Locator($"tr[data-model='{model}']").GetByRole(AriaRole.Button, new() { Name = "Configure" }).ClickAsync();
        await ArrivedAsync(page, new Regex("/configure/[0-9a-z-]+$"));
        return page;
    }

    /// <summary>
    /// Waits until <paramref name="page"/> shows a document at an address matching <paramref name="url"/>
    /// that has finished loading. It polls the page rather than waiting for Playwright's load events:
    /// <c>WaitForURLAsync</c> waits for a "load" event once the address matches, and in CI runs on a
    /// busy machine that event never came for a page that had loaded (Playwright's log showed the
    /// later "networkidle", then a 30 s timeout), three times in different tests.
    /// </summary>
    public static async Task ArrivedAsync(IPage page, Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url);
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The same shop showing two modules a page, so that window-rules' six take three pages (as a feature model's thousands take hundreds).</summary>
public sealed class PagedKestrelShop : KestrelShop
{
    protected override string[] Settings => ["--Configurator:ModulesPerPage=2"];
}
