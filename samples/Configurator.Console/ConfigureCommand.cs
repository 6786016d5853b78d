using System.CommandLine;
using System.Globalization;
using Configurator.Pricing;
using Configurator.Sessions;
using Configurator.Solving;
using Configurator.Strategies.Adaptive;
using Configurator.Strategies.Collaborative;
using Configurator.Strategies.Cosmetic;
using Configurator.Strategies.Transparent;
using Spectre.Console;

namespace Configurator.Console;

/// <summary>
/// <c>configurator configure MODEL [--strategy ...] [--preset ID] [--profile FILE] [--answers FILE]</c>:
/// an interactive session in the terminal (a table of modules and options with names, price
/// differences, availability and reasons, Tab completion); with piped input or an answers file it
/// runs without one, in plain text.
/// </summary>
internal static class ConfigureCommand
{
    /// <summary>The most reasons listed under the table; the rest are one <c>explain</c> away.</summary>
    private const int MaxReasons = 12;

    public static Command Create(TextReader input, TextWriter output, TextWriter error, IAnsiConsole? terminal, CancellationToken cancellationToken)
    {
        var model = CommonOptions.Model();
        var strategy = new Option<string>("--strategy") { Description = "free (default), adaptive, cosmetic, collaborative or transparent.", DefaultValueFactory = _ => "free" };
        strategy.AcceptOnlyFromAmong("free", "adaptive", "cosmetic", "collaborative", "transparent");
        var preset = new Option<string?>("--preset") { Description = "The standard product to start from (adaptive and cosmetic need one)." };
        var profile = new Option<string?>("--profile") { Description = "A customer profile (JSON) for the transparent strategy." };
        var answers = new Option<string?>("--answers") { Description = "Read the answers from this file instead of the terminal." };
        var cultureOption = CommonOptions.Culture();
        var command = new Command("configure", "Configure interactively: choices, undo, explanations and a live price, or through a customization strategy.") { model, strategy, preset, profile, answers, cultureOption };
        command.SetAction(parsed =>
        {
            if (ModelFiles.Compile(parsed.GetValue(model)!, error, cancellationToken) is not { } compiled
                || !CommonOptions.TryParseCulture(parsed.GetValue(cultureOption), error, out var culture))
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
            var screen = reader is null ? Screen.Create(terminal, input, output, cancellationToken) : Screen.Create(null, reader, output, cancellationToken);
            var presetId = parsed.GetValue(preset);
            var pricing = new SessionOptions { Pricing = PricingPipeline.Default, Culture = culture };
            return parsed.GetValue(strategy) switch
            {
                "adaptive" => RequirePreset(presetId, error) is { } id ? Adaptive(compiled, id, screen, pricing) : ExitCodes.BadInput,
                "cosmetic" => RequirePreset(presetId, error) is { } id ? Cosmetic(compiled, id, screen, culture) : ExitCodes.BadInput,
                "collaborative" => Collaborative(compiled, screen, pricing),
                "transparent" => Transparent(compiled, parsed.GetValue(profile), screen, error, culture),
                _ => Free(presetId is null ? ConfigurationSession.Start(compiled, pricing, cancellationToken) : ConfigurationSession.StartFromPreset(compiled, presetId, pricing), screen),
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

    /// <summary>A free session: module=option, module+=option, module-=option, explain, undo, redo, reset, help, done.</summary>
    private static int Free(ConfigurationSession session, Screen screen)
    {
        screen.Say("[grey]Choose with module=option (module+=option adds one to a multi-select module, module-=option rules one out); 'help' lists every command.[/]");
        // A large model's table shows a few modules at a time, so only their unavailable options are
        // explained, when shown (the Linux model's 456 dead features took 5.6 s of a 12 s start).
        var large = session.Model.Model.Modules.Count > Wording.WideModelModules;
        var shown = large ? session.State : session.View();
        Show(shown, screen, session.Culture, large ? [] : null);
        var completions = Completions(session.Model, ["help", "undo", "redo", "reset", "show", "done"], explain: true);
        while (screen.Ask("> ", completions) is { } line && line != "done")
        {
            if (line == "show" || line.StartsWith("show ", StringComparison.Ordinal))
            {
                // Every module: the session's view, which explains a page of options with shared passes; some: each explained.
                var text = line[4..].Trim();
                if (text.Length == 0)
                {
                    Show(large ? session.View() : shown, screen, session.Culture);
                }
                else
                {
                    List<ModuleState> listed = [.. shown.Modules.Where(m => Mentions(m, text))];
                    Show(shown, screen, session.Culture, large ? Explained(session, listed) : listed);
                }

                continue;
            }

            bool changed;
            try
            {
                changed = Step(session, line, screen);
            }
            catch (InvalidSelectionException e)
            {
                screen.SayText(e.Message);
                continue;
            }

            if (changed)
            {
                var previous = shown;
                shown = large ? session.State : session.View();
                Show(shown, screen, session.Culture, large ? Explained(session, [.. shown.Modules.Where((m, i) => !m.Equals(previous.Modules[i]))]) : null);
            }
        }

        return Finish(session.State.Configuration, session.Model, screen, session.Culture);
    }

    /// <summary>The modules with each unavailable option's reason, as a view gives them.</summary>
    private static List<ModuleState> Explained(ConfigurationSession session, IReadOnlyList<ModuleState> modules) =>
        [.. modules.Select(m => m with { Options = [.. m.Options.Select(o => o.IsAvailable ? o : o with { Reason = session.Explain(m.ModuleId, o.OptionId) })] })];

    /// <summary>One command of the free session; false when there is nothing new to show.</summary>
    private static bool Step(ConfigurationSession session, string line, Screen screen)
    {
        switch (line)
        {
            case "":
                return false;
            case "help":
                Help(screen);
                return false;
            case "undo" or "redo":
                if (!(line == "undo" ? session.Undo() : session.Redo()))
                {
                    screen.SayText($"Nothing to {line}.");
                    return false;
                }

                return true;
            case "reset":
                session.Reset();
                return true;
        }

        if (line.StartsWith("explain ", StringComparison.Ordinal))
        {
            if (Parse(line[8..]) is { Options.Length: 1 } asked)
            {
                screen.SayText(session.Explain(asked.Module, asked.Options[0])?.Message ?? $"{asked.Module}={asked.Options[0]} is available.");
            }
            else
            {
                screen.SayText("Write explain module=option.");
            }

            return false;
        }

        // -module=option is the older spelling of module-=option.
        var command = line.StartsWith('-') && !line.Contains("-=", StringComparison.Ordinal) ? Parse(line[1..]) is { } old ? old with { Kind = '-' } : null : Parse(line);
        if (command is not { } parsed)
        {
            screen.SayText($"Not understood: '{line}'. Type 'help' for the commands.");
            return false;
        }

        var (module, options, kind) = parsed;
        if (kind != '=' && options.Length == 0)
        {
            screen.SayText($"Name the option: {module}{kind}=option.");
            return false;
        }

        if (kind == '=')
        {
            return Settle(session, session.SetModule(module, options), screen);
        }

        var changed = false;
        foreach (var option in options)
        {
            changed |= Settle(session, kind == '+' ? session.Select(module, option) : session.Deselect(module, option), screen);
        }

        return changed;
    }

    /// <summary>Applied, or a conflict: lists the ways out and asks which to take (or none).</summary>
    private static bool Settle(ConfigurationSession session, ChoiceResult result, Screen screen)
    {
        if (!result.IsConflict)
        {
            return true;
        }

        if (AskWayOut(screen, result) is not { } diagnosis)
        {
            return false;
        }

        session.Resolve(result, diagnosis);
        screen.Say($"[green]Applied[/] by giving up {Screen.Safe(string.Join(", ", diagnosis.Selections))} (undo to take it back).");
        return true;
    }

    /// <summary>Shows a conflict and its diagnoses; the one the person picks, or null to keep their choices.</summary>
    private static Diagnosis? AskWayOut(Screen screen, ChoiceResult conflict)
    {
        screen.Say($"[red]Conflict:[/] {Screen.Safe(conflict.Explanation?.Message ?? "the choice does not fit the others.")}");
        if (conflict.Diagnoses.Count == 0)
        {
            screen.SayText("No earlier choice can be given up to make room for it; nothing changed.");
            return null;
        }

        screen.SayText("Ways out:");
        for (var i = 0; i < conflict.Diagnoses.Count; i++)
        {
            screen.Say($"  [bold]{i + 1}[/]. give up {Screen.Safe(string.Join(", ", conflict.Diagnoses[i].Selections))}");
        }

        screen.Say("  [bold]0[/]. keep my choices");
        var numbers = Enumerable.Range(0, conflict.Diagnoses.Count + 1).Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList();
        var answer = screen.Ask($"Which (0-{conflict.Diagnoses.Count})? ", _ => numbers);
        if (int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var picked) && picked >= 1 && picked <= conflict.Diagnoses.Count)
        {
            return conflict.Diagnoses[picked - 1];
        }

        screen.SayText("Kept your choices; nothing changed.");
        return null;
    }

    private static void Help(Screen screen)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("command").AddColumn("what it does");
        table.AddRow("module=option", "Choose an option; module=a+b chooses several, module= none (optional modules).");
        table.AddRow("module+=option", "Add one option to a multi-select module (in a single-select one it takes the place of the other).");
        table.AddRow("module-=option", "Rule an option out.");
        table.AddRow("explain module=option", "Why an option is unavailable.");
        table.AddRow("undo, redo, reset", "Take back a step, do it again, start over.");
        table.AddRow("show, show TEXT", $"Every module, or those whose id or name contains TEXT (models of more than {Wording.WideModelModules} modules show only what a step changed).");
        table.AddRow("done", "Finish and print the configuration and its price (Ctrl+D too; Ctrl+C leaves at once).");
        table.AddRow("Tab", "Complete a module, option or command; twice lists the choices.");
        table.AddRow("markers", "● selected, ○ available (with the price difference), ✗ unavailable (the reason below the table).");
        screen.Show(table);
    }

    private static int Adaptive(CompiledModel model, string presetId, Screen screen, SessionOptions sessionOptions)
    {
        var customization = new AdaptiveStrategy().Begin(model, presetId, sessionOptions);
        var culture = sessionOptions.Culture;
        screen.Say($"Standard product [bold]{Screen.Safe(presetId)}[/]. You may change: {Screen.Safe(string.Join(", ", customization.AdjustableModules))}. Write module=option, undo, done.");
        Show(customization.Session.View(), screen, culture);
        var completions = Completions(model, ["undo", "done"], explain: false, only: [.. customization.AdjustableModules]);
        while (screen.Ask("> ", completions) is { } line && line != "done")
        {
            if (line == "undo")
            {
                customization.Session.Undo();
            }
            else if (Parse(line) is { Kind: '=' } asked)
            {
                var (module, options, _) = asked;
                AdaptiveChange change;
                try
                {
                    change = customization.Change(module, options);
                }
                catch (InvalidSelectionException e)
                {
                    screen.SayText(e.Message);
                    continue;
                }

                if (change.Accepted && !change.FilledModules.IsEmpty)
                {
                    var product = customization.Configuration;
                    screen.SayText($"To keep the product complete: {string.Join(", ", change.FilledModules.Select(m => $"{m}={string.Join("+", product.Choices[m])}"))}.");
                }

                if (!change.Accepted)
                {
                    screen.SayText(change.Message ?? "Refused.");
                    if (change.Result is { Diagnoses.Count: > 0 } conflict && AskWayOut(screen, conflict) is { } diagnosis)
                    {
                        customization.Resolve(change, diagnosis);
                        screen.SayText($"Applied by changing {string.Join(", ", diagnosis.ChoicesToDrop.Select(c => c.ModuleId))} too.");
                    }
                    else
                    {
                        continue;
                    }
                }
            }
            else
            {
                screen.SayText("Write module=option, undo or done.");
                continue;
            }

            Show(customization.Session.View(), screen, culture);
        }

        return Finish(customization.Configuration, model, screen, culture);
    }

    private static int Cosmetic(CompiledModel model, string presetId, Screen screen, CultureInfo? culture)
    {
        var customization = new CosmeticStrategy().Begin(model, presetId);
        var text = Modeling.ModelText.For(model.Model, culture);
        var request = new PricingRequest { Culture = culture };
        screen.Say($"Product: [bold]{Screen.Safe(customization.Configuration.ToString())}[/]");
        var fields = new Table().Border(TableBorder.Rounded).AddColumn("field").AddColumn("name").AddColumn("required");
        foreach (var field in model.Model.Personalization)
        {
            fields.AddRow(Screen.Safe(field.Id), Screen.Safe(text.Name(field)), field.Required ? "yes" : "no");
        }

        screen.Show(fields);
        screen.Say("[grey]Write field=value, done.[/]");
        var completions = model.Model.Personalization.Select(f => f.Id + "=").Append("done").ToList();
        while (screen.Ask("> ", _ => completions) is { } line && line != "done")
        {
            var parts = line.Split('=', 2);
            try
            {
                var problems = parts.Length == 2 ? customization.Set(parts[0], parts[1]) : ["Write field=value."];
                if (problems.IsEmpty)
                {
                    screen.Say($"[green]ok[/]; price {Screen.Safe(customization.Price(null, request).Total.ToString(culture))}");
                }
                else
                {
                    screen.SayText(string.Join(" ", problems));
                }
            }
            catch (ArgumentException e)
            {
                screen.SayText(e.Message);
            }
        }

        if (!customization.IsComplete)
        {
            screen.SayText("Required fields are missing.");
            return ExitCodes.InvalidConfiguration;
        }

        var breakdown = customization.Price(null, request);
        ShowBreakdown(breakdown, screen, culture);
        screen.SayText($"Total {breakdown.Total.ToString(culture)}");
        return ExitCodes.Success;
    }

    private static int Collaborative(CompiledModel model, Screen screen, SessionOptions options)
    {
        var dialogue = new CollaborativeStrategy().Begin(model, options);
        var culture = options.Culture;
        while (dialogue.Current is { } question)
        {
            screen.Say($"[bold]{Screen.Safe(question.Name)}[/] [grey]({Screen.Safe(question.ModuleId)}?)[/]");
            var offers = new Table().Border(TableBorder.Rounded).AddColumn("#").AddColumn("answer").AddColumn(new TableColumn("configurations left").RightAligned()).AddColumn(new TableColumn("price").RightAligned());
            for (var i = 0; i < question.Offers.Count; i++)
            {
                var offer = question.Offers[i];
                var answer = offer.OptionIds.IsEmpty ? "none" : string.Join(" + ", offer.Names);
                offers.AddRow((i + 1).ToString(CultureInfo.InvariantCulture), Screen.Safe(answer) + (offer.OptionIds.IsEmpty ? "" : $" [grey]({Screen.Safe(string.Join("+", offer.OptionIds))})[/]"), (offer.ConfigurationsKept is { } kept ? Wording.Glance(kept, culture) : "uncounted"), Wording.Difference(offer.PriceDifference, culture));
            }

            screen.Show(offers);
            var answers = Enumerable.Range(1, question.Offers.Count).Select(n => n.ToString(CultureInfo.InvariantCulture)).Concat(question.Offers.SelectMany(o => o.OptionIds)).Append("back").ToList();
            var line = screen.Ask("> ", _ => answers);
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
                    screen.SayText(e.Message);
                }
            }
        }

        return Finish(dialogue.Configuration, model, screen, culture);
    }

    private static int Transparent(CompiledModel model, string? profilePath, Screen screen, TextWriter error, CultureInfo? culture)
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
            screen.SayText("No valid configuration exists.");
            return ExitCodes.InvalidConfiguration;
        }

        screen.SayText($"Inferred (score {inference.Score.ToString(CultureInfo.InvariantCulture)}):");
        foreach (var note in inference.Notes)
        {
            screen.SayText($"  {note.ModuleId}={string.Join("+", note.OptionIds)}: {note.Reason}");
        }

        return Finish(inference.Configuration, model, screen, culture);
    }

    /// <summary>Whether a module's id or display name contains <paramref name="text"/>, ignoring case.</summary>
    private static bool Mentions(ModuleState module, string text) =>
        module.ModuleId.Contains(text, StringComparison.OrdinalIgnoreCase) || module.Name.Contains(text, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The session as a table: each module's options with names, price differences and markers;
    /// reasons and the live price below. <paramref name="only"/> limits the table to some modules
    /// (none: no table), with a line saying how to see the others; null shows them all.
    /// </summary>
    internal static void Show(SessionState state, Screen screen, CultureInfo? culture = null, IReadOnlyList<ModuleState>? only = null)
    {
        var table = new Table().Border(TableBorder.Rounded).Expand().AddColumn("module").AddColumn("options");
        var reasons = new List<string>();
        foreach (var module in only ?? state.Modules)
        {
            var cells = module.Options.Select(option => OptionCell(option, culture));
            var cardinality = module.Max > 1 ? $" [grey]({module.Min}..{module.Max})[/]" : "";
            // A narrow terminal gets one option per line rather than options broken across lines.
            table.AddRow(new Markup(Named(module.Name, module.ModuleId) + cardinality), new Markup(string.Join(screen.Console.Profile.Width < 120 ? "\n" : "   ", cells)));
            reasons.AddRange(module.Options.Where(o => !o.IsAvailable && o.Reason is not null).Select(o => $"✗ {Screen.Safe(module.ModuleId)}={Screen.Safe(o.OptionId)}: {Screen.Safe(o.Reason!.Message)}"));
        }

        if (only is null || only.Count > 0)
        {
            screen.Show(table);
        }

        if (only is not null)
        {
            var decided = state.Modules.Count(m => m.IsDecided);
            var shown = only.Count == 0 ? "" : $"{only.Count.ToString("N0", culture ?? CultureInfo.InvariantCulture)} shown of ";
            screen.Say($"[grey]{shown}{Wording.Count(state.Modules.Count, "module", culture: culture)} ({decided.ToString("N0", culture ?? CultureInfo.InvariantCulture)} decided); 'show' lists every module, 'show TEXT' those whose id or name contains TEXT.[/]");
        }

        foreach (var reason in reasons.Take(MaxReasons))
        {
            screen.Say($"[grey]{reason}[/]");
        }

        if (reasons.Count > MaxReasons)
        {
            screen.Say($"[grey]… and {Wording.Count(reasons.Count - MaxReasons, "more unavailable option", culture: culture)} (explain module=option).[/]");
        }

        // The price of what the customer gets now (defaults included) and, while other choices remain, the range over them.
        var range = state.Price is { } r && r.Min != r.Max ? Screen.Safe(Wording.Range(r.Min, r.Max, culture)) : null;
        var price = state.Breakdown is { } breakdown
            ? $" · now [bold]{Screen.Safe(breakdown.Total.ToString(culture))}[/]{(range is null ? "" : $" [grey](from {range} with other choices)[/]")}"
            : state.Price is { } whole ? $" · {Screen.Safe(Wording.Range(whole.Min, whole.Max, culture))}" : "";
        var done = state.IsComplete ? " · [green]complete[/] (done to finish)" : "";
        screen.Say($"{Wording.Glance(state.Completions, "valid configuration", culture: culture)}{price}{done}");
        if (!state.Attributes.IsEmpty)
        {
            screen.Say(string.Join(" · ", state.Attributes.Select(a => Screen.Safe($"{a.Name} {Wording.Attribute(a, culture)}"))));
        }
    }

    private static string OptionCell(OptionState option, CultureInfo? culture)
    {
        var name = Named(option.Name, option.OptionId);
        if (option.IsSelected)
        {
            var why = option.Source switch
            {
                SelectionSource.Default => " [grey](default)[/]",
                SelectionSource.Forced => " [grey](forced)[/]",
                SelectionSource.Preset => " [grey](preset)[/]",
                SelectionSource.Completion => " [grey](to complete)[/]",
                _ => "",
            };
            return $"[green bold]●[/] [green]{name}[/]{why}";
        }

        if (!option.IsAvailable)
        {
            return $"[grey]✗ {name}[/]";
        }

        // Ruled out by the customer: choosing it again takes that back.
        var ruledOut = option.Source == SelectionSource.Customer ? " [grey](ruled out)[/]" : "";
        var difference = Wording.Difference(option.PriceDifference, culture);
        return $"○ {name}{ruledOut}{(difference.Length == 0 ? "" : $" [yellow]{difference}[/]")}";
    }

    /// <summary>"Arched (arched)" when the name says more than the id, else the id; as markup.</summary>
    private static string Named(string name, string id) =>
        string.Equals(name, id, StringComparison.OrdinalIgnoreCase) ? Screen.Safe(id) : $"{Screen.Safe(name)} [grey]({Screen.Safe(id)})[/]";

    private static int Finish(Selection? configuration, CompiledModel model, Screen screen, CultureInfo? culture)
    {
        if (configuration is null)
        {
            screen.SayText("The configuration is not complete.");
            return ExitCodes.InvalidConfiguration;
        }

        var breakdown = PricingPipeline.Default.Price(model, configuration, new PricingRequest { Culture = culture });
        screen.SayText($"Configuration: {configuration}");
        ShowBreakdown(breakdown, screen, culture);
        screen.SayText($"Price: {breakdown.Total.ToString(culture)}");
        return ExitCodes.Success;
    }

    private static void ShowBreakdown(PriceBreakdown breakdown, Screen screen, CultureInfo? culture)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("line").AddColumn(new TableColumn("amount").RightAligned());
        foreach (var line in breakdown.Lines)
        {
            table.AddRow(Screen.Safe(line.Label), Wording.LineAmount(line.Amount, culture));
        }

        screen.Show(table);
    }

    /// <summary>What Tab completes to: every module=option (with += and -= on multi-select modules) and the commands.</summary>
    private static Func<string, IEnumerable<string>> Completions(CompiledModel model, string[] commands, bool explain, IReadOnlyCollection<string>? only = null)
    {
        var choices = new List<string>();
        foreach (var module in model.Model.Modules.Where(m => only is null || only.Contains(m.Id)))
        {
            foreach (var option in module.Options)
            {
                choices.Add($"{module.Id}={option.Id}");
                if (explain)
                {
                    choices.Add($"{module.Id}+={option.Id}");
                    choices.Add($"{module.Id}-={option.Id}");
                }
            }
        }

        var all = choices.Concat(commands).Concat(explain ? choices.Where(c => !c.Contains("+=", StringComparison.Ordinal) && !c.Contains("-=", StringComparison.Ordinal)).Select(c => "explain " + c) : []).ToList();
        return _ => all;
    }

    /// <summary>module=a+b, module+=a or module-=a; null when it is none of those.</summary>
    private static (string Module, string[] Options, char Kind)? Parse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return null;
        }

        var module = text[..equals].Trim();
        var kind = module.EndsWith('+') ? '+' : module.EndsWith('-') ? '-' : '=';
        module = kind == '=' ? module : module[..^1].TrimEnd();
        var options = text[(equals + 1)..].Trim();
        return module.Length == 0 ? null : (module, options.Length == 0 ? [] : options.Split('+'), kind);
    }
}
