namespace Configurator;

/// <summary>
/// Bad input from a customer or a caller's data: an unknown model, module, option or preset, a
/// saved session that is malformed or for another model, an invalid personalization value. Every
/// case has a stable <see cref="Code"/> (see <see cref="ConfiguratorErrorCodes"/>), so a shop maps
/// them to responses in one place (for example 404 for <see cref="ConfiguratorErrorCodes.UnknownModel"/>,
/// 400 for the rest). The library stays usable after one. Programming errors, such as a null
/// argument, remain <see cref="ArgumentException"/>s.
/// </summary>
public class ConfiguratorException : Exception
{
    /// <summary>Creates the exception with the generic code <see cref="ConfiguratorErrorCodes.InvalidInput"/>.</summary>
    public ConfiguratorException()
        : this(ConfiguratorErrorCodes.InvalidInput, "The input is not valid.")
    {
    }

    /// <summary>Creates the exception with the generic code <see cref="ConfiguratorErrorCodes.InvalidInput"/>.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public ConfiguratorException(string message)
        : this(ConfiguratorErrorCodes.InvalidInput, message)
    {
    }

    /// <summary>Creates the exception with the generic code <see cref="ConfiguratorErrorCodes.InvalidInput"/> and a cause.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public ConfiguratorException(string message, Exception? innerException)
        : this(ConfiguratorErrorCodes.InvalidInput, message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="code">A stable code from <see cref="ConfiguratorErrorCodes"/>.</param>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ConfiguratorException(string code, string message, Exception? innerException = null)
        : base(message, innerException) => Code = code;

    /// <summary>The stable code of the case, one of <see cref="ConfiguratorErrorCodes"/>; never message text.</summary>
    public string Code { get; }
}
