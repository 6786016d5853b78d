namespace Configurator;

/// <summary>The stable codes of <see cref="ConfiguratorException"/>: one per kind of bad input.</summary>
public static class ConfiguratorErrorCodes
{
    /// <summary>Bad input of no more specific kind.</summary>
    public const string InvalidInput = "InvalidInput";

    /// <summary>No model has the id (a catalog lookup). Usually answered with 404.</summary>
    public const string UnknownModel = "UnknownModel";

    /// <summary>The model has no module with the id.</summary>
    public const string UnknownModule = "UnknownModule";

    /// <summary>The module has no option with the id.</summary>
    public const string UnknownOption = "UnknownOption";

    /// <summary>The model has no preset with the id.</summary>
    public const string UnknownPreset = "UnknownPreset";

    /// <summary>A selection picks a number of options the module does not permit, or leaves a module out where a complete configuration is needed.</summary>
    public const string InvalidSelection = "InvalidSelection";

    /// <summary>The text is not a saved session this library can read (malformed JSON, an unknown format version, a missing model id).</summary>
    public const string InvalidSessionDocument = "InvalidSessionDocument";

    /// <summary>The saved session was made with another model (a different model id).</summary>
    public const string SessionModelMismatch = "SessionModelMismatch";

    /// <summary>No session has the id (a session store lookup). Usually answered with 404.</summary>
    public const string UnknownSession = "UnknownSession";

    /// <summary>A personalization value is missing, unknown, or breaks its field's type, length, pattern or choices.</summary>
    public const string InvalidPersonalization = "InvalidPersonalization";

    /// <summary>A diagnosis given to resolve a conflict is not one of the conflict's, or the session changed since.</summary>
    public const string StaleConflict = "StaleConflict";

    /// <summary>A price or price range exceeds what a decimal holds (±7.9 × 10^28); it is refused rather than rounded off or saturated.</summary>
    public const string PriceOverflow = "PriceOverflow";

    /// <summary>An attribute range names a property no option has, or one that is text.</summary>
    public const string UnknownProperty = "UnknownProperty";

    /// <summary>
    /// A computation reached one of the limits that keep it within bounded time and memory; the
    /// message names the limit (a <see cref="Solving.CompilerOptions"/> property) and how to raise it.
    /// </summary>
    public const string LimitExceeded = "LimitExceeded";

    /// <summary>A step that needs something the session does not have (no preset to return to, nothing to answer).</summary>
    public const string InvalidStep = "InvalidStep";

    /// <summary>No customer profile has the id (a profile store lookup). Usually answered with 404.</summary>
    public const string UnknownCustomer = "UnknownCustomer";

    /// <summary>A stored customer profile, or a profile file, is not one this library can read; the message names the line and position or the JSON path.</summary>
    public const string InvalidProfile = "InvalidProfile";
}
