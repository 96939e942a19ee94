using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace RiskMap.Browser.Tests;

/// <summary>The map used without a pointer, with a screen reader's names, and read at WCAG AA contrast.</summary>
public class AccessibilityTests(ScoredBrowserApp app) : IClassFixture<ScoredBrowserApp>
{
    [Fact]
    public async Task A_keyboard_user_finds_a_district_by_name_and_is_told_when_nothing_matches()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        var search = page.GetByLabel("Find a region or district");

        await search.FillAsync("Nowhere");
        await search.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#unit-search-status")).ToHaveTextAsync("No region or district is called “Nowhere”.");
        await Assertions.Expect(search).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("unit="));

        await search.FillAsync("almaly");
        await search.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#profile")).ToHaveAttributeAsync("data-profile", "ready");
        await Assertions.Expect(page.Locator("#profile-title")).ToHaveTextAsync("Almaly");
        await Assertions.Expect(search).ToHaveValueAsync("Almaly (Almaty (city))");
        await Assertions.Expect(page.Locator("#unit-search-status")).ToBeEmptyAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("unit=751110000"));

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Русский" }).ClickAsync();
        // The field is named in Russian now; the same field, found by its id.
        var russianSearch = page.Locator("#unit-search");
        await Assertions.Expect(page.GetByLabel("Найти регион или район")).ToBeVisibleAsync();
        await russianSearch.FillAsync("алмалин");
        await russianSearch.PressAsync("Enter");
        await Assertions.Expect(russianSearch).ToHaveValueAsync("Алмалинский (Алматы)");
        await Assertions.Expect(page.Locator("#profile-title")).ToHaveTextAsync("Алмалинский");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Tab_moves_from_the_map_through_the_selectors_the_search_and_the_hotspots_in_reading_order()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en");
        await page.Locator("#map").FocusAsync();
        var order = new List<string>();
        for (var i = 0; i < 13; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await page.EvaluateAsync<string>(
                "(() => { const e = document.activeElement; return e.id || (e.dataset.sort ? 'sort:' + e.dataset.sort : e.closest('tr')?.dataset.kato ? 'row' : e.className); })()"));
        }
        // Leaflet's own controls (zoom, attribution links) come first as they sit inside the map.
        var fromPeriod = order.SkipWhile(id => id != "period-select").ToList();
        Assert.True(fromPeriod.Count >= 8, string.Join(", ", order));
        Assert.Equal(["period-select", "measure-select", "classes-select", "unit-search", "methodology-link", "hotspots-size", "sort:name", "sort:class"], fromPeriod.Take(8));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Every_control_has_a_name_and_text_meets_WCAG_AA_contrast_in_every_language()
    {
        var (page, errors) = await app.OpenAsync("/?lang=en&unit=751110000");
        await Assertions.Expect(page.Locator("#profile")).ToHaveAttributeAsync("data-profile", "ready");
        foreach (var language in new[] { "Қазақша", "Русский", "English" })
        {
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = language }).ClickAsync();
            Assert.Empty(await page.EvaluateAsync<string[]>(UnnamedControls));
            Assert.Empty(await page.EvaluateAsync<string[]>(LowContrastText));
        }
        Assert.Empty(errors);
    }

    /// <summary>Visible focusable elements without an accessible name (label, aria-label(ledby), text or title).</summary>
    private const string UnnamedControls = """
        Array.from(document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]"))
          .filter(e => e.offsetParent !== null && e.tabIndex >= 0)
          .filter(e => {
            const labelledBy = (e.getAttribute("aria-labelledby") || "").split(" ").map(id => document.getElementById(id)?.textContent || "").join("");
            const name = e.getAttribute("aria-label") || labelledBy || Array.from(e.labels || []).map(l => l.textContent).join("") || e.textContent || e.title || "";
            return name.trim() === "";
          })
          .map(e => e.outerHTML.slice(0, 120))
        """;

    /// <summary>Visible text outside the map drawn at less than 4.5:1 (3:1 when large) against its background.</summary>
    private const string LowContrastText = """
        (() => {
          const rgb = s => s.match(/[\d.]+/g).map(Number);
          const luminance = ([r, g, b]) => [r, g, b].map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          const background = e => {
            for (let n = e; n; n = n.parentElement) {
              const c = rgb(getComputedStyle(n).backgroundColor);
              if (c.length < 4 || c[3] === 1) return c;
            }
            return [255, 255, 255];
          };
          const failures = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const e = node.parentElement;
            if (!node.textContent.trim() || e.closest("#map, [hidden], option") || e.offsetParent === null) continue;
            const style = getComputedStyle(e);
            const [fg, bg] = [luminance(rgb(style.color)), luminance(background(e))];
            const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
            const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
            if (ratio < (large ? 3 : 4.5)) failures.push(`${ratio.toFixed(2)}:1 "${node.textContent.trim().slice(0, 40)}"`);
          }
          return failures;
        })()
        """;
}
