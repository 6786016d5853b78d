using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Configurator.WebShop.Tests.Browser;

/// <summary>
/// A model wider than a page (automotive2_4's 18,616 modules made a 17 MB page) shows its modules a
/// page at a time with a search box; a choice made on a later page comes back to that page.
/// </summary>
public sealed class PagedConfiguratorPageTests(PagedKestrelShop shop) : IClassFixture<PagedKestrelShop>
{
    [Fact]
    public async Task WideModel_PagesSearchesAndKeepsThePageAcrossAChoice()
    {
        var page = await shop.ConfigureAsync("window-rules");

        await Assertions.Expect(page.Locator("#module-page")).ToContainTextAsync("Modules 1–2 of 6");
        Assert.Equal(["frame", "glass"], await Modules(page));
        await Assertions.Expect(page.Locator("#previous-page")).ToHaveCountAsync(0);

        await page.Locator("#next-page").ClickAsync();
        await KestrelShop.ArrivedAsync(page, new Regex("modulePage=2$"));
        Assert.Equal(["strength", "size"], await Modules(page));

        // A choice on page 2 comes back to page 2, with the choice made.
        var step = await page.Locator("#modules").GetAttributeAsync("data-step");
        await page.Locator("form.module[data-module='size'] label.option[data-option='l'] input").ClickAsync();
        await page.Locator($"#modules:not([data-step='{step}'])").WaitForAsync();
        Assert.EndsWith("modulePage=2", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("form.module[data-module='size'] label.option[data-option='l'] input")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#module-page")).ToContainTextAsync("Modules 3–4 of 6");

        // A conflict on page 2 (a blind, chosen on page 3, needs the large size): "Cancel" stays on page 2.
        await page.Locator("#next-page").ClickAsync();
        await KestrelShop.ArrivedAsync(page, new Regex("modulePage=3$"));
        step = await page.Locator("#modules").GetAttributeAsync("data-step");
        await page.Locator("form.module[data-module='extras'] label.option[data-option='blind'] input").ClickAsync();
        await page.Locator($"#modules:not([data-step='{step}'])").WaitForAsync();
        await page.Locator("#previous-page").ClickAsync();
        await KestrelShop.ArrivedAsync(page, new Regex("modulePage=2$"));
        await page.Locator("form.module[data-module='size'] label.option[data-option='s'] input").CheckAsync();
        await Assertions.Expect(page.Locator("dialog#conflict")).ToBeVisibleAsync();
        // "Cancel" is a link to the same address: wait for its page, or the search below races the load (a CI run lost it).
        await page.EvaluateAsync("() => { window.beforeCancel = true; }");
        await page.Locator("#cancel").ClickAsync();
        await page.WaitForFunctionAsync("() => window.beforeCancel === undefined && document.readyState === 'complete'");
        await Assertions.Expect(page.Locator("dialog#conflict")).ToHaveCountAsync(0);
        Assert.EndsWith("modulePage=2", page.Url, StringComparison.Ordinal);
        Assert.Equal(["strength", "size"], await Modules(page));

        // The search finds a module by its name, whatever the case.
        await page.Locator("#module-search input[name='search']").FillAsync("COLOUR");
        await page.Locator("#module-search button").ClickAsync();
        await KestrelShop.ArrivedAsync(page, new Regex("search=COLOUR$"));
        Assert.Equal(["colour"], await Modules(page));
        await Assertions.Expect(page.Locator("#module-page")).ToContainTextAsync("Modules 1–1 of 1");
    }

    private static async Task<string[]> Modules(IPage page) =>
        [.. (await page.Locator("form.module").EvaluateAllAsync<string[]>("forms => forms.map(f => f.dataset.module)"))];
}
