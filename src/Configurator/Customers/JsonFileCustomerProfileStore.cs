using System.Text.Json;
using Configurator.Internal;
using Configurator.Strategies.Transparent;

namespace Configurator.Customers;

/// <summary>
/// Customer profiles in one JSON file, readable and editable by people:
/// <c>{"formatVersion": 1, "profiles": {"c1": {"measurements": [...], "preferences": [...], "pastConfigurations": [...]}}}</c>
/// (each profile as <see cref="CustomerProfile.Parse"/> reads it). The file is read on first use
/// and rewritten whole on every change, through a temporary file renamed over it, so a crash never
/// leaves half a file; a malformed file is reported with its line and position (or JSON path) and
/// never overwritten. One store instance per file: other processes must not write it at the same
/// time. Thread-safe.
/// </summary>
public sealed class JsonFileCustomerProfileStore : ICustomerProfileStore, IDisposable
{
    /// <summary>The file format this store writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    private readonly string _path;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, CustomerProfile>? _profiles;

    /// <summary>Creates a store over <paramref name="path"/>; the file need not exist yet (it is created on the first save).</summary>
    /// <param name="path">The JSON file.</param>
    public JsonFileCustomerProfileStore(string path) => _path = Path.GetFullPath(Guard.NotNullOrEmpty(path));

    /// <summary>The file.</summary>
    public string FilePath => _path;

    /// <inheritdoc />
    public async Task<CustomerProfile?> LoadAsync(string customerId, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrEmpty(customerId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (await ProfilesAsync(cancellationToken).ConfigureAwait(false)).GetValueOrDefault(customerId);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(string customerId, CustomerProfile profile, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(profile);
        return UpdateAsync(customerId, _ => profile, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<CustomerProfile> UpdateAsync(string customerId, Func<CustomerProfile?, CustomerProfile> update, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrEmpty(customerId);
        Guard.NotNull(update);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var profiles = await ProfilesAsync(cancellationToken).ConfigureAwait(false);
            var updated = update(profiles.GetValueOrDefault(customerId))
                ?? throw new InvalidOperationException("A profile update returned null; return the profile to save.");
            var before = profiles.GetValueOrDefault(customerId);
            profiles[customerId] = updated;
            try
            {
                await WriteAsync(profiles, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // The file was not replaced: memory must say what the file says.
                Restore(profiles, customerId, before);
                throw;
            }

            return updated;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string customerId, CancellationToken cancellationToken = default)
    {
        Guard.NotNullOrEmpty(customerId);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var profiles = await ProfilesAsync(cancellationToken).ConfigureAwait(false);
            if (!profiles.Remove(customerId, out var before))
            {
                return false;
            }

            try
            {
                await WriteAsync(profiles, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                Restore(profiles, customerId, before);
                throw;
            }

            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private static void Restore(Dictionary<string, CustomerProfile> profiles, string customerId, CustomerProfile? before)
    {
        if (before is null)
        {
            profiles.Remove(customerId);
        }
        else
        {
            profiles[customerId] = before;
        }
    }

    /// <summary>The profiles, read from the file on first use; a malformed file throws every time until it is fixed.</summary>
    private async Task<Dictionary<string, CustomerProfile>> ProfilesAsync(CancellationToken cancellationToken)
    {
        if (_profiles is not null)
        {
            return _profiles;
        }

        if (!File.Exists(_path))
        {
            return _profiles = new Dictionary<string, CustomerProfile>(StringComparer.Ordinal);
        }

        var text = await File.ReadAllTextAsync(_path, cancellationToken).ConfigureAwait(false);
        return _profiles = Parse(text);
    }

    private Dictionary<string, CustomerProfile> Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Bad("$ must be an object with formatVersion and profiles");
            }

            if (!root.TryGetProperty("formatVersion", out var version) || !version.TryGetInt32(out var number) || number != CurrentFormatVersion)
            {
                throw Bad($"$.formatVersion must be {CurrentFormatVersion}");
            }

            if (!root.TryGetProperty("profiles", out var profiles) || profiles.ValueKind != JsonValueKind.Object)
            {
                throw Bad("$.profiles must be an object of customer id: profile");
            }

            var read = new Dictionary<string, CustomerProfile>(StringComparer.Ordinal);
            foreach (var customer in profiles.EnumerateObject())
            {
                if (customer.Name.Length == 0 || !read.TryAdd(customer.Name, CustomerProfileJson.Read(customer.Value, $"$.profiles['{customer.Name}']")))
                {
                    throw Bad($"$.profiles['{customer.Name}'] is {(customer.Name.Length == 0 ? "an empty customer id" : "there twice")}");
                }
            }

            return read;
        }
        catch (JsonException e)
        {
            throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidProfile, $"{_path} is not valid JSON{CustomerProfileJson.Where(e)}: {e.Message} Fix or move the file; it is not overwritten.", e);
        }
        catch (ConfiguratorException e) when (e.Code == ConfiguratorErrorCodes.InvalidProfile)
        {
            throw new ConfiguratorException(ConfiguratorErrorCodes.InvalidProfile, $"{_path}: {e.Message} Fix or move the file; it is not overwritten.", e);
        }

        static ConfiguratorException Bad(string message) => CustomerProfileJson.Bad(message);
    }

    private async Task WriteAsync(Dictionary<string, CustomerProfile> profiles, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(_path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(_path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                writer.WriteStartObject();
                writer.WriteNumber("formatVersion", CurrentFormatVersion);
                writer.WriteStartObject("profiles");
                foreach (var (id, profile) in profiles.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(id);
                    CustomerProfileJson.Write(writer, profile);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, _path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
