using Configurator.Rules;

namespace Configurator.Validation;

/// <summary>
/// The stable codes of <see cref="ModelError"/>. Codes never change once published; messages may.
/// </summary>
public static class ModelErrorCodes
{
    /// <summary>The text is not well-formed JSON; the error carries the line and byte position.</summary>
    public const string InvalidJson = "InvalidJson";

    /// <summary>A value has the wrong JSON type (a string where a number belongs, and so on).</summary>
    public const string WrongType = "WrongType";

    /// <summary>An object has a property the format does not define (often a misspelling).</summary>
    public const string UnknownProperty = "UnknownProperty";

    /// <summary>A required property is missing.</summary>
    public const string MissingProperty = "MissingProperty";

    /// <summary>A number is too large or has the wrong form (for example a fraction where a whole number belongs).</summary>
    public const string NumberOutOfRange = "NumberOutOfRange";

    /// <summary>The model is written for a format version this library does not read.</summary>
    public const string UnsupportedFormatVersion = "UnsupportedFormatVersion";

    /// <summary>An id (of the model, a constraint, a price rule, a preset or a field) is empty or holds control characters.</summary>
    public const string InvalidId = "InvalidId";

    /// <summary>The currency is not an ISO 4217 code.</summary>
    public const string InvalidCurrency = "InvalidCurrency";

    /// <summary>The model has no modules.</summary>
    public const string NoModules = "NoModules";

    /// <summary>A module id does not match <c>^[A-Za-z_][A-Za-z0-9_]*$</c>.</summary>
    public const string InvalidModuleId = "InvalidModuleId";

    /// <summary>A module id is a keyword of the rule language (and, or, not, in, true, false), so rules cannot name it.</summary>
    public const string ReservedModuleId = "ReservedModuleId";

    /// <summary>Two modules share an id.</summary>
    public const string DuplicateModuleId = "DuplicateModuleId";

    /// <summary>A module has no options.</summary>
    public const string NoOptions = "NoOptions";

    /// <summary>A module's min and max do not satisfy 0 &lt;= min &lt;= max &lt;= number of options, max &gt;= 1.</summary>
    public const string InvalidCardinality = "InvalidCardinality";

    /// <summary>An option id is empty or holds control characters.</summary>
    public const string InvalidOptionId = "InvalidOptionId";

    /// <summary>Two options of one module share an id.</summary>
    public const string DuplicateOptionId = "DuplicateOptionId";

    /// <summary>A property name is empty or holds control characters.</summary>
    public const string InvalidPropertyName = "InvalidPropertyName";

    /// <summary>A module's default names an option the module does not have.</summary>
    public const string UnknownDefault = "UnknownDefault";

    /// <summary>A module has more defaults than it may select, or names one twice.</summary>
    public const string TooManyDefaults = "TooManyDefaults";

    /// <summary>Two constraints share an id (a generated <c>cN</c> id included).</summary>
    public const string DuplicateConstraintId = "DuplicateConstraintId";

    /// <summary>A constraint has both or neither of <c>rule</c> and <c>table</c>.</summary>
    public const string RuleOrTableRequired = "RuleOrTableRequired";

    /// <summary>A table has both or neither of <c>allowed</c> and <c>forbidden</c>.</summary>
    public const string InvalidTableRows = "InvalidTableRows";

    /// <summary>A table names no modules.</summary>
    public const string EmptyTable = "EmptyTable";

    /// <summary>A table names a module the model does not have.</summary>
    public const string TableUnknownModule = "TableUnknownModule";

    /// <summary>A table names a module twice.</summary>
    public const string TableDuplicateModule = "TableDuplicateModule";

    /// <summary>A table names a multi-select module; tables need modules with <c>max == 1</c>.</summary>
    public const string TableMultiSelectModule = "TableMultiSelectModule";

    /// <summary>A table row has a different number of cells than the table has modules.</summary>
    public const string TableRowArity = "TableRowArity";

    /// <summary>A table cell names an option its column's module does not have.</summary>
    public const string TableUnknownOption = "TableUnknownOption";

    /// <summary>Rule text does not follow the grammar; the error carries the column.</summary>
    public const string RuleSyntax = RuleErrorCodes.Syntax;

    /// <summary>Rule text nests too deeply; split it into several constraints.</summary>
    public const string RuleTooDeep = RuleErrorCodes.TooDeep;

    /// <summary>A number in rule text is too large.</summary>
    public const string RuleNumberOutOfRange = RuleErrorCodes.NumberOutOfRange;

    /// <summary>Rule text names a module the model does not have.</summary>
    public const string RuleUnknownModule = RuleErrorCodes.UnknownModule;

    /// <summary>Rule text names an option its module does not have.</summary>
    public const string RuleUnknownOption = RuleErrorCodes.UnknownOption;

    /// <summary>Rule text names a property no option of the module has.</summary>
    public const string RuleUnknownProperty = RuleErrorCodes.UnknownProperty;

    /// <summary>Rule text reads a numeric property that some options of the module lack.</summary>
    public const string RuleNumericPropertyMissing = RuleErrorCodes.NumericPropertyMissing;

    /// <summary>Rule text reads a property that is a number on some options and a text on others.</summary>
    public const string RuleMixedPropertyTypes = RuleErrorCodes.MixedPropertyTypes;

    /// <summary>Rule text combines values of the wrong types (for example <c>frame + 1</c>).</summary>
    public const string RuleTypeMismatch = RuleErrorCodes.TypeMismatch;

    /// <summary>Rule text tests a multi-select module with <c>==</c>, <c>!=</c> or <c>in</c> (use <c>has</c>), or reads a text property of one.</summary>
    public const string RuleMultiSelectComparison = RuleErrorCodes.MultiSelectComparison;

    /// <summary>Rule text divides by something other than a non-zero number literal.</summary>
    public const string RuleInvalidDivisor = RuleErrorCodes.InvalidDivisor;

    /// <summary>Two price rules share an id.</summary>
    public const string DuplicatePriceRuleId = "DuplicatePriceRuleId";

    /// <summary>A price rule has none, or more than one, of <c>add</c> and <c>percent</c>.</summary>
    public const string InvalidPriceRuleAmount = "InvalidPriceRuleAmount";

    /// <summary>A price rule's <c>percent</c> is below -100: it would take more than the whole subtotal away.</summary>
    public const string PercentOutOfRange = "PercentOutOfRange";

    /// <summary>Two presets share an id.</summary>
    public const string DuplicatePresetId = "DuplicatePresetId";

    /// <summary>A preset selects in a module the model does not have.</summary>
    public const string PresetUnknownModule = "PresetUnknownModule";

    /// <summary>A preset selects an option its module does not have.</summary>
    public const string PresetUnknownOption = "PresetUnknownOption";

    /// <summary>A preset selects fewer or more options in a module than its min and max allow, or one twice.</summary>
    public const string PresetSelectionCount = "PresetSelectionCount";

    /// <summary>A preset leaves out a module that needs a selection.</summary>
    public const string PresetIncomplete = "PresetIncomplete";

    /// <summary>Two personalization fields share an id.</summary>
    public const string DuplicatePersonalizationId = "DuplicatePersonalizationId";

    /// <summary>A personalization field's maxLength is below 1.</summary>
    public const string InvalidMaxLength = "InvalidMaxLength";

    /// <summary>Reported when compiling: a module permits too many different selections (or is multi-select with over 64 options).</summary>
    public const string ModuleTooLarge = "ModuleTooLarge";

    /// <summary>The model has more options in all than <see cref="Solving.CompilerOptions.MaxOptions"/> permits; raise it or split the model.</summary>
    public const string ModelTooLarge = "ModelTooLarge";

    /// <summary>Reported when compiling: a preset breaks a constraint, so it is no valid product.</summary>
    public const string PresetViolatesConstraints = "PresetViolatesConstraints";

    /// <summary>A personalization field's pattern is not a valid regular expression.</summary>
    public const string InvalidPattern = "InvalidPattern";

    /// <summary>A choice field has no choices, or a text field has some.</summary>
    public const string InvalidChoices = "InvalidChoices";

    /// <summary>Two attributes share an id.</summary>
    public const string DuplicateAttributeId = "DuplicateAttributeId";

    /// <summary>An attribute names a property that no option has, or one that is text on some option.</summary>
    public const string AttributeNotNumeric = "AttributeNotNumeric";

    /// <summary>Two parts share an id.</summary>
    public const string DuplicatePartId = "DuplicatePartId";

    /// <summary>An option or a BOM rule names a part the model's <c>parts</c> does not list.</summary>
    public const string UnknownPart = "UnknownPart";

    /// <summary>A part's quantity is 0 or less, or a BOM rule names no part.</summary>
    public const string InvalidQuantity = "InvalidQuantity";

    /// <summary>Two BOM rules share an id.</summary>
    public const string DuplicateBomRuleId = "DuplicateBomRuleId";

    /// <summary>An element's <c>validTo</c> is before its <c>validFrom</c>, so it is never in effect.</summary>
    public const string InvalidEffectivity = "InvalidEffectivity";

    /// <summary>A label's key or the model's <c>defaultCulture</c> is not a culture name such as <c>en</c>, <c>zh-CN</c> or <c>de-DE</c>.</summary>
    public const string InvalidCulture = "InvalidCulture";
}
