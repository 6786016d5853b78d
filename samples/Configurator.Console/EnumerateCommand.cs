using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Configurator.Solving;
using Spectre.Console;

namespace Configurator.Console;

/// <summary>
/// <c>configurator enumerate MODEL [-s ...] [--limit N] [--format table|csv|jsonl|none] [--shard i/n]</c>:
/// streams configurations; <c>none</c> prints nothing per configuration (for timing).
/// </summary>
internal static class EnumerateCommand
{
    public static Command Create(TextWriter output, TextWriter error, bool isTerminal, CancellationToken cancellationToken)
    {
        var model = CommonOptions.Model();
        var selections = CommonOptions.Selections();
        var json = CommonOptions.Json();
        var limit = new Option<ulong?>("--limit")
        {
            Description = "Stop after this many configurations.",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                result.AddError($"--limit takes a whole number of at least 0, not '{text}'.");
                return null;
            },
        };
        var format = new Option<string>("--format") { Description = $"table (on a model of more than {Wording.WideModelModules} modules, each configuration as its selections, module=option), csv, jsonl, or none (print nothing per configuration).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "jsonl", "none");
        var shard = new Option<string?>("--shard") { Description = "Enumerate shard i of n only (1-based), e.g. 2/8: disjoint, deterministic, balanced." };
        var command = new Command("enumerate", "List the valid configurations, optionally within a partial selection, a limit or a shard.") { model, selections, limit, format, shard, json };
        command.SetAction(parsed =>
        {
            if (ParseShard(parsed.GetValue(shard), error) is not { } range
                || ModelFiles.Compile(parsed.GetValue(model)!, error, cancellationToken) is not { } compiled
                || CommonOptions.ParseSelection(parsed.GetValue(selections), error) is not { } within)
            {
                return ExitCodes.BadInput;
            }

            var options = new EnumerateOptions { Limit = parsed.GetValue(limit), ShardIndex = range.Index, ShardCount = range.Count };
            var clock = Stopwatch.StartNew();
            var writer = new ConfigurationWriter(compiled, parsed.GetValue(format)!, output);
            writer.WriteHeader();
            ulong visited;
            try
            {
                visited = isTerminal && writer.IsSilent
                    ? WithProgress(compiled, within, options, writer, clock, cancellationToken)
                    : compiled.Enumerate(writer.Write, within, options, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or --timeout: say how far it got (the caller then says why it stopped).
                ClosedPipe.TryFlush(output);
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"configurator: {Wording.Count(writer.Written, "configuration")} {(writer.IsSilent ? "enumerated" : "written")} in {clock.Elapsed.TotalSeconds:0.000} s before stopping."));
                throw;
            }

            if (parsed.GetValue(json) && writer.IsSilent)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"enumerated\":{visited},\"seconds\":{clock.Elapsed.TotalSeconds:0.######}}}"));
            }
            else if (writer.IsSilent)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Wording.Count(visited, "configuration")} in {clock.Elapsed.TotalSeconds:0.000} s"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Enumerates while a progress bar (on standard error) shows the count so far, the rate, and the
    /// share done when the total is small enough for a share to move; only for a person at a terminal.
    /// </summary>
    private static ulong WithProgress(CompiledModel model, Selection within, EnumerateOptions options, ConfigurationWriter writer, Stopwatch clock, CancellationToken cancellationToken)
    {
        var total = model.Count(within, cancellationToken);
        if (options.Limit is { } limit)
        {
            total = System.Numerics.BigInteger.Min(total, limit);
        }

        if (options.ShardCount > 1)
        {
            total /= options.ShardCount;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) });
        ulong visited = 0;
        console.Progress()
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Describe(0, clock, total), maxValue: Math.Max(1, (double)total));
                var run = Task.Run(() => visited = model.Enumerate(writer.Write, within, options, cancellationToken), cancellationToken);
                try
                {
                    while (!run.Wait(200, cancellationToken))
                    {
                        task.Value = writer.Written;
                        task.Description = Describe(writer.Written, clock, total);
                    }
                }
                finally
                {
                    task.Description = Describe(writer.Written, clock, total);
                    task.StopTask();
                }

                task.Value = task.MaxValue;
            });
        return visited;
    }

    private static string Describe(ulong written, Stopwatch clock, System.Numerics.BigInteger total) =>
        string.Create(CultureInfo.InvariantCulture, $"{written:N0} of {(total < new System.Numerics.BigInteger(1e15) ? total.ToString("N0", CultureInfo.InvariantCulture) : ((double)total).ToString("0.##E+0", CultureInfo.InvariantCulture))} configurations, {written / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):N0}/s");

    private static (int Index, int Count)? ParseShard(string? text, TextWriter error)
    {
        if (text is null)
        {
            return (1, 1);
        }

        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var index) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
        {
            return (index, count);
        }

        error.WriteLine($"configurator: --shard takes i/n with 1 <= i <= n, such as 2/8; '{text}' is not that.");
        return null;
    }

    /// <summary>Writes configurations in one of the formats; reuses one buffer for every line.</summary>
    private sealed class ConfigurationWriter(CompiledModel model, string format, TextWriter output)
    {
        private readonly StringBuilder _line = new();
        private readonly bool _selections = format == "table" && model.Model.Modules.Count > Wording.WideModelModules;
        private readonly string[] _modules = [.. model.Model.Modules.Select(m => m.Id)];
        private readonly bool[] _multi = [.. model.Model.Modules.Select(m => m.IsMultiSelect)];
        private readonly int[] _widths = [.. model.Model.Modules.Select(m => Math.Max(m.Id.Length, m.Options.Max(o => o.Id.Length) * Math.Max(1, Math.Min(m.Max, 3))))];

        private ulong _written;

        public bool IsSilent => format == "none";

        /// <summary>How many configurations have been written (or seen, when silent); read from another thread by the progress bar.</summary>
        public ulong Written => Volatile.Read(ref _written);

        public void WriteHeader()
        {
            switch (format)
            {
                case "csv":
                    output.WriteLine(string.Join(",", _modules.Select(Csv)));
                    break;
                case "table" when !_selections:
                    output.WriteLine(string.Join("  ", _modules.Select((m, i) => m.PadRight(_widths[i]))).TrimEnd());
                    break;
            }
        }

        public void Write(ConfigurationView view)
        {
            if (IsSilent)
            {
                Volatile.Write(ref _written, _written + 1);
                return;
            }

            _line.Clear();
            for (var m = 0; m < _modules.Length; m++)
            {
                var options = view.GetOptionIds(m);
                switch (format)
                {
                    case "csv":
                        _line.Append(m == 0 ? "" : ",").Append(Csv(string.Join("+", options)));
                        break;
                    case "jsonl":
                        _line.Append(m == 0 ? "{" : ",").Append(JsonSerializer.Serialize(_modules[m], ConsoleJsonContext.Default.String)).Append(':');
                        _line.Append(_multi[m]
                            ? JsonSerializer.Serialize(options.ToArray(), ConsoleJsonContext.Default.StringArray)
                            : options.Count == 0 ? "null" : JsonSerializer.Serialize(options[0], ConsoleJsonContext.Default.String));
                        break;
                    case "table" when _selections:
                        if (options.Count > 0)
                        {
                            _line.Append(_line.Length == 0 ? "" : " ").Append(_modules[m]).Append('=').AppendJoin('+', options);
                        }

                        break;
                    default:
                        _line.Append(m == 0 ? "" : "  ").Append((options.Count == 0 ? "-" : string.Join("+", options)).PadRight(_widths[m]));
                        break;
                }
            }

            // A configuration that selects nothing reads "-", as an empty cell of the table does.
            output.WriteLine(format == "jsonl" ? _line.Append('}').ToString() : _selections && _line.Length == 0 ? "-" : _line.ToString().TrimEnd());
            Volatile.Write(ref _written, _written + 1);
        }

        private static string Csv(string value) =>
            value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
