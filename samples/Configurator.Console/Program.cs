using Configurator.Console;

return CliApp.Run(args, System.Console.Out, System.Console.Error);
