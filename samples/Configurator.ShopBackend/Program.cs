using Configurator.ShopBackend;

var models = args.Length > 0 ? args[0] : Path.Combine("samples", "models");
return ShopBackendApp.Run(models, Console.Out);
