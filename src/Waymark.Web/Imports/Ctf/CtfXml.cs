using System.Globalization;
using System.Xml;

namespace Waymark.Web.Imports.Ctf;

/// <summary>An element of a CTF as read: its name, its text (for a leaf), its child elements and the line it starts on.</summary>
public sealed class CtfNode(string name, int line)
{
    public string Name { get; } = name;

    public int Line { get; } = line;

    /// <summary>The element's text, trimmed; null when it has none.</summary>
    public string? Text { get; internal set; }

    public List<CtfNode> Children { get; } = [];

    /// <summary>The first child element called <paramref name="name"/> (exact case).</summary>
    public CtfNode? Child(string name) => Children.Find(c => c.Name == name);

    /// <summary>The first child element whose name is one of <paramref name="names"/>, ignoring case.</summary>
    public CtfNode? ChildIgnoringCase(params string[] names) =>
        Children.Find(c => names.Any(n => string.Equals(c.Name, n, StringComparison.OrdinalIgnoreCase)));

    public IEnumerable<CtfNode> All(string name) => Children.Where(c => c.Name == name);

    /// <summary>The text of the child element <paramref name="name"/>; null when it is absent or empty.</summary>
    public string? Value(string name) => Child(name)?.Text;
}

/// <summary>The limits a CTF must keep within, so a hostile or broken file is refused instead of filling memory.</summary>
/// <param name="MaxBytes">The largest file read. A whole secondary school's CTF with five years of marks is about 20 MB.</param>
/// <param name="MaxDepth">The deepest element (the root is depth 0). A CTF's deepest is about 7.</param>
/// <param name="MaxTextLength">The most characters in one element's text. The longest, AttendanceMarks, is under 1,500.</param>
/// <param name="MaxElementsPerPupil">The most elements in one Pupil.</param>
public sealed record CtfLimits(long MaxBytes = CtfLimits.DefaultMaxBytes, int MaxDepth = 16, int MaxTextLength = 65_536, int MaxElementsPerPupil = 50_000)
{
    public const long DefaultMaxBytes = 200L * 1024 * 1024;
}

/// <summary>Why a file could not be read as a CTF at all; nothing else in it is checked.</summary>
public sealed class CtfUnreadableException(int line, string reason) : Exception(reason)
{
    public int Line { get; } = line;
}

/// <summary>
/// Reads a CTF's XML safely and as a stream: no DTD (so no entity expansion, "billion laughs", and no external
/// entities), no resolver (nothing fetched from a file or the network), a size limit counted in characters as they are
/// read (so a stream that lies about its length is still stopped), and limits on depth and text. The header is read
/// whole; each pupil is handed out as a small tree and dropped, so memory follows one pupil, not the file.
/// </summary>
public sealed class CtfXmlReader : IDisposable
{
    public const string Root = "CTfile";
    public const string PupilData = "CTFpupilData";

    private readonly XmlReader _reader;
    private readonly CtfLimits _limits;
    private bool _inPupilData;
    private bool _rootSeen;

    private CtfXmlReader(XmlReader reader, CtfLimits limits)
    {
        _reader = reader;
        _limits = limits;
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>Opens <paramref name="stream"/> and reads up to the end of the header.</summary>
    /// <exception cref="CtfUnreadableException">The file is too large, not XML, or not a CTF.</exception>
    public static (CtfXmlReader Reader, CtfNode Header) Open(Stream stream, CtfLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        if (stream.CanSeek && stream.Length - stream.Position > limits.MaxBytes)
        {
            throw TooLarge(0, limits);
        }

        if (stream.CanSeek && stream.Length == stream.Position)
        {
            throw new CtfUnreadableException(0, "the file is empty");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,

            // Characters, not bytes; a file of multi-byte characters is stopped a little later, never much later.
            MaxCharactersInDocument = limits.MaxBytes,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        var reader = new CtfXmlReader(XmlReader.Create(stream, settings), limits);
        try
        {
            return (reader, reader.Guard(reader.ReadHeader)!);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private CtfNode ReadHeader()
    {
        Guard(() => _reader.MoveToContent());
        if (_reader.NodeType != XmlNodeType.Element)
        {
            throw new CtfUnreadableException(LineNow, "the file has no root element; a CTF's is <CTfile>");
        }

        _rootSeen = true;
        if (_reader.LocalName != Root)
        {
            throw new CtfUnreadableException(LineNow,
                $"the root element is <{Shorten(_reader.LocalName)}>, not <{Root}>: this is not a Common Transfer File");
        }

        if (_reader.IsEmptyElement)
        {
            throw new CtfUnreadableException(LineNow, $"<{Root}> is empty: there is no Header");
        }

        Guard(() => _reader.Read());
        while (_reader.NodeType == XmlNodeType.Element)
        {
            var name = _reader.LocalName;
            if (name == "Header")
            {
                return ReadTree(elementBudget: 10_000);
            }

            if (name is PupilData or "ATFpupilData")
            {
                throw new CtfUnreadableException(LineNow, $"<{name}> comes before the <Header>; a CTF starts with its Header");
            }

            SkipElement();
        }

        throw new CtfUnreadableException(LineNow, "the file has no <Header>");
    }

    /// <summary>
    /// The next Pupil of CTFpupilData, or null after the last. Elements other than pupils are passed over, within the limits.
    /// </summary>
    public CtfNode? NextPupil() => Guard(NextPupilOrNull);

    // Values are parsed lazily, so any read of the reader (not only Read) can meet a malformed byte: the public entry
    // points catch the parser's exceptions as well as each read.
    private CtfNode? NextPupilOrNull()
    {
        while (true)
        {
            Guard(() => _reader.MoveToContent());
            if (_reader.NodeType == XmlNodeType.None || (_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == 0))
            {
                // The end of CTfile: read to the end, so anything malformed after it is still found.
                while (Guard(() => _reader.Read()))
                {
                }

                return null;
            }

            if (_reader.NodeType == XmlNodeType.EndElement)
            {
                _inPupilData = false;
                Guard(() => _reader.Read());
                continue;
            }

            if (_reader.NodeType != XmlNodeType.Element)
            {
                Guard(() => _reader.Read());
                continue;
            }

            CheckDepth();
            var name = _reader.LocalName;
            if (!_inPupilData && _reader.Depth == 1 && name == "ATFpupilData")
            {
                throw new CtfUnreadableException(LineNow, "this is an Admissions Transfer File (ATFpupilData); Waymark imports Common Transfer Files only");
            }

            if (!_inPupilData && _reader.Depth == 1 && name == PupilData)
            {
                if (_reader.IsEmptyElement)
                {
                    Guard(() => _reader.Read());
                }
                else
                {
                    _inPupilData = true;
                    Guard(() => _reader.Read());
                }

                continue;
            }

            if (_inPupilData && _reader.Depth == 2 && name == "Pupil")
            {
                return ReadTree(_limits.MaxElementsPerPupil);
            }

            SkipElement();
        }
    }

    private int LineNow => _reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    /// <summary>Reads the element the reader is on, and everything in it, into a tree; leaves the reader after it.</summary>
    private CtfNode ReadTree(int elementBudget)
    {
        var root = new CtfNode(_reader.LocalName, LineNow);
        var elements = 1;
        if (_reader.IsEmptyElement)
        {
            Guard(() => _reader.Read());
            return root;
        }

        var stack = new Stack<Frame>();
        stack.Push(new Frame(root));
        Guard(() => _reader.Read());
        while (stack.Count > 0)
        {
            var frame = stack.Peek();
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    CheckDepth();
                    if (++elements > elementBudget)
                    {
                        throw new CtfUnreadableException(LineNow, string.Create(CultureInfo.InvariantCulture,
                            $"<{root.Name}> starting on line {root.Line} holds more than {elementBudget:N0} elements; no pupil's record is that large"));
                    }

                    var child = new CtfNode(_reader.LocalName, LineNow);
                    frame.Node.Children.Add(child);
                    if (!_reader.IsEmptyElement)
                    {
                        stack.Push(new Frame(child));
                    }

                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    var value = _reader.Value;
                    frame.Text ??= new System.Text.StringBuilder();
                    if (frame.Text.Length + value.Length > _limits.MaxTextLength)
                    {
                        throw new CtfUnreadableException(LineNow, string.Create(CultureInfo.InvariantCulture,
                            $"<{Shorten(frame.Node.Name)}> holds more than {_limits.MaxTextLength:N0} characters of text; no CTF value is that long"));
                    }

                    frame.Text.Append(value);
                    break;
                case XmlNodeType.EndElement:
                    stack.Pop();
                    var trimmed = frame.Text?.ToString().Trim();
                    frame.Node.Text = string.IsNullOrEmpty(trimmed) ? null : trimmed;
                    break;
                case XmlNodeType.None:
                    throw new CtfUnreadableException(LineNow, $"the file ends inside <{Shorten(frame.Node.Name)}>");
            }

            Guard(() => _reader.Read());
        }

        return root;
    }

    /// <summary>Passes over the element the reader is on, checking depth as it goes (no recursion, no tree).</summary>
    private void SkipElement()
    {
        CheckDepth();
        if (_reader.IsEmptyElement)
        {
            Guard(() => _reader.Read());
            return;
        }

        var depth = _reader.Depth;
        Guard(() => _reader.Read());
        while (!(_reader.NodeType == XmlNodeType.EndElement && _reader.Depth == depth))
        {
            if (_reader.NodeType == XmlNodeType.Element)
            {
                CheckDepth();
            }
            else if (_reader.NodeType == XmlNodeType.None)
            {
                return;
            }

            Guard(() => _reader.Read());
        }

        Guard(() => _reader.Read());
    }

    private sealed class Frame(CtfNode node)
    {
        public CtfNode Node { get; } = node;

        public System.Text.StringBuilder? Text { get; set; }
    }

    private void CheckDepth()
    {
        if (_reader.Depth > _limits.MaxDepth)
        {
            throw new CtfUnreadableException(LineNow, string.Create(CultureInfo.InvariantCulture,
                $"elements are nested more than {_limits.MaxDepth} deep; a CTF is never nested that deep"));
        }
    }

    private bool Guard(Func<bool> read) => Guard<bool>(read);

    private void Guard(Func<XmlNodeType> read) => Guard<XmlNodeType>(read);

    private CtfNode? Guard(Func<CtfNode?> read) => Guard<CtfNode?>(read);

    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (XmlException ex)
        {
            throw Explain(ex, ex.LineNumber > 0 ? ex.LineNumber : LineNow, !_rootSeen, _limits);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new CtfUnreadableException(LineNow, "the file has bytes that are not text in its encoding (UTF-8 unless it declares another)");
        }
    }

    private static CtfUnreadableException Explain(XmlException ex, int line, bool beforeRoot, CtfLimits limits)
    {
        var message = ex.Message;
        if (line == 0 && System.Text.RegularExpressions.Regex.Match(message, @"Line (\d+), position") is { Success: true } place)
        {
            line = int.Parse(place.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        if (message.Contains("DTD", StringComparison.OrdinalIgnoreCase) || message.Contains("DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            return new CtfUnreadableException(line,
                "the file has a document type declaration (<!DOCTYPE>), which can define entities that expand without end or read other files; " +
                "a CTF never has one, so the file is refused");
        }

        if (message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            return TooLarge(line, limits);
        }

        if (message.Contains("MaxCharactersFromEntities", StringComparison.Ordinal))
        {
            return new CtfUnreadableException(line, "the file's entities expand to too much text; a CTF has no entities of its own");
        }

        // The parser's own words end with the place ("Line 3, position 7."), which the problem already gives.
        var reason = System.Text.RegularExpressions.Regex.Replace(message, @"\s*Line \d+, position \d+\.?\s*$", "");
        return beforeRoot
            ? new CtfUnreadableException(line, $"the file is not XML, so it cannot be a Common Transfer File ({reason})")
            : new CtfUnreadableException(line, $"the file is not well-formed XML: {reason} (position {ex.LinePosition})");
    }

    private static CtfUnreadableException TooLarge(int line, CtfLimits limits)
    {
        var size = limits.MaxBytes >= 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{limits.MaxBytes / (1024 * 1024):N0} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{limits.MaxBytes / 1024.0:N0} KB");
        return new(line, $"the file is larger than {size}, more than any school's CTF; split it, or check it is the file you meant");
    }

    private static string Shorten(string name) => name.Length > 40 ? name[..40] + "…" : name;
}
