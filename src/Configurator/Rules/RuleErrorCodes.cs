namespace Configurator.Rules;

/// <summary>The codes of rule-text problems; the public list with messages is <c>ModelErrorCodes</c>.</summary>
internal static class RuleErrorCodes
{
    public const string Syntax = "RuleSyntax";
    public const string TooDeep = "RuleTooDeep";
    public const string NumberOutOfRange = "RuleNumberOutOfRange";
    public const string UnknownModule = "RuleUnknownModule";
    public const string UnknownOption = "RuleUnknownOption";
    public const string UnknownProperty = "RuleUnknownProperty";
    public const string NumericPropertyMissing = "RuleNumericPropertyMissing";
    public const string MixedPropertyTypes = "RuleMixedPropertyTypes";
    public const string TypeMismatch = "RuleTypeMismatch";
    public const string MultiSelectComparison = "RuleMultiSelectComparison";
    public const string InvalidDivisor = "RuleInvalidDivisor";
}
