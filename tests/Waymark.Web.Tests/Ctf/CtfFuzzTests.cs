using System.Diagnostics;
using System.Text;
using Waymark.Data;
using Waymark.Data.Attendance;
using Waymark.Data.Entities;
using Waymark.Domain.Schools;
using Waymark.Testing;
using Waymark.Web.Imports;
using Waymark.Web.Imports.Ctf;
using Waymark.Web.Tests.Security;
using Xunit.Abstractions;

namespace Waymark.Web.Tests.Ctf;

/// <summary>
/// The CTF reader given broken and hostile files: random truncations and mutations of a good file, deep nesting, entity
/// expansion, floods of elements and text, and files far larger than any CTF (including a stream that never ends). Every
/// one is imported or refused with problems that each give a reason, never an exception or a hang, and a refusal leaves
/// the database exactly as it was. A mutated file that imports imports again changing nothing. Each case is made from the
/// seed and its index, printed on failure; set WAYMARK_FUZZ_CASE to an index to run that case alone.
/// </summary>
public abstract class CtfFuzzTests(DatabaseProvider provider, int cases, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 7_2026;

    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        db.Schools.AddRange(
            new School { Urn = 900201, LaCode = 823, EstablishmentNumber = 2001, Name = "Brookside Primary School", Phase = SchoolPhase.Primary, Type = "Community school" },
            new School { Urn = 900202, LaCode = 823, EstablishmentNumber = 4002, Name = "Kingsway Academy", Phase = SchoolPhase.Secondary, Type = "Academy converter" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static byte[] Good => File.ReadAllBytes(CtfImportTests.Fixture("full-ctf25.xml"));

    /// <summary>`waymark import ctf`, built as the command line builds it.</summary>
    private async Task<CtfImportResult> ImportAsync(Func<Stream> open, CtfLimits? limits = null)
    {
        await using var db = _database.CreateContext();
        var clock = TimeProvider.System;
        var auditor = new Waymark.Web.Auditing.Auditor(db, new Microsoft.AspNetCore.Http.HttpContextAccessor(), clock);
        var attendance = new AttendanceImporter(db, new AttendanceRegister(db, clock),
            new AttendanceAlertEngine(db, [new SuspensionAlertSource(), new ReducedTimetableAlertSource()]), auditor, clock);
        return await new CtfImporter(db, attendance, auditor, clock).ImportAsync([new CtfSource("fuzz.xml", open)], new CtfImportOptions(Limits: limits));
    }

    private Task<CtfImportResult> ImportAsync(byte[] file, CtfLimits? limits = null) => ImportAsync(() => new MemoryStream(file, writable: false), limits);

    private async Task<DatabaseSnapshot> SnapshotAsync()
    {
        await using var db = _database.CreateContext();
        return await DatabaseSnapshot.TakeAsync(db);
    }

    private async Task<string> RefusedAsync(byte[] file, CtfLimits? limits = null, bool seekable = true)
    {
        var before = await SnapshotAsync();
        var timer = Stopwatch.StartNew();
        var result = seekable ? await ImportAsync(file, limits) : await ImportAsync(() => new OneWayStream(new MemoryStream(file, writable: false)), limits);
        Assert.False(result.Succeeded);
        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(30), $"took {timer.Elapsed}");
        Assert.Empty(before.Differences(await SnapshotAsync()));
        return string.Join("\n", result.Problems);
    }

    [Fact]
    public async Task Truncated_and_mutated_files_are_imported_or_refused_cleanly()
    {
        var good = Good;
        var only = Environment.GetEnvironmentVariable("WAYMARK_FUZZ_CASE") is { } one ? int.Parse(one, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        int imported = 0, refused = 0;
        var before = await SnapshotAsync();
        for (var index = 0; index < cases; index++)
        {
            if (only is { } chosen && chosen != index)
            {
                continue;
            }

            var random = new Random(Seed + index);
            var (kind, file) = Mutate(good, random);
            CtfImportResult result;
            try
            {
                result = await ImportAsync(file);
            }
            catch (Exception ex)
            {
                Assert.Fail($"case {index} ({kind}) threw {ex.GetType().Name}: {ex.Message}\n{Encoding.UTF8.GetString(file)}");
                throw;
            }

            if (!result.Succeeded)
            {
                refused++;
                Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Problem.Reason), $"case {index} ({kind}): a problem without a reason"));
                var differences = before.Differences(await SnapshotAsync());
                Assert.True(differences.Count == 0, $"case {index} ({kind}) was refused but changed: {string.Join("; ", differences)}");
                continue;
            }

            imported++;
            var again = await ImportAsync(file);
            Assert.True(again.Succeeded, $"case {index} ({kind}) imported once but not twice: {string.Join("; ", again.Problems)}");
            Assert.True(again.Added + again.Updated == 0 && (again.Marks is null || again.Marks.New + again.Marks.Changed == 0),
                $"case {index} ({kind}) changed something when imported again: {again.Added} added, {again.Updated} updated, marks {again.Marks}");
            before = await SnapshotAsync();
        }

        output.WriteLine($"{cases} cases: {imported} imported, {refused} refused");
        Assert.True(only is not null || refused > cases / 2, $"only {refused} of {cases} mutations were refused; the mutations are too gentle");
    }

    /// <summary>One random change to a good file: cut, bytes changed, a range removed or repeated, an element's text replaced, lines swapped, a tag added.</summary>
    private static (string Kind, byte[] File) Mutate(byte[] good, Random random)
    {
        var bytes = good.ToList();
        var text = Encoding.UTF8.GetString(good);
        switch (random.Next(7))
        {
            case 0:
                return ("truncated", good[..random.Next(good.Length)]);
            case 1:
                for (var i = random.Next(1, 6); i > 0; i--)
                {
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                }

                return ("bytes changed", [.. bytes]);
            case 2:
            {
                var start = random.Next(bytes.Count);
                bytes.RemoveRange(start, Math.Min(random.Next(1, 200), bytes.Count - start));
                return ("range removed", [.. bytes]);
            }

            case 3:
            {
                var start = random.Next(bytes.Count);
                var range = bytes.GetRange(start, Math.Min(random.Next(1, 400), bytes.Count - start));
                bytes.InsertRange(random.Next(bytes.Count), range);
                return ("range repeated", [.. bytes]);
            }

            case 4:
            {
                // The text of one leaf element, replaced by something awkward.
                var leaves = System.Text.RegularExpressions.Regex.Matches(text, ">([^<>]+)</");
                var leaf = leaves[random.Next(leaves.Count)];
                string[] awkward =
                [
                    "", " ", "<", "&", "&amp;", "]]>", "&#0;", "&#x1F600;", "\u0000", "\t", "2025-13-45", "2015-02-29", "9999-12-31", "0000-01-01", "ZZ",
                    "-1", "99999999999999999999", "Nguyễn", "=HYPERLINK(\"x\")", "<script>alert(1)</script>", new string('9', 5000), "1.5", "true", "N/A",
                ];
                var value = awkward[random.Next(awkward.Length)];
                var changed = text[..leaf.Groups[1].Index] + value + text[(leaf.Groups[1].Index + leaf.Groups[1].Length)..];
                return ($"text of an element replaced by '{(value.Length > 20 ? value[..20] + "…" : value)}'", Encoding.UTF8.GetBytes(changed));
            }

            case 5:
            {
                var lines = text.Split('\n');
                var (a, b) = (random.Next(lines.Length), random.Next(lines.Length));
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return ("lines swapped", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
            }

            default:
            {
                string[] tags = ["<Pupil>", "</Pupil>", "<YearData>", "<UPN>", "<!DOCTYPE x>", "<?xml version=\"1.0\"?>", "<![CDATA[", "<!--", "<CTfile>", "<a b='1' b='2'/>"];
                var at = random.Next(text.Length);
                return ("tag inserted", Encoding.UTF8.GetBytes(text[..at] + tags[random.Next(tags.Length)] + text[at..]));
            }
        }
    }

    private static byte[] Wrap(string pupils) => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?><CTfile><Header><CTFversion>25.0</CTFversion><DateTime>2026-07-20T10:30:00</DateTime>" +
        "<SourceSchool><LEA>823</LEA><Estab>2001</Estab></SourceSchool></Header><CTFpupilData>" + pupils + "</CTFpupilData></CTfile>");

    [Fact]
    public async Task Deep_nesting_is_refused_without_recursion()
    {
        const int depth = 200_000;
        var problems = await RefusedAsync(Wrap("<Pupil>" + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + "</Pupil>"));

        Assert.Contains("elements are nested more than 16 deep; a CTF is never nested that deep", problems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deep_nesting_outside_the_pupils_is_refused_too()
    {
        const int depth = 200_000;
        var problems = await RefusedAsync(Wrap("<Other>" + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + "</Other>"));

        Assert.Contains("nested more than 16 deep", problems, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad-billion-laughs.xml")]
    [InlineData("bad-external-entity.xml")]
    public async Task Entity_expansion_and_external_entities_are_refused_before_any_entity_is_read(string fixture)
    {
        var problems = await RefusedAsync(File.ReadAllBytes(CtfImportTests.Fixture(fixture)));

        Assert.Contains("document type declaration", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("lollol", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", problems, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_file_over_the_size_limit_is_refused_whether_or_not_its_length_is_known(bool seekable)
    {
        var pupil = Encoding.UTF8.GetString(Good);
        pupil = pupil[pupil.IndexOf("<Pupil>", StringComparison.Ordinal)..(pupil.IndexOf("</Pupil>", StringComparison.Ordinal) + 8)];
        var file = Wrap(string.Concat(Enumerable.Repeat(pupil, 40)));
        Assert.True(file.Length > 200_000);

        var problems = await RefusedAsync(file, new CtfLimits(MaxBytes: 100 * 1024), seekable);

        Assert.Contains("the file is larger than 100 KB", problems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_that_never_ends_is_refused_at_the_default_limit()
    {
        var timer = Stopwatch.StartNew();
        var before = await SnapshotAsync();

        var result = await ImportAsync(() => new EndlessStream(Wrap("")[..^"</CTFpupilData></CTfile>".Length]));

        Assert.False(result.Succeeded);
        Assert.Contains("the file is larger than 200 MB", result.Problems.Single().Problem.Reason, StringComparison.Ordinal);
        Assert.Empty(before.Differences(await SnapshotAsync()));
        output.WriteLine($"endless stream refused after {timer.Elapsed.TotalSeconds:N1} s");
    }

    [Fact]
    public async Task Floods_of_text_or_elements_in_a_pupil_are_refused()
    {
        var text = await RefusedAsync(Wrap("<Pupil><UPN>Z823200114001</UPN><Surname>" + new string('A', 100_000) + "</Surname></Pupil>"));
        var elements = await RefusedAsync(Wrap("<Pupil>" + string.Concat(Enumerable.Repeat("<x/>", 60_000)) + "</Pupil>"));

        Assert.Contains("<Surname> holds more than 65,536 characters of text", text, StringComparison.Ordinal);
        Assert.Contains("holds more than 50,000 elements", elements, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Random_bytes_and_empty_files_are_refused()
    {
        var random = new Random(Seed);
        var noise = new byte[4096];
        random.NextBytes(noise);

        Assert.Contains("the file is not XML", await RefusedAsync(noise), StringComparison.Ordinal);
        Assert.Contains("the file is empty", await RefusedAsync([]), StringComparison.Ordinal);
        Assert.Contains("the file is not XML", await RefusedAsync([], seekable: false), StringComparison.Ordinal);
        Assert.Contains("the file is not XML", await RefusedAsync(Encoding.UTF8.GetBytes("   \n  ")), StringComparison.Ordinal);
        Assert.Contains("this is not a Common Transfer File", await RefusedAsync(Encoding.UTF8.GetBytes("<html><body>CTF</body></html>")), StringComparison.Ordinal);
        Assert.Contains("Admissions Transfer File", await RefusedAsync(Encoding.UTF8.GetBytes(
            "<CTfile><Header><CTFversion>25.0</CTFversion><DateTime>2026-07-20T10:30:00</DateTime><SourceSchool><LEA>823</LEA><Estab>2001</Estab></SourceSchool></Header><ATFpupilData/></CTfile>")),
            StringComparison.Ordinal);
    }

    /// <summary>A stream that can only be read forwards, as from a pipe, so its length is not known in advance.</summary>
    private sealed class OneWayStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>The start of a CTF, then spaces for ever.</summary>
    private sealed class EndlessStream(byte[] start) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++, _position++)
            {
                buffer[offset + i] = _position < start.Length ? start[_position] : (byte)' ';
            }

            return count;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed class CtfFuzzTestsOnSqlite(ITestOutputHelper output) : CtfFuzzTests(DatabaseProvider.Sqlite, 600, output);

public sealed class CtfFuzzTestsOnPostgres(ITestOutputHelper output) : CtfFuzzTests(DatabaseProvider.Postgres, 200, output);
