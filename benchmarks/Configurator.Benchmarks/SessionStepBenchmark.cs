using BenchmarkDotNet.Attributes;
using Configurator.Benchmarks.Utils;
using Configurator.Sessions;

namespace Configurator.Benchmarks;

/// <summary>
/// One interactive step: a customer's choice, then every module's available options, forced
/// selections, defaults and the number of completions. Alternates between two options of one
/// module so that every call is a real change. On the Linux kernel's model (no circuit fits it:
/// availability from the clause-learning solver, completions not counted within the budget) the
/// setup also pays the one-time costs: the recording that gives up and the first page's
/// explanations of its 456 dead features.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SessionStepBenchmark
{
    private ConfigurationSession _session = null!;
    private (string Module, string[] Options) _toggled;
    private int _turn;

    /// <summary>The model.</summary>
    [Params("window", "window-rules", "car", "shirt", "renault", "busybox", "automotive01", "automotive2_4", "linux")]
    public string Model { get; set; } = "window-rules";

    /// <summary>Starts a session outside the measurement.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var compiled = Models.Compile(Model);
        _session = ConfigurationSession.Start(compiled);
        _toggled = Models.Toggled(_session);
    }

    /// <summary>Choose, and compute everything the customer sees next.</summary>
    [Benchmark]
    public ChoiceResult Step() => Toggle();

    /// <summary>A step and the view a page is sent: every unavailable option's explanation included.</summary>
    [Benchmark]
    public SessionState StepAndView()
    {
        Toggle();
        return _session.View();
    }

    /// <summary>Explain why an option is unavailable (after a choice that rules some out).</summary>
    [Benchmark]
    public Explanation? Explain()
    {
        _session.Select(_toggled.Module, _toggled.Options[^1]);
        foreach (var module in _session.State.Modules)
        {
            foreach (var option in module.Options)
            {
                if (!option.IsAvailable)
                {
                    return _session.Explain(module.ModuleId, option.OptionId);
                }
            }
        }

        return null;
    }

    /// <summary>Alternates two options of the module, or a feature's selection and deselection.</summary>
    private ChoiceResult Toggle() => Models.Toggle(_session, _toggled, _turn++);
}
