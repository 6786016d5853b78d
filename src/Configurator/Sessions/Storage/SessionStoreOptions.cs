namespace Configurator.Sessions.Storage;

/// <summary>How sessions are stored between requests (options pattern).</summary>
public sealed class SessionStoreOptions
{
    /// <summary>How long a session is kept after it was last saved or loaded.</summary>
    /// <value>Defaults to 30 minutes. Must be positive.</value>
    public TimeSpan Expiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Whether to keep sessions in the registered <c>IDistributedCache</c> (Redis, SQL Server, ...) instead of this process's memory.</summary>
    /// <value>Defaults to false: in memory.</value>
    public bool UseDistributedCache { get; set; }

    /// <summary>The prefix of the distributed cache's keys, so that sessions share a cache with other data safely.</summary>
    /// <value>Defaults to <c>configurator:session:</c>.</value>
    public string KeyPrefix { get; set; } = "configurator:session:";
}
