using System.Globalization;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Pricing.QuantityTiers;
using Configurator.Serialization;
using Configurator.Sessions;
using Configurator.Solving;
using Configurator.Strategies.Adaptive;
using Configurator.Strategies.Collaborative;
using Configurator.Tests.Solving;
using CsCheck;

namespace Configurator.Tests.Sessions;

/// <summary>A session, its explanations and the pricing breakdown in the customer's culture (window-rules has English names and Chinese labels).</summary>
public class SessionLocalizationTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CompiledModel Windows = ModelCompiler.Compile(ProductModelJson.LoadFile(RepositoryPaths.SampleModel("window-rules.json")).GetModelOrThrow()).GetModelOrThrow();
    private static readonly Selection Arched = Selection.Parse("frame=arched", "glass=triple", "strength=3", "size=l", "colour=white", "extras=screen+blind");

    [Fact]
    public void View_Chinese_NamesModulesOptionsAndAttributesFromTheLabelsAndFallsBackToTheName()
    {
        var session = ConfigurationSession.Start(Windows, new SessionOptions { Culture = Chinese });
        Assert.True(session.SetModule("glass", "clear").Applied);
        var state = session.View();

        Assert.Equal(["框架", "玻璃", "强度等级", "尺寸", "框架颜色", "附加配件"], state.Modules.Select(m => m.Name));
        Assert.Equal(["矩形", "拱形", "圆形", "橡木矩形"], state["frame"].Options.Select(o => o.Name));

        // The sizes have no Chinese labels: their names, in the model's default culture, stand.
        Assert.Equal(["60 x 80 cm", "90 x 120 cm", "120 x 150 cm"], state["size"].Options.Select(o => o.Name));
        Assert.Equal(["重量", "传热系数"], state.Attributes.Select(a => a.Name));
        Assert.Equal("拱形（框架）不能与玻璃：透明玻璃同时选择。异形框架只能配夹层玻璃或三层中空玻璃。", state["frame"]["arched"].Reason!.Message);
        Assert.Equal("异形框架只能配夹层玻璃或三层中空玻璃。", Assert.Single(state["frame"]["arched"].Reason!.Constraints).Message);

        // Only the text changes: ids, availability and counts are the default session's.
        var plainSession = ConfigurationSession.Start(Windows);
        Assert.True(plainSession.SetModule("glass", "clear").Applied);
        var plain = plainSession.View();
        Assert.Equal(plain.Modules.SelectMany(m => m.Options.Select(o => (m.ModuleId, o.OptionId, o.IsAvailable, o.IsSelected, o.PriceDifference))),
            state.Modules.SelectMany(m => m.Options.Select(o => (m.ModuleId, o.OptionId, o.IsAvailable, o.IsSelected, o.PriceDifference))));
        Assert.Equal(plain.Completions, state.Completions);
    }

    [Fact]
    public void Explain_Chinese_SaysWhyInTheirLanguage()
    {
        var session = ConfigurationSession.Start(Windows, new SessionOptions { Culture = Chinese });
        Assert.True(session.SetModule("glass", "clear").Applied);

        Assert.Equal("拱形（框架）不能与玻璃：透明玻璃同时选择。异形框架只能配夹层玻璃或三层中空玻璃。", session.Explain("frame", "arched")!.Message);
    }

    [Fact]
    public void View_CultureWithoutLabelsOrWords_IsTheDefaultText()
    {
        var french = ConfigurationSession.Start(Windows, new SessionOptions { Culture = CultureInfo.GetCultureInfo("fr-FR") });
        Assert.True(french.SetModule("glass", "clear").Applied);
        var plain = ConfigurationSession.Start(Windows);
        Assert.True(plain.SetModule("glass", "clear").Applied);

        Assert.Equal(ConfiguratorJson.Serialize(plain.View() with { SessionId = "s" }), ConfiguratorJson.Serialize(french.View() with { SessionId = "s" }));
        Assert.Equal("Arched (Frame) is not available with Glass: Clear. Shaped frames take only laminated or triple glazing.", french.Explain("frame", "arched")!.Message);
    }

    [Fact]
    public void View_RandomModelsWithLabels_EqualTheDefaultSessionWithTheLabelsAsNames() =>
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            // Every module and option gets a Chinese label; a session in zh-CN must show exactly the
            // default session with those labels as names, and one in fr the default session itself.
            var random = new Random(seed);
            var model = SmallModels.Create(seed);
            static EquatableDictionary<string> Label(string text) => new Dictionary<string, string> { ["zh"] = "标" + text }.ToEquatableDictionary();
            var labelled = model with { Modules = [.. model.Modules.Select(m => m with { Labels = Label(m.Name ?? m.Id), Options = [.. m.Options.Select(o => o with { Labels = Label(o.Name ?? o.Id) })] })] };
            var compiled = SmallModels.Compile(labelled, (SolverEngineKind)random.Next(3));
            var sessions = new[] { ConfigurationSession.Start(compiled), ConfigurationSession.Start(compiled, new SessionOptions { Culture = Chinese }), ConfigurationSession.Start(compiled, new SessionOptions { Culture = CultureInfo.GetCultureInfo("fr") }) };
            for (var step = 0; step < 3 && sessions[0].State.IsValid; step++)
            {
                var states = sessions.Select(s => s.View() with { SessionId = "s" }).ToArray();
                var relabelled = states[0] with
                {
                    Modules = [.. states[0].Modules.Select(m => m with { Name = "标" + m.Name, Options = [.. m.Options.Select(o => o with { Name = "标" + o.Name, Reason = o.Reason is null ? null : states[1][m.ModuleId][o.OptionId].Reason })] })],
                };
                Assert.Equal(ConfiguratorJson.Serialize(relabelled), ConfiguratorJson.Serialize(states[1]));
                Assert.Equal(ConfiguratorJson.Serialize(states[0]), ConfiguratorJson.Serialize(states[2]));
                Assert.All(states[1].Modules.SelectMany(m => m.Options).Where(o => o.Reason is not null), o => Assert.EndsWith("。", o.Reason!.Message, StringComparison.Ordinal));

                var module = compiled.Model.Modules[random.Next(compiled.Model.Modules.Count)];
                var option = module.Options[random.Next(module.Options.Count)];
                foreach (var session in sessions)
                {
                    session.Select(module.Id, option.Id);
                }
            }
        }, iter: 150, threads: 1);

    [Fact]
    public void SaveAndResume_KeepsTheCultureUnlessTheOptionsNameAnother()
    {
        var session = ConfigurationSession.Start(Windows, new SessionOptions { Culture = Chinese });
        var saved = session.Save();
        Assert.Contains("\"culture\":\"zh-CN\"", saved, StringComparison.Ordinal);

        Assert.Equal("框架", ConfigurationSession.Resume(Windows, saved).Session.State["frame"].Name);
        Assert.Equal("Frame", ConfigurationSession.Resume(Windows, saved, new SessionOptions { Culture = German }).Session.State["frame"].Name);

        // A culture the runtime does not know is not an error: the session reads the default text.
        var unknown = saved.Replace("zh-CN", "qq-QQ", StringComparison.Ordinal);
        Assert.Equal("Frame", ConfigurationSession.Resume(Windows, unknown).Session.State["frame"].Name);
        Assert.DoesNotContain("culture", ConfigurationSession.Start(Windows).Save(), StringComparison.Ordinal);
    }

    [Fact]
    public void Price_Chinese_LabelsEveryLineAndFormatsTheAmountsInText()
    {
        var pipeline = new PricingPipelineBuilder().AddQuantityTiers(new QuantityTierPricingOptions { Tiers = [new QuantityTier(1000, 7.5m)] }).Build();
        var chinese = pipeline.Price(Windows, Arched, new PricingRequest { Quantity = 1200, Culture = Chinese });
        var plain = pipeline.Price(Windows, Arched, new PricingRequest { Quantity = 1200 });

        Assert.Equal(plain.Lines.Select(l => (l.Kind, l.Id, l.Amount)), chinese.Lines.Select(l => (l.Kind, l.Id, l.Amount)));
        Assert.Equal(plain.Total, chinese.Total);
        Assert.Equal(
            ["基础价格", "拱形", "三层中空玻璃", "三级（最强）", "120 x 150 cm", "白色", "防虫纱窗", "内置百叶帘", "拱形三层中空玻璃", "每平方米价格", "舒适套装（-10%）", "另加 1199 件，单价 413.10 EUR", "满 1000 件批量折扣（-7.5%）"],
            chinese.Lines.Select(l => l.Label));
        Assert.Equal("1199 more units at 413.10 EUR", plain.Lines[^2].Label);

        var german = pipeline.Price(Windows, Arched, new PricingRequest { Quantity = 1200, Culture = German });
        Assert.Equal("1199 more units at 413,10 EUR", german.Lines[^2].Label);
        Assert.Equal("Quantity discount from 1000 units (-7,5%)", german.Lines[^1].Label);
        Assert.Equal("458.541,00 EUR", german.Total.ToString(German));
        Assert.Equal("458541.00 EUR", german.Total.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Session_Chinese_PricesItsBreakdownInChinese()
    {
        var session = ConfigurationSession.Start(Windows, new SessionOptions { Pricing = PricingPipeline.Default, Culture = Chinese });

        Assert.Equal("基础价格", session.State.Breakdown!.Lines[0].Label);
        Assert.Equal(Chinese, session.Culture);
    }

    [Fact]
    public void Strategies_TakeTheSessionsCulture()
    {
        var dialogue = new CollaborativeStrategy().Begin(Windows, new SessionOptions { Culture = Chinese });
        var asked = Windows.Model.FindModule(dialogue.Current!.ModuleId)!;
        Assert.Equal(asked.Labels["zh"], dialogue.Current.Name);
        Assert.Equal(asked.Options.Select(o => o.Labels["zh"]).Order(StringComparer.Ordinal), dialogue.Current.Offers.SelectMany(o => o.Names).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(CollaborativeStrategy.StrategyName, dialogue.Session.Strategy);

        var adaptive = new AdaptiveStrategy().Begin(Windows, "standard", new SessionOptions { Culture = Chinese });
        var refused = adaptive.Change("frame", "arched");
        Assert.False(refused.Accepted);
        Assert.Equal("“框架”属于标准产品，此处不能更改；可调整：尺寸、框架颜色、附加配件。", refused.Message);
    }

    [Fact]
    public void Explain_RetiredOption_SaysUntilWhenInTheCustomersLanguage()
    {
        var model = new ProductModelBuilder("chair").WithDefaultCulture("en")
            .AddModule("wood", m => m.AddOption("beech").AddOption(new Option("oak") { Name = "Oak", Labels = new Dictionary<string, string> { ["zh"] = "橡木" }.ToEquatableDictionary(), ValidTo = new DateOnly(2026, 12, 31) }))
            .Build();
        var january = ModelCompiler.Compile(model, new CompilerOptions { AsOf = new DateOnly(2027, 1, 2) }).GetModelOrThrow();

        Assert.Equal("橡木（wood）不可选。橡木已于2026年12月31日停止供应。", ConfigurationSession.Start(january, new SessionOptions { Culture = Chinese }).Explain("wood", "oak")!.Message);
        Assert.Equal("Oak (wood) is not available. Oak was offered until 31 December 2026.", ConfigurationSession.Start(january, new SessionOptions { Culture = German }).Explain("wood", "oak")!.Message);
    }
}
