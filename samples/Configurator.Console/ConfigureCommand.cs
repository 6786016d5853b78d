using System.CommandLine;
using System.Globalization;
using Configurator.Modeling;
using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Solving;
using Configurator.Strategies.Adaptive;
using Configurator.Strategies.Collaborative;
using Configurator.Strategies.Cosmetic;
using Configurator.Strategies.Transparent;

namespace Configurator.Console;

/// <summary>
/// <c>configurator configure MODEL [--strategy ...] [--preset ID] [--profile FILE] [--answers FILE]</c>:
/// an interactive session in the terminal; with piped input or an answers file it runs without one.
/// </summary>
internal static class ConfigureCommand
{
    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        var model = CommonOptions.Model();
        var strategy = new Option<string>("--strategy") { Description = "free (default), adaptive, cosmetic, collaborative or transparent.", DefaultValueFactory = _ => "free" };
        strategy.AcceptOnlyFromAmong("free", "adaptive", "cosmetic", "collaborative", "transparent");
        var preset = new Option<string?>("--preset") { Description = "The standard product to start from (adaptive and cosmetic need one)." };
        var profile = new Option<string?>("--profile") { Description = "A customer profile (JSON) for the transparent strategy." };
        var answers = new Option<string?>("--answers") { Description = "Read the answers from this file instead of the terminal." };
        var command = new Command("configure", "Configure interactively: choices, undo, explanations and a live price, or through a customization strategy.") { model, strategy, preset, profile, answers };
        command.SetAction(parsed =>
        {
            if (ModelFiles.Compile(parsed.GetValue(model)!, error) is not { } compiled)
            {
                return ExitCodes.BadInput;
            }

            var answersPath = parsed.GetValue(answers);
            if (answersPath is not null && !File.Exists(answersPath))
            {
                error.WriteLine($"configurator: {answersPath}: there is no such file.");
                return ExitCodes.BadInput;
            }

            using var reader = answersPath is null ? null : new StreamReader(answersPath);
            var lines = new Console(reader ?? input, output);
            var presetId = parsed.GetValue(preset);
            return parsed.GetValue(strategy) switch
            {
                "adaptive" => RequirePreset(presetId, error) is { } id ? Adaptive(compiled, id, lines) : ExitCodes.BadInput,
                "cosmetic" => RequirePreset(presetId, error) is { } id ? Cosmetic(compiled, id, lines) : ExitCodes.BadInput,
                "collaborative" => Collaborative(compiled, lines),
                "transparent" => Transparent(compiled, parsed.GetValue(profile), lines, error),
                _ => Free(presetId is null ? ConfigurationSession.Start(compiled, new SessionOptions { Pricing = PricingPipeline.Default }) : ConfigurationSession.StartFromPreset(compiled, presetId, new SessionOptions { Pricing = PricingPipeline.Default }), lines),
            };
        });
        return command;
    }

    private static string? RequirePreset(string? presetId, TextWriter error)
    {
        if (presetId is null)
        {
            error.WriteLine("configurator: this strategy starts from a standard product; name one with --preset.");
        }

        return presetId;
    }

    /// <summary>A free session: module=option, -module=option, undo, redo, explain module=option, reset, done.</summary>
    private static int Free(ConfigurationSession session, Console console)
    {
        console.Say("Commands: module=option (module=a+b, module= for none), -module=option to rule out, explain module=option, undo, redo, reset, done.");
        Show(session, console);
        while (console.Ask("> ") is { } line && line != "done")
        {
            try
            {
                if (!Step(session, line, console))
                {
                    continue;
                }
            }
            catch (InvalidSelectionException e)
            {
                console.Say(e.Message);
                continue;
            }

            Show(session, console);
        }

        return Finish(session.State.Configuration, session.Model, console);
    }

    /// <summary>One command of the free session; false when there is nothing new to show.</summary>
    private static bool Step(ConfigurationSession session, string line, Console console)
    {
        if (line is "undo" or "redo" or "reset")
        {
            _ = line == "undo" ? session.Undo() : line == "redo" ? session.Redo() : Reset(session);
            return true;
        }

        if (line.StartsWith("explain ", StringComparison.Ordinal) && Split(line[8..]) is var (module, options) && options.Length == 1)
        {
            console.Say(session.Explain(module, options[0])?.ToString() ?? $"{module}={options[0]} is available.");
            return false;
        }

        if (Split(line.TrimStart('-')) is not var (m, o))
        {
            console.Say($"Not understood: '{line}'.");
            return false;
        }

        var result = line.StartsWith('-') ? session.Deselect(m, o.FirstOrDefault() ?? "") : session.SetModule(m, o);
        if (result.IsConflict)
        {
            console.Say($"Conflict: {result.Explanation}");
            if (result.Diagnoses.Count > 0)
            {
                session.Resolve(result, result.Diagnoses[0]);
                console.Say($"Applied by giving up {string.Join(", ", result.Diagnoses[0].Selections)} (undo to take it back).");
            }
        }

        return true;
    }

    private static bool Reset(ConfigurationSession session)
    {
        session.Reset();
        return true;
    }

    private static int Adaptive(CompiledModel model, string presetId, Console console)
    {
        var customization = new AdaptiveStrategy().Begin(model, presetId, PricingPipeline.Default);
        console.Say($"Standard product '{presetId}'. You may change: {string.Join(", ", customization.AdjustableModules)}. Write module=option, undo, done.");
        Show(customization.Session, console);
        while (console.Ask("> ") is { } line && line != "done")
        {
            if (line == "undo")
            {
                customization.Session.Undo();
            }
            else if (Split(line) is var (module, options))
            {
                AdaptiveChange change;
                try
                {
                    change = customization.Change(module, options);
                }
                catch (InvalidSelectionException e)
                {
                    console.Say(e.Message);
                    continue;
                }

                if (!change.Accepted)
                {
                    console.Say(change.Message ?? "Refused.");
                    if (change.Result is { Diagnoses.Count: > 0 } conflict)
                    {
                        customization.Resolve(change, conflict.Diagnoses[0]);
                        console.Say($"Applied by changing {string.Join(", ", conflict.Diagnoses[0].ChoicesToDrop.Select(c => c.ModuleId))} too.");
                    }
                }
            }

            Show(customization.Session, console);
        }

        return Finish(customization.Configuration, model, console);
    }

    private static int Cosmetic(CompiledModel model, string presetId, Console console)
    {
        var customization = new CosmeticStrategy().Begin(model, presetId);
        console.Say($"Product: {customization.Configuration}. Fields: {string.Join(", ", model.Model.Personalization.Select(f => f.Required ? f.Id + " (required)" : f.Id))}. Write field=value, done.");
        while (console.Ask("> ") is { } line && line != "done")
        {
            var parts = line.Split('=', 2);
            try
            {
                var problems = parts.Length == 2 ? customization.Set(parts[0], parts[1]) : ["Write field=value."];
                console.Say(problems.IsEmpty ? $"ok; price {customization.Price().Total}" : string.Join(" ", problems));
            }
            catch (ArgumentException e)
            {
                console.Say(e.Message);
            }
        }

        if (!customization.IsComplete)
        {
            console.Say("Required fields are missing.");
            return ExitCodes.InvalidConfiguration;
        }

        foreach (var line in customization.Price().Lines)
        {
            console.Say(string.Create(CultureInfo.InvariantCulture, $"  {line.Label,-30} {line.Amount,10:0.00}"));
        }

        console.Say($"Total {customization.Price().Total}");
        return ExitCodes.Success;
    }

    private static int Collaborative(CompiledModel model, Console console)
    {
        var dialogue = new CollaborativeStrategy().Begin(model, PricingPipeline.Default);
        while (dialogue.Current is { } question)
        {
            console.Say($"{question.ModuleId}?");
            for (var i = 0; i < question.Offers.Count; i++)
            {
                var offer = question.Offers[i];
                var price = offer.PriceDifference is { } d ? string.Create(CultureInfo.InvariantCulture, $", {d:+0.00;-0.00;+0.00}") : "";
                console.Say($"  {i + 1}. {(offer.OptionIds.IsEmpty ? "none" : string.Join("+", offer.OptionIds))} ({offer.ConfigurationsKept} left{price})");
            }

            var line = console.Ask("> ");
            if (line is null)
            {
                break;
            }

            if (line == "back")
            {
                dialogue.Back();
            }
            else if (int.TryParse(line, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= question.Offers.Count)
            {
                dialogue.Answer([.. question.Offers[n - 1].OptionIds]);
            }
            else
            {
                try
                {
                    dialogue.Answer(line.Length == 0 || line == "none" ? [] : line.Split('+'));
                }
                catch (ArgumentException e)
                {
                    console.Say(e.Message);
                }
            }
        }

        return Finish(dialogue.Configuration, model, console);
    }

    private static int Transparent(CompiledModel model, string? profilePath, Console console, TextWriter error)
    {
        if (profilePath is null || !File.Exists(profilePath))
        {
            error.WriteLine("configurator: the transparent strategy needs a customer profile: --profile FILE (JSON).");
            return ExitCodes.BadInput;
        }

        CustomerProfile profile;
        try
        {
            profile = CustomerProfile.Parse(File.ReadAllText(profilePath));
        }
        catch (ConfiguratorException e)
        {
            error.WriteLine($"configurator: {profilePath} is not a customer profile: {e.Message}");
            return ExitCodes.BadInput;
        }

        if (new TransparentStrategy().Infer(model, profile) is not { } inference)
        {
            console.Say("No valid configuration exists.");
            return ExitCodes.InvalidConfiguration;
        }

        console.Say($"Inferred (score {inference.Score.ToString(CultureInfo.InvariantCulture)}):");
        foreach (var note in inference.Notes)
        {
            console.Say($"  {note.ModuleId}={string.Join("+", note.OptionIds)}: {note.Reason}");
        }

        return Finish(inference.Configuration, model, console);
    }

    private static void Show(ConfigurationSession session, Console console)
    {
        var state = session.State;
        foreach (var module in state.Modules)
        {
            var selected = module.SelectedOptionIds.IsEmpty && module.Source is SelectionSource.None ? "?" : (module.SelectedOptionIds.IsEmpty ? "none" : string.Join("+", module.SelectedOptionIds)) + $" ({module.Source.ToString().ToLowerInvariant()})";
            console.Say($"  {module.ModuleId}: {selected}   available: {string.Join(", ", module.AvailableOptionIds)}");
        }

        var price = state.Price is { } range ? $", {range.Min} to {range.Max}" : "";
        console.Say($"  {state.Completions} valid configurations{price}");
    }

    private static int Finish(Selection? configuration, CompiledModel model, Console console)
    {
        if (configuration is null)
        {
            console.Say("The configuration is not complete.");
            return ExitCodes.InvalidConfiguration;
        }

        console.Say($"Configuration: {configuration}");
        console.Say($"Price: {PricingPipeline.Default.Price(model, configuration).Total}");
        return ExitCodes.Success;
    }

    private static (string Module, string[] Options)? Split(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return null;
        }

        var options = text[(equals + 1)..];
        return (text[..equals].Trim(), options.Length == 0 ? [] : options.Split('+'));
    }

    /// <summary>Prompts and reads a line; echoes what it read when the input is not a person at a terminal.</summary>
    private sealed class Console(TextReader input, TextWriter output)
    {
        public string? Ask(string prompt)
        {
            output.Write(prompt);
            output.Flush();
            var line = input.ReadLine()?.Trim();
            output.WriteLine(line ?? "");
            return line;
        }

        public void Say(string text) => output.WriteLine(text);
    }
}
