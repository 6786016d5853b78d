internal static class Program { private static int Main() { System.Console.WriteLine(Configurator.Placeholder.Value); return 0; } }
