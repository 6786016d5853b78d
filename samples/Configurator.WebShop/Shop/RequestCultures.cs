using System.Globalization;
using Microsoft.AspNetCore.Http;
using Configurator.Modeling;
using Microsoft.Net.Http.Headers;

namespace Configurator.WebShop.Shop;

/// <summary>The customer's culture for a new session: the one a request names, else the browser's first language the runtime knows.</summary>
public static class RequestCultures
{
    /// <summary>The culture <paramref name="named"/> names, else the best of the request's <c>Accept-Language</c>; null for the model's default text.</summary>
    /// <exception cref="ConfiguratorException"><paramref name="named"/> is not a culture this system knows (<see cref="ConfiguratorErrorCodes.InvalidInput"/>).</exception>
    public static CultureInfo? Of(HttpRequest request, string? named)
    {
        if (!string.IsNullOrEmpty(named))
        {
            return ModelText.FindCulture(named) ?? throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidInput,
                $"'{named}' is not a culture this shop knows; give a name such as en, zh-CN or de-DE, or leave culture out for the model's own text.");
        }

        // Accept-Language: zh-CN,zh;q=0.9,en;q=0.8 — the highest quality first; '*' and unknown names are passed over.
        var languages = request.GetTypedHeaders().AcceptLanguage;
        return languages.OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value)
            .Where(name => name is not null and not "*")
            .Select(name => ModelText.FindCulture(name!))
            .FirstOrDefault(culture => culture is not null);
    }
}
