using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Configurator.WebShop.Tests.Browser;

/// <summary>A customer in a real browser: the catalogue, the configurator page, the conflict dialog, the summary and the saved link.</summary>
public sealed partial class ConfiguratorPageTests(KestrelShop shop) : IClassFixture<KestrelShop>
{
    [Fact]
    public async Task WindowRules_ClickThroughConflictStandardFinishAndResume()
    {
        var page = await shop.NewPageAsync();
        await page.GotoAsync(shop.BaseUrl + "/");
        var row = page.Locator("tr[data-model='window-rules']");
        Assert.Equal("936", await row.Locator(".count").InnerTextAsync());
        await row.GetByRole(AriaRole.Button, new() { Name = "Configure" }).ClickAsync();
        await KestrelShop.ArrivedAsync(page, ConfigureUrl());

        // A round frame rules out clear glass; the reason is on the page, not only in a tooltip.
        await Choose(page, "frame", "round");
        await Assertions.Expect(page.Locator("#attributes [data-attribute='weight']")).ToHaveTextAsync("18.5–28.5 kg");
        var clear = Option(page, "glass", "clear");
        await Assertions.Expect(clear).ToHaveClassAsync(new Regex("unavailable"));
        await Assertions.Expect(clear.Locator(".reason")).ToContainTextAsync("Round");
        await Assertions.Expect(clear.Locator(".reason")).ToBeVisibleAsync();

        // Insisting opens the conflict dialog; giving up the frame applies the glass.
        await clear.Locator("input").CheckAsync();
        var dialog = page.Locator("dialog#conflict");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Give up frame=round" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(Option(page, "glass", "clear").Locator("input")).ToBeCheckedAsync();
        await Assertions.Expect(Option(page, "frame", "round").Locator("input")).Not.ToBeCheckedAsync();

        // Every module, clicked: an available option not chosen yet.
        foreach (var module in await page.Locator("form.module").EvaluateAllAsync<string[]>("forms => forms.map(f => f.dataset.module)"))
        {
            var pick = page.Locator($"form.module[data-module='{module}'] label.option:not(.unavailable):has(input:not(:checked))").First;
            if (await pick.CountAsync() > 0 && module != "glass")
            {
                await Choose(page, module, (await pick.GetAttributeAsync("data-option"))!);
            }
        }

        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "configurator.png"), FullPage = true });

        // One click back to the standard product, then finish.
        await Assertions.Expect(page.Locator("#nearest")).ToContainTextAsync("differ");
        await Step(page, () => page.Locator("#standard").ClickAsync());
        await Assertions.Expect(page.Locator("#nearest")).ToContainTextAsync("This is the standard");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Complete: ready to order.");
        var standardPrice = await page.Locator("#price").InnerTextAsync();
        await Follow(page, page.Locator("#finish"), new Regex("/summary/"));
        await Assertions.Expect(page.Locator("#breakdown")).ToContainTextAsync("Base price");
        await Assertions.Expect(page.Locator("#document")).ToContainTextAsync("\"model\": \"window-rules\"");

        // The saved link resumes the same product in a new browser.
        var link = await page.Locator("#resume").GetAttributeAsync("href");
        var later = await shop.NewPageAsync();
        await later.GotoAsync(shop.BaseUrl + link);
        await KestrelShop.ArrivedAsync(later, ConfigureUrl());
        Assert.Equal(standardPrice, await later.Locator("#price").InnerTextAsync());
        await Assertions.Expect(later.Locator("#nearest")).ToContainTextAsync("This is the standard");
    }

    [Fact]
    public async Task ChineseBrowser_SeesTheModelsChineseLabels()
    {
        var page = await shop.NewPageAsync(locale: "zh-CN");
        await page.GotoAsync(shop.BaseUrl + "/");
        await page.Locator("tr[data-model='window-rules']").GetByRole(AriaRole.Button, new() { Name = "Configure" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Assertions.Expect(page.Locator("form.module[data-module='frame'] legend")).ToContainTextAsync("框架");
        await Assertions.Expect(Option(page, "frame", "arched").Locator(".name")).ToHaveTextAsync("拱形");

        // No Chinese label on the sizes: the model's own names.
        await Assertions.Expect(Option(page, "size", "l").Locator(".name")).ToHaveTextAsync("120 x 150 cm");
        await Assertions.Expect(page.Locator("#attributes [data-attribute='weight']")).ToContainTextAsync("kg");
    }

    [Fact]
    public async Task UndoAndRedo_AreButtonsOnThePage()
    {
        var page = await OpenWindowRules();
        await Assertions.Expect(page.Locator("#undo")).ToBeDisabledAsync();
        await Choose(page, "frame", "arched");
        await Step(page, () => page.Locator("#undo").ClickAsync());
        await Assertions.Expect(Option(page, "frame", "arched").Locator("input")).Not.ToBeCheckedAsync();
        await Step(page, () => page.Locator("#redo").ClickAsync());
        await Assertions.Expect(Option(page, "frame", "arched").Locator("input")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task AChoice_ChangesThePageInPlace_KeepingTheScrollAndTheFocus()
    {
        // A window short enough that the last module (extras) is below the fold.
        var page = await shop.ConfigureAsync("window-rules", height: 500);
        await page.EvaluateAsync("() => { window.loadedOnce = 'yes'; }");
        var screen = Option(page, "extras", "screen").Locator("input");
        await screen.ScrollIntoViewIfNeededAsync();
        var scrolled = await page.EvaluateAsync<double>("() => window.scrollY");
        Assert.True(scrolled > 100, $"The page should scroll in a 500-pixel window; it scrolled {scrolled} px.");
        var before = await page.Locator("#price").InnerTextAsync();

        await Step(page, () => screen.ClickAsync());

        await Assertions.Expect(screen).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#price")).Not.ToHaveTextAsync(before);
        Assert.Equal("yes", await page.EvaluateAsync<string?>("() => window.loadedOnce ?? null"));
        Assert.Equal(scrolled, await page.EvaluateAsync<double>("() => window.scrollY"), 1.0);
        Assert.Equal("screen", await page.EvaluateAsync<string?>("() => document.activeElement?.value ?? null"));
        await Assertions.Expect(page.Locator("form.module .apply").First).ToBeHiddenAsync();

        // Unticked, it is ruled out and one click from being ticked again: no conflict with oneself.
        await Step(page, () => screen.ClickAsync());
        await Assertions.Expect(screen).Not.ToBeCheckedAsync();
        await Assertions.Expect(Option(page, "extras", "screen").Locator(".badge")).ToHaveTextAsync("ruled out");
        await Step(page, () => screen.ClickAsync());
        await Assertions.Expect(screen).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("dialog#conflict")).ToHaveCountAsync(0);
        await Step(page, () => page.Locator("#undo").ClickAsync());
        await Step(page, () => page.Locator("#undo").ClickAsync());

        // Undo is a post like the others: in place too, and the URL stays the page's own.
        await Step(page, () => page.Locator("#undo").ClickAsync());
        await Assertions.Expect(screen).Not.ToBeCheckedAsync();
        Assert.Equal("yes", await page.EvaluateAsync<string?>("() => window.loadedOnce ?? null"));
        Assert.Matches(ConfigureUrl(), page.Url);

        // Insisting on a ruled-out option opens the conflict dialog in place; cancel goes back to the page.
        await Choose(page, "frame", "round");
        await Option(page, "glass", "clear").Locator("input").CheckAsync();
        await Assertions.Expect(page.Locator("dialog#conflict")).ToBeVisibleAsync();
        Assert.Equal("yes", await page.EvaluateAsync<string?>("() => window.loadedOnce ?? null"));
        await Assertions.Expect(page.Locator("dialog#conflict .diagnosis").First).ToBeFocusedAsync();
        await page.Locator("#cancel").ClickAsync();
        await Assertions.Expect(page.Locator("dialog#conflict")).ToHaveCountAsync(0);
        await Assertions.Expect(Option(page, "frame", "round").Locator("input")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task WithoutJavaScript_EachModuleHasItsOwnApplyButton()
    {
        var page = await shop.ConfigureAsync("window-rules", javaScript: false);
        var frame = page.Locator("form.module[data-module='frame']");
        await Assertions.Expect(frame.Locator(".apply")).ToBeVisibleAsync();
        await Option(page, "frame", "arched").Locator("input").CheckAsync();
        await Step(page, () => frame.Locator(".apply").ClickAsync());
        await Assertions.Expect(Option(page, "frame", "arched").Locator("input")).ToBeCheckedAsync();
        await Assertions.Expect(Option(page, "strength", "3").Locator("input")).ToBeCheckedAsync();
        Assert.Matches(ConfigureUrl(), page.Url);

        // Insisting on clear glass loads the conflict page, its first way out focused.
        await Option(page, "glass", "clear").Locator("input").CheckAsync();
        await page.Locator("form.module[data-module='glass'] .apply").ClickAsync();
        await Assertions.Expect(page.Locator("dialog#conflict .diagnosis").First).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Personalization_ShowsTheFieldsMessageThenPricesTheValue()
    {
        var page = await OpenWindowRules();
        var before = await page.Locator("#price").InnerTextAsync();
        var engraving = page.Locator("#personalization [data-field='engraving']");
        await engraving.Locator("input").FillAsync("Ada 1815");
        await page.Locator("#personalize").ClickAsync();
        await Assertions.Expect(engraving.Locator(".error")).ToContainTextAsync("required form");
        Assert.Equal(before, await page.Locator("#price").InnerTextAsync());
        await engraving.Locator("input").FillAsync("Ada");
        await page.Locator("#personalize").ClickAsync();
        await Assertions.Expect(engraving.Locator(".error")).ToHaveCountAsync(0);
        await Assertions.Expect(engraving.Locator("input")).ToHaveValueAsync("Ada");
        await Assertions.Expect(page.Locator("#breakdown")).ToContainTextAsync("Engraved name");
    }

    [Fact]
    public async Task Dialogue_AsksOneQuestionAtATimeToTheEnd()
    {
        var page = await shop.NewPageAsync();
        await page.GotoAsync(shop.BaseUrl + "/dialogue/new/window-rules");
        var asked = 0;
        while (await page.Locator("#question").CountAsync() > 0 && asked++ < 20)
        {
            // The answer posts the form and the shop redirects: wait for what the next page shows
            // (another question, or the end), which retries across the navigations, rather than for
            // a load state that can be read between them.
            var question = await page.Locator("#question h2").InnerTextAsync();
            await page.Locator("#question button.offer").First.ClickAsync();
            var next = page.Locator("#done").Or(page.Locator("#question h2").Filter(new() { HasNotTextRegex = new Regex("^" + Regex.Escape(question) + "$") }));
            await Assertions.Expect(next.First).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("frame=");
        Assert.InRange(asked, 2, 20);
    }

    [Fact]
    public async Task Profile_ShowsTheInferredProductAndNotes()
    {
        var page = await shop.NewPageAsync();
        await page.GotoAsync(shop.BaseUrl + "/profile/shirt");
        await page.Locator("#prefer-collar").SelectOptionAsync("button-down");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suggest a product" }).ClickAsync();
        await Assertions.Expect(page.Locator("#inferred")).ToContainTextAsync("collar=button-down");
        await Assertions.Expect(page.Locator("#notes li").First).ToBeVisibleAsync();
    }

    /// <summary>A new page on a new window-rules session, started from the catalogue.</summary>
    private Task<IPage> OpenWindowRules() => shop.ConfigureAsync("window-rules");

    private static Regex ConfigureUrl() => new("/configure/[0-9a-z-]+$");

    private static ILocator Option(IPage page, string module, string option) =>
        page.Locator($"form.module[data-module='{module}'] label.option[data-option='{option}']");

    /// <summary>Picks an option (the page's script submits its module) and waits for the next step's page.</summary>
    private static Task Choose(IPage page, string module, string option) =>
        Step(page, () => Option(page, module, option).Locator("input").ClickAsync());

    /// <summary>
    /// Clicks a link and waits for the page it leads to. This wait once timed out in a CI run and
    /// passed on every rerun; the failure now says where the browser was and what it showed.
    /// </summary>
    private static async Task Follow(IPage page, ILocator link, Regex url)
    {
        var href = await link.GetAttributeAsync("href");
        await link.ClickAsync();
        try
        {
            await KestrelShop.ArrivedAsync(page, url);
        }
        catch (TimeoutException e)
        {
            string shown;
            try
            {
                shown = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            }
            catch (PlaywrightException unreadable)
            {
                shown = $"(no text: {unreadable.Message})";
            }

            Assert.Fail($"The link to {href} did not lead to {url}: the browser is at {page.Url}, showing: {shown[..Math.Min(shown.Length, 400)]} ({e.Message.Split('\n')[0]})");
        }
    }

    private static async Task Step(IPage page, Func<Task> action)
    {
        var step = await page.Locator("#modules").GetAttributeAsync("data-step");
        await action();
        await page.Locator($"#modules:not([data-step='{step}'])").WaitForAsync();
    }
}
