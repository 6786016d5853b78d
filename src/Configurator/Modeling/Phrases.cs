namespace Configurator.Modeling;

/// <summary>
/// The engine's own words in one language: the sentences around the model's names in explanations,
/// price lines and effectivity messages. Composite format strings (<c>{0}</c>) filled with the
/// customer's culture. One table per language, as FluentValidation keeps one per language; a
/// language without a table reads English.
/// </summary>
internal sealed record Phrases
{
    public static Phrases English { get; } = new()
    {
        Language = "en",
        DatePattern = "d MMMM yyyy",
        None = "none",
        Not = "not {0}",
        ChoiceOfModule = "{0}: {1}",
        OptionOfModule = "{0} ({1})",
        ListSeparator = ", ",
        SentenceSeparator = " ",
        SentenceEnd = ".",
        YouRuledOut = "You ruled out {0}.",
        PresetLeavesOut = "The standard product leaves out {0}.",
        ModuleTakes = "{0} takes {1}.",
        ExactlyOneOption = "exactly 1 option",
        ExactlyOptions = "exactly {0} different options",
        OptionsBetween = "{0} to {1} different options",
        NotAvailable = "{0} is not available. {1}",
        NotAvailableWith = "{0} is not available with {1}. {2}",
        TableOver = "table over {0}",
        OfferedFrom = "{0} is offered from {1}.",
        OfferedUntil = "{0} was offered until {1}.",
        NoLongerPossible = "No longer possible together with the earlier choices: {0}",
        NotAdjustable = "'{0}' is part of the standard product and cannot be changed here; adjustable: {1}.",
        NotPossibleWithStandard = "Not possible with the standard product: {0}",
        OnlyByChangingOthers = "Possible only by changing other adjustable modules: {0}",
        BasePrice = "Base price",
        Rounding = "Rounding",
        Percentage = "{0} ({1}%)",
        OneMoreUnit = "1 more unit at {0}",
        MoreUnits = "{0} more units at {1}",
        QuantityDiscount = "Quantity discount from {0} units (-{1}%)",
        RepeatCustomer = "Repeat customer (-{0}%)",
        Pieces = "pcs",
    };

    public static Phrases Chinese { get; } = new()
    {
        Language = "zh",
        DatePattern = "yyyy'年'M'月'd'日'",
        None = "无",
        Not = "不选{0}",
        ChoiceOfModule = "{0}：{1}",
        OptionOfModule = "{0}（{1}）",
        ListSeparator = "、",
        SentenceSeparator = "",
        SentenceEnd = "。",
        YouRuledOut = "您已排除{0}。",
        PresetLeavesOut = "标准产品不包含{0}。",
        ModuleTakes = "{0}须选择{1}。",
        ExactlyOneOption = "恰好 1 个选项",
        ExactlyOptions = "恰好 {0} 个不同选项",
        OptionsBetween = "{0} 至 {1} 个不同选项",
        NotAvailable = "{0}不可选。{1}",
        NotAvailableWith = "{0}不能与{1}同时选择。{2}",
        TableOver = "{0}的组合表",
        OfferedFrom = "{0}自{1}起供应。",
        OfferedUntil = "{0}已于{1}停止供应。",
        NoLongerPossible = "与先前的选择不再兼容：{0}",
        NotAdjustable = "“{0}”属于标准产品，此处不能更改；可调整：{1}。",
        NotPossibleWithStandard = "标准产品无法实现：{0}",
        OnlyByChangingOthers = "只有更改其他可调整模块才能实现：{0}",
        BasePrice = "基础价格",
        Rounding = "舍入",
        Percentage = "{0}（{1}%）",
        OneMoreUnit = "另加 1 件，单价 {0}",
        MoreUnits = "另加 {0} 件，单价 {1}",
        QuantityDiscount = "满 {0} 件批量折扣（-{1}%）",
        RepeatCustomer = "老客户优惠（-{0}%）",
        Pieces = "件",
    };

    private static readonly Phrases[] Tables = [English, Chinese];

    /// <summary>The language subtag the table is for (<c>en</c>, <c>zh</c>).</summary>
    public required string Language { get; init; }

    /// <summary>How a day reads in this language, filled with the invariant culture's (English) month names, so that a sentence never mixes languages.</summary>
    public required string DatePattern { get; init; }

    public required string None { get; init; }

    public required string Not { get; init; }

    public required string ChoiceOfModule { get; init; }

    public required string OptionOfModule { get; init; }

    public required string ListSeparator { get; init; }

    public required string SentenceSeparator { get; init; }

    public required string SentenceEnd { get; init; }

    public required string YouRuledOut { get; init; }

    public required string PresetLeavesOut { get; init; }

    public required string ModuleTakes { get; init; }

    public required string ExactlyOneOption { get; init; }

    public required string ExactlyOptions { get; init; }

    public required string OptionsBetween { get; init; }

    public required string NotAvailable { get; init; }

    public required string NotAvailableWith { get; init; }

    public required string TableOver { get; init; }

    public required string OfferedFrom { get; init; }

    public required string OfferedUntil { get; init; }

    public required string NoLongerPossible { get; init; }

    public required string NotAdjustable { get; init; }

    public required string NotPossibleWithStandard { get; init; }

    public required string OnlyByChangingOthers { get; init; }

    public required string BasePrice { get; init; }

    public required string Rounding { get; init; }

    public required string Percentage { get; init; }

    public required string OneMoreUnit { get; init; }

    public required string MoreUnits { get; init; }

    public required string QuantityDiscount { get; init; }

    public required string RepeatCustomer { get; init; }

    public required string Pieces { get; init; }

    /// <summary>The table of the first culture, of those given most specific first, whose language has one; else English.</summary>
    public static Phrases For(IEnumerable<string> cultureNames)
    {
        foreach (var name in cultureNames)
        {
            var language = LanguageOf(name);
            foreach (var table in Tables)
            {
                if (string.Equals(table.Language, language, StringComparison.OrdinalIgnoreCase))
                {
                    return table;
                }
            }
        }

        return English;
    }

    /// <summary>A culture name's language subtag: <c>zh</c> for <c>zh-Hans-CN</c>.</summary>
    public static string LanguageOf(string cultureName) => cultureName.Split('-')[0];
}
