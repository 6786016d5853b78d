using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Configurator.Internal;
using Configurator.Modeling;
using Configurator.Validation;

namespace Configurator.Serialization;

/// <summary>
/// Reads and writes product models in the JSON model format (version 1). Loading never throws for
/// bad input: malformed JSON, wrong types, unknown properties and invalid models all come back as
/// <see cref="ModelError"/> values with their JSON path (and line and byte for malformed JSON).
/// Thread-safe.
/// </summary>
/// <remarks>
/// Beyond the format document, the reader accepts <c>//</c> and <c>/* */</c> comments and trailing
/// commas, since models are written by hand; the writer never produces them. Unknown properties are
/// errors rather than silently ignored, because they are almost always misspellings.
/// </remarks>
public static class ProductModelJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    /// <summary>Loads and validates a model from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static ModelLoadResult Load(string json)
    {
        Guard.NotNull(json);
        if (FirstUnpairedSurrogate(json) is { } at)
        {
            // JsonDocument cannot transcode such a string to UTF-8; say where it is instead.
            var line = json.AsSpan(0, at).Count('\n') + 1;
            var lineStart = json.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1;
            var position = Encoding.UTF8.GetByteCount(json.AsSpan(lineStart, at - lineStart)) + 1;
            return Failed(new ModelError(ModelErrorCodes.InvalidJson, JsonPaths.Root, "The text holds half of a UTF-16 surrogate pair, which is not a character; remove it or save the file as UTF-8.") { Line = line, BytePosition = position });
        }

        return Load(() => JsonDocument.Parse(json, DocumentOptions));
    }

    /// <summary>Loads and validates a model from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The JSON bytes.</param>
    public static ModelLoadResult Load(ReadOnlyMemory<byte> utf8Json) => Load(() => JsonDocument.Parse(utf8Json, DocumentOptions));

    /// <summary>Loads and validates a model from a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <exception cref="IOException">The file cannot be read (for example <see cref="FileNotFoundException"/>).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static ModelLoadResult LoadFile(string path) => Load(File.ReadAllBytes(Guard.NotNullOrEmpty(path)));

    /// <summary>Writes a model as indented JSON. Loading the text gives an equal model.</summary>
    /// <param name="model">The model.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static string Save(ProductModel model) =>
        JsonSerializer.Serialize(ModelWriter.ToDocument(Guard.NotNull(model)), ModelJsonContext.Default.ModelDocument);

    /// <summary>Writes a model as indented UTF-8 JSON to a stream.</summary>
    /// <param name="model">The model.</param>
    /// <param name="stream">The stream to write to.</param>
    public static void Save(ProductModel model, Stream stream) =>
        JsonSerializer.Serialize(Guard.NotNull(stream), ModelWriter.ToDocument(Guard.NotNull(model)), ModelJsonContext.Default.ModelDocument);

    private static ModelLoadResult Load(Func<JsonDocument> parse)
    {
        JsonDocument document;
        try
        {
            document = parse();
        }
        catch (JsonException e)
        {
            // JsonException positions are 0-based; people count from 1.
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            var message = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd();
            return Failed(new ModelError(ModelErrorCodes.InvalidJson, e.Path ?? JsonPaths.Root, $"The file is not valid JSON: {message}") { Line = line, BytePosition = position });
        }

        using (document)
        {
            var reader = new ModelReader();
            ProductModel model;
            try
            {
                model = reader.Read(document.RootElement);
            }
            catch (InvalidOperationException e) when (e.InnerException is DecoderFallbackException or null)
            {
                // JsonDocument checks a string's UTF-8 only when the string is read.
                return Failed(new ModelError(ModelErrorCodes.InvalidJson, JsonPaths.Root, "The file holds text that is not valid UTF-8; save it as UTF-8."));
            }

            var structural = reader.Errors;

            // Validate the best-effort model as well, so that one pass reports everything, but leave
            // out what only repeats a structural error at the same place, or only follows from one
            // (FollowUpErrors: "max": "4" read as the default 1 makes presets that select more look wrong).
            var validation = model.Validate().Errors.Where(e => !structural.Any(s => Covers(s.Path, e.Path))).ToList();
            var errors = structural.Concat(FollowUpErrors.Without(structural, validation, model)).ToImmutableArray();
            return errors.IsEmpty ? new ModelLoadResult(model, []) : new ModelLoadResult(null, errors);
        }
    }

    private static int? FirstUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return null;
    }

    private static bool Covers(string reported, string path) =>
        path == reported || path.StartsWith(reported + ".", StringComparison.Ordinal) || path.StartsWith(reported + "[", StringComparison.Ordinal)
        || reported.StartsWith(path + ".", StringComparison.Ordinal);

    private static ModelLoadResult Failed(ModelError error) => new(null, [error]);
}
