namespace Configurator.Solving;

/// <summary>
/// A selection names a module or option the model does not have, or selects a number of options a
/// module does not permit. The compiled model is unaffected and stays usable. Its
/// <see cref="ConfiguratorException.Code"/> is <see cref="ConfiguratorErrorCodes.UnknownModule"/>,
/// <see cref="ConfiguratorErrorCodes.UnknownOption"/> or <see cref="ConfiguratorErrorCodes.InvalidSelection"/>.
/// </summary>
public sealed class InvalidSelectionException : ConfiguratorException
{
    /// <summary>Creates the exception.</summary>
    public InvalidSelectionException()
        : base(ConfiguratorErrorCodes.InvalidSelection, "The selection is not valid for this model.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public InvalidSelectionException(string message)
        : base(ConfiguratorErrorCodes.InvalidSelection, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidSelectionException(string message, Exception innerException)
        : base(ConfiguratorErrorCodes.InvalidSelection, message, innerException)
    {
    }

    /// <summary>Creates the exception for a module and, where it applies, an option.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="moduleId">The module named.</param>
    /// <param name="optionId">The option named, where the option is the problem.</param>
    /// <param name="code">The code; by default <see cref="ConfiguratorErrorCodes.UnknownOption"/> when an option is named, else <see cref="ConfiguratorErrorCodes.InvalidSelection"/>.</param>
    public InvalidSelectionException(string message, string moduleId, string? optionId, string? code = null)
        : base(code ?? (optionId is null ? ConfiguratorErrorCodes.InvalidSelection : ConfiguratorErrorCodes.UnknownOption), message)
    {
        ModuleId = moduleId;
        OptionId = optionId;
    }

    /// <summary>The module the selection named.</summary>
    public string? ModuleId { get; }

    /// <summary>The option the selection named, when the option is the problem.</summary>
    public string? OptionId { get; }
}
