using System.Reflection;
using System.Text.Json.Nodes;
using Configurator.Serialization;
using Configurator.Validation;

namespace Configurator.Tests.Validation;

/// <summary>One case per error code: a small change to a valid model that must produce exactly that code at that path.</summary>
public class ModelErrorCodeTests
{
    private const string ValidModel = """
        {
          "formatVersion": 1, "id": "w", "currency": "EUR", "basePrice": 80,
          "modules": [
            { "id": "frame", "default": "rect", "options": [
              { "id": "rect", "properties": { "w": 4, "material": "pvc" }, "parts": { "P1": 1 } },
              { "id": "arched", "price": 40, "properties": { "w": 5, "material": "wood" } } ] },
            { "id": "glass", "options": [
              { "id": "clear", "properties": { "w": 10 } },
              { "id": "triple", "price": 60, "properties": { "w": 24 } } ] },
            { "id": "extras", "min": 0, "max": 2, "options": [ { "id": "handle" }, { "id": "lock" } ] }
          ],
          "constraints": [
            { "id": "arched-triple", "rule": "frame == 'arched' -> glass == 'triple'" },
            { "id": "pairs", "table": { "modules": ["frame", "glass"], "allowed": [["rect", "*"], ["arched", "triple"]] } }
          ],
          "priceRules": [ { "id": "weight", "when": "true", "add": "glass.w * 2" } ],
          "presets": [ { "id": "standard", "selections": { "frame": "rect", "glass": "clear", "extras": ["handle"] } } ],
          "personalization": [
            { "id": "engraving", "type": "text", "maxLength": 20, "pattern": "^[A-Z]*$", "price": 5 },
            { "id": "box", "type": "choice", "choices": ["gift", "plain"] } ],
          "attributes": [ { "id": "weight", "property": "w", "unit": "kg" }, { "id": "heaviest", "property": "w", "aggregate": "max" } ],
          "parts": [ { "id": "P1", "name": "Frame", "unit": "pcs" }, { "id": "P2", "unit": "m2" } ],
          "bomRules": [ { "id": "pane", "parts": { "P2": "1.5 * 2" } } ]
        }
        """;

    public static TheoryData<string, string, string> Cases() => new()
    {
        { ModelErrorCodes.InvalidJson, "$", "<truncate>" },
        { ModelErrorCodes.WrongType, "$.modules[0].options[1].price", "$.modules[0].options[1].price = \"40\"" },
        { ModelErrorCodes.UnknownProperty, "$.modules[0].defualt", "$.modules[0].defualt = \"rect\"" },
        { ModelErrorCodes.MissingProperty, "$.modules[2].options[1].id", "$.modules[2].options[1].id = <remove>" },
        { ModelErrorCodes.NumberOutOfRange, "$.modules[2].max", "$.modules[2].max = 1e12" },
        { ModelErrorCodes.UnsupportedFormatVersion, "$.formatVersion", "$.formatVersion = 2" },
        { ModelErrorCodes.InvalidId, "$.id", "$.id = \"\"" },
        { ModelErrorCodes.InvalidCurrency, "$.currency", "$.currency = \"EURO\"" },
        { ModelErrorCodes.NoModules, "$.modules", "$.modules = []; $.constraints = []; $.priceRules = []; $.presets = []" },
        { ModelErrorCodes.InvalidModuleId, "$.modules[2].id", "$.modules[2].id = \"3extras\"; $.presets[0].selections.extras = <remove>" },
        { ModelErrorCodes.ReservedModuleId, "$.modules[2].id", "$.modules[2].id = \"not\"; $.presets[0].selections.extras = <remove>" },
        { ModelErrorCodes.DuplicateModuleId, "$.modules[2].id", "$.modules[2].id = \"frame\"; $.presets[0].selections.extras = <remove>" },
        { ModelErrorCodes.NoOptions, "$.modules[2].options", "$.modules[2].options = []; $.presets[0].selections.extras = <remove>" },
        { ModelErrorCodes.InvalidCardinality, "$.modules[2].max", "$.modules[2].max = 3" },
        { ModelErrorCodes.InvalidOptionId, "$.modules[2].options[1].id", "$.modules[2].options[1].id = \"\"" },
        { ModelErrorCodes.DuplicateOptionId, "$.modules[2].options[1].id", "$.modules[2].options[1].id = \"handle\"" },
        { ModelErrorCodes.InvalidPropertyName, "$.modules[2].options[0].properties['']", "$.modules[2].options[0].properties = {\"\": 1}" },
        { ModelErrorCodes.UnknownDefault, "$.modules[0].default", "$.modules[0].default = \"round\"" },
        { ModelErrorCodes.TooManyDefaults, "$.modules[0].default", "$.modules[0].default = [\"rect\", \"arched\"]" },
        { ModelErrorCodes.DuplicateConstraintId, "$.constraints[1].id", "$.constraints[1].id = \"arched-triple\"" },
        { ModelErrorCodes.RuleOrTableRequired, "$.constraints[0]", "$.constraints[0].table = {\"modules\": [\"frame\"], \"allowed\": [[\"rect\"]]}" },
        { ModelErrorCodes.InvalidTableRows, "$.constraints[1].table", "$.constraints[1].table.forbidden = [[\"rect\", \"clear\"]]" },
        { ModelErrorCodes.EmptyTable, "$.constraints[1].table.modules", "$.constraints[1].table = {\"modules\": [], \"allowed\": []}" },
        { ModelErrorCodes.TableUnknownModule, "$.constraints[1].table.modules[1]", "$.constraints[1].table.modules = [\"frame\", \"glas\"]" },
        { ModelErrorCodes.TableDuplicateModule, "$.constraints[1].table.modules[1]", "$.constraints[1].table = {\"modules\": [\"frame\", \"frame\"], \"allowed\": [[\"rect\", \"rect\"]]}" },
        { ModelErrorCodes.TableMultiSelectModule, "$.constraints[1].table.modules[1]", "$.constraints[1].table = {\"modules\": [\"frame\", \"extras\"], \"allowed\": [[\"rect\", \"lock\"]]}" },
        { ModelErrorCodes.TableRowArity, "$.constraints[1].table.allowed[1]", "$.constraints[1].table.allowed = [[\"rect\", \"*\"], [\"arched\"]]" },
        { ModelErrorCodes.TableUnknownOption, "$.constraints[1].table.allowed[1][1]", "$.constraints[1].table.allowed = [[\"rect\", \"*\"], [\"arched\", \"tripel\"]]" },
        { ModelErrorCodes.RuleSyntax, "$.constraints[0].rule@22", "$.constraints[0].rule = \"frame == 'arched' -> \"" },
        { ModelErrorCodes.RuleTooDeep, "$.constraints[0].rule@201", "$.constraints[0].rule = <deep>" },
        { ModelErrorCodes.RuleNumberOutOfRange, "$.constraints[0].rule@11", "$.constraints[0].rule = \"glass.w < 1000000000000000000000000000000\"" },
        { ModelErrorCodes.RuleUnknownModule, "$.constraints[0].rule@22", "$.constraints[0].rule = \"frame == 'arched' -> glas == 'triple'\"" },
        { ModelErrorCodes.RuleUnknownOption, "$.constraints[0].rule@10", "$.constraints[0].rule = \"frame == 'round' -> glass == 'triple'\"" },
        { ModelErrorCodes.RuleUnknownProperty, "$.constraints[0].rule@7", "$.constraints[0].rule = \"glass.weight < 20\"" },
        { ModelErrorCodes.RuleNumericPropertyMissing, "$.constraints[0].rule@8", "$.constraints[0].rule = \"extras.w < 20\"; $.modules[2].options[0].properties = {\"w\": 1}" },
        { ModelErrorCodes.RuleMixedPropertyTypes, "$.constraints[0].rule@7", "$.constraints[0].rule = \"glass.w < 20\"; $.modules[1].options[0].properties = {\"w\": \"heavy\"}; $.priceRules[0].add = 3; $.attributes = []" },
        { ModelErrorCodes.RuleTypeMismatch, "$.constraints[0].rule@1", "$.constraints[0].rule = \"frame + 1 > 2\"" },
        { ModelErrorCodes.RuleMultiSelectComparison, "$.constraints[0].rule@8", "$.constraints[0].rule = \"extras == 'lock'\"" },
        { ModelErrorCodes.RuleInvalidDivisor, "$.constraints[0].rule@11", "$.constraints[0].rule = \"glass.w / frame.w > 2\"" },
        { ModelErrorCodes.DuplicatePriceRuleId, "$.priceRules[1].id", "$.priceRules[1] = {\"id\": \"weight\", \"add\": 1}" },
        { ModelErrorCodes.InvalidPriceRuleAmount, "$.priceRules[0]", "$.priceRules[0].percent = 5" },
        { ModelErrorCodes.PercentOutOfRange, "$.priceRules[0].percent", "$.priceRules[0] = {\"id\": \"sale\", \"when\": \"true\", \"percent\": -1000}" },
        { ModelErrorCodes.DuplicatePresetId, "$.presets[1].id", "$.presets[1] = {\"id\": \"standard\", \"selections\": {\"frame\": \"rect\", \"glass\": \"clear\"}}" },
        { ModelErrorCodes.PresetUnknownModule, "$.presets[0].selections.colour", "$.presets[0].selections.colour = \"red\"" },
        { ModelErrorCodes.PresetUnknownOption, "$.presets[0].selections.frame", "$.presets[0].selections.frame = \"round\"" },
        { ModelErrorCodes.PresetSelectionCount, "$.presets[0].selections.extras", "$.presets[0].selections.extras = [\"handle\", \"handle\"]" },
        { ModelErrorCodes.PresetIncomplete, "$.presets[0].selections", "$.presets[0].selections.glass = <remove>" },
        { ModelErrorCodes.DuplicatePersonalizationId, "$.personalization[1].id", "$.personalization[1].id = \"engraving\"" },
        { ModelErrorCodes.InvalidMaxLength, "$.personalization[0].maxLength", "$.personalization[0].maxLength = 0" },
        { ModelErrorCodes.InvalidPattern, "$.personalization[0].pattern", "$.personalization[0].pattern = \"[A-Z\"" },
        { ModelErrorCodes.InvalidChoices, "$.personalization[1].choices", "$.personalization[1].choices = []" },
        { ModelErrorCodes.DuplicateAttributeId, "$.attributes[1].id", "$.attributes[1].id = \"weight\"" },
        { ModelErrorCodes.AttributeNotNumeric, "$.attributes[0].property", "$.attributes[0].property = \"mass\"" },
        { ModelErrorCodes.AttributeNotNumeric, "$.attributes[0].property", "$.modules[1].options[0].properties.w = \"heavy\"; $.priceRules = []; $.attributes = [ { \"id\": \"weight\", \"property\": \"w\" } ]" },
        { ModelErrorCodes.WrongType, "$.attributes[1].aggregate", "$.attributes[1].aggregate = \"average\"" },
        { ModelErrorCodes.MissingProperty, "$.attributes[0].property", "$.attributes[0].property = <remove>" },
        { ModelErrorCodes.InvalidEffectivity, "$.constraints[0].validTo", "$.constraints[0].validFrom = \"2027-01-01\"; $.constraints[0].validTo = \"2026-12-31\"" },
        { ModelErrorCodes.InvalidEffectivity, "$.modules[0].options[1].validTo", "$.modules[0].options[1].validFrom = \"2027-01-01\"; $.modules[0].options[1].validTo = \"2026-12-31\"" },
        { ModelErrorCodes.WrongType, "$.presets[0].validFrom", "$.presets[0].validFrom = \"next week\"" },
        { ModelErrorCodes.InvalidCulture, "$.defaultCulture", "$.defaultCulture = \"English\"" },
        { ModelErrorCodes.InvalidCulture, "$.modules[0].options[1].labels.zh_CN", "$.modules[0].options[1].labels = {\"zh_CN\": \"x\"}" },
        { ModelErrorCodes.InvalidCulture, "$.parts[0].labels['de DE']", "$.parts[0].labels = {\"de DE\": \"x\"}" },
        { ModelErrorCodes.DuplicatePartId, "$.parts[2].id", "$.parts = [{\"id\": \"P1\"}, {\"id\": \"P2\"}, {\"id\": \"P2\"}]" },
        { ModelErrorCodes.UnknownPart, "$.modules[0].options[0].parts.P9", "$.modules[0].options[0].parts = {\"P9\": 1}" },
        { ModelErrorCodes.UnknownPart, "$.bomRules[0].parts.P9", "$.bomRules[0].parts = {\"P9\": 1}" },
        { ModelErrorCodes.InvalidQuantity, "$.modules[0].options[0].parts.P1", "$.modules[0].options[0].parts = {\"P1\": 0}" },
        { ModelErrorCodes.InvalidQuantity, "$.bomRules[0].parts", "$.bomRules[0].parts = {}" },
        { ModelErrorCodes.DuplicateBomRuleId, "$.bomRules[1].id", "$.bomRules = [{\"id\": \"b\", \"parts\": {\"P1\": 1}}, {\"id\": \"b\", \"parts\": {\"P2\": 1}}]" },
        { ModelErrorCodes.RuleUnknownModule, "$.bomRules[0].parts.P2@1", "$.bomRules[0].parts = {\"P2\": \"glas.w\"}" },
        { ModelErrorCodes.WrongType, "$.modules[0].options[0].parts.P1", "$.modules[0].options[0].parts = {\"P1\": \"2\"}" },
    };

    [Fact]
    public void ValidModel_HasNoErrors() => Assert.Empty(ProductModelJson.Load(ValidModel).Errors);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_BrokenModel_ReportsExactlyThatCodeAtThatPath(string code, string expectedPath, string edits)
    {
        var errors = ProductModelJson.Load(Apply(edits)).Errors;

        var (path, column) = expectedPath.Split('@') is [var p, var c] ? (p, (int?)int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)) : (expectedPath, null);
        var error = Assert.Single(errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
        Assert.Equal(column, error.Column);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Cases_CoverEveryPublicCode()
    {
        var published = typeof(ModelErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToHashSet();
        // Codes reported by the compiler rather than by loading are tested in CompiledModelTests.
        string[] compileCodes = [ModelErrorCodes.ModuleTooLarge, ModelErrorCodes.ModelTooLarge, ModelErrorCodes.PresetViolatesConstraints];
        var tested = Cases().Select(row => row.Data.Item1).Concat(compileCodes).ToHashSet();
        Assert.Empty(published.Except(tested));
    }

    [Fact]
    public void Load_ManyProblems_ReportsEveryOneAtOnce()
    {
        var json = Apply("$.currency = \"EURO\"; $.modules[2].id = \"frame\"; $.presets[0].selections.extras = <remove>; $.constraints[0].rule = \"frame == 'x'\"; $.personalization[0].maxLength = 0");
        var codes = ProductModelJson.Load(json).Errors.Select(e => e.Code).ToList();
        Assert.Equal([ModelErrorCodes.InvalidCurrency, ModelErrorCodes.DuplicateModuleId, ModelErrorCodes.RuleUnknownOption, ModelErrorCodes.InvalidMaxLength], codes);
    }

    [Fact]
    public void Load_ModuleWithManyProblems_ReportsThemInTheOrderOfItsFields()
    {
        // A module and its options are checked by one rule (ModuleValidator); its problems still come
        // in the order the model lists the fields: id, then each option, then duplicates and cardinality.
        var json = Apply("$.modules[2].id = \"3extras\"; $.presets[0].selections.extras = <remove>; $.modules[2].options[0].id = \"\"; "
            + "$.modules[2].options[1].validFrom = \"2027-01-01\"; $.modules[2].options[1].validTo = \"2026-12-31\"; "
            + "$.modules[2].options[2] = {\"id\": \"lock\"}; $.modules[2].max = 5");
        var errors = ProductModelJson.Load(json).Errors.Select(e => (e.Code, e.Path)).ToList();
        Assert.Equal(
            [
                (ModelErrorCodes.InvalidModuleId, "$.modules[2].id"),
                (ModelErrorCodes.InvalidOptionId, "$.modules[2].options[0].id"),
                (ModelErrorCodes.InvalidEffectivity, "$.modules[2].options[1].validTo"),
                (ModelErrorCodes.DuplicateOptionId, "$.modules[2].options[2].id"),
                (ModelErrorCodes.InvalidCardinality, "$.modules[2].max"),
            ],
            errors);
    }

    /// <summary>Applies edits written as <c>$.a.b[1].c = JSON</c>, separated by <c>; </c>.</summary>
    private static string Apply(string edits)
    {
        if (edits == "<truncate>")
        {
            return ValidModel[..(ValidModel.Length / 2)];
        }

        var root = JsonNode.Parse(ValidModel)!;
        foreach (var edit in edits.Split("; "))
        {
            var (target, value) = edit.Split(" = ", 2) is [var t, var v] ? (t, v) : throw new ArgumentException(edit);
            var segments = target[2..].Replace("[", ".[", StringComparison.Ordinal).Split('.');
            var parent = root;
            foreach (var segment in segments[..^1])
            {
                parent = segment.StartsWith('[') ? parent[int.Parse(segment[1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : parent[segment]!;
            }

            var last = segments[^1];
            JsonNode? node = value switch
            {
                "<remove>" => null,
                "<deep>" => JsonValue.Create(string.Concat(Enumerable.Repeat("(", 400)) + "true" + string.Concat(Enumerable.Repeat(")", 400))),
                _ => JsonNode.Parse(value),
            };
            if (last.StartsWith('['))
            {
                var array = parent.AsArray();
                var index = int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture);
                if (index < array.Count)
                {
                    array[index] = node;
                }
                else
                {
                    array.Add(node);
                }
            }
            else if (node is null)
            {
                parent.AsObject().Remove(last);
            }
            else
            {
                parent[last] = node;
            }
        }

        return root.ToJsonString();
    }

    [Theory]
    [InlineData(-100, true)]
    [InlineData(-100.5, false)]
    [InlineData(-1000, false)]
    [InlineData(250, true)]
    public void Percent_BelowMinus100_IsRefused(double percent, bool valid)
    {
        var model = new Configurator.Modeling.ProductModelBuilder("p").AddModule("m", m => m.AddOption("a", 10))
            .AddPercentage("sale", "true", (decimal)percent).Build();
        var result = model.Validate();
        Assert.Equal(valid, result.IsValid);
        Assert.Equal(valid ? [] : [ModelErrorCodes.PercentOutOfRange], result.Errors.Select(e => e.Code));
    }
}
