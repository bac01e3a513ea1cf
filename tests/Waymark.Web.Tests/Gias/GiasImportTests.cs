using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Schools;
using Waymark.Testing;
using Waymark.Web.Auditing;
using Waymark.Web.Imports;

namespace Waymark.Web.Tests.Gias;

/// <summary>
/// The GIAS importer on the fixtures (a hand-written establishment extract and 33 rows cut from the real links file),
/// on a database of its own per test, on both providers.
/// </summary>
public abstract class GiasImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Establishments = "gias-establishments.csv";
    private const string Links = "gias-links.csv";

    /// <summary>The served LA's schools in the fixture that have an establishment number.</summary>
    private static readonly int[] LaSchools = [101616, 137067, 144504, 101637, 142234, 900301, 900302, 900303, 900304, 900305];

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<GiasImportResult> ImportAsync(byte[] establishments, byte[]? links = null, int? la = GiasFixture.ServedLa)
    {
        await using var db = _database.CreateContext();
        var importer = new GiasImporter(db, new Auditor(db, new HttpContextAccessor(), TimeProvider.System), TimeProvider.System);
        return await importer.ImportAsync(new MemoryStream(establishments), links is null ? null : new MemoryStream(links), new GiasImportOptions(la));
    }

    private async Task<List<School>> SchoolsAsync()
    {
        await using var db = _database.CreateContext();
        return await db.Schools.AsNoTracking().Include(s => s.Links).OrderBy(s => s.Urn).ToListAsync();
    }

    /// <summary>Every stored value of every school and link, to compare before and after.</summary>
    private async Task<string> RegisterAsync() => string.Join("\n", (await SchoolsAsync()).Select(s =>
        $"{s.Urn}|{s.LaCode}|{s.EstablishmentNumber}|{s.Name}|{s.Type}|{s.Phase}|{s.Status}|{s.IsOpen}|{s.OpenDate}|{s.CloseDate}|" +
        $"{string.Join("/", s.AddressLines())}|" + string.Join(";", s.Links.OrderBy(l => l.LinkedUrn).Select(l => $"{l.LinkedUrn} {l.LinkType} {l.LinkedName} {l.EstablishedOn}"))));

    [Fact]
    public async Task The_las_schools_are_added_with_status_dates_and_address_and_other_las_are_left_out()
    {
        var result = await ImportAsync(GiasFixture.Bytes(Establishments));

        Assert.True(result.Succeeded);
        Assert.Equal((13, 10, 0, 0, 0, 2), (result.Rows, result.Added, result.Updated, result.Closed, result.Unchanged, result.OtherLocalAuthorities));
        Assert.Equal([900307], result.WithoutNumber);
        var schools = (await SchoolsAsync()).ToDictionary(s => s.Urn);
        Assert.Equal(LaSchools.Order(), schools.Keys);

        var academy = schools[144504];
        Assert.Equal((305, 2040, "Academy converter", SchoolPhase.Primary, SchoolStatus.Open, true), (academy.LaCode, academy.EstablishmentNumber, academy.Type, academy.Phase, academy.Status, academy.IsOpen));
        Assert.Equal(((DateOnly?)new DateOnly(2016, 4, 1), (DateOnly?)null), (academy.OpenDate, academy.CloseDate));
        Assert.Equal(["1 Testing Lane", "Greenside", "Testborough", "Kent", "TE6 1AA"], academy.AddressLines());

        // Closed stays in the register, marked closed; proposed to close is still open; proposed to open is not yet.
        Assert.Equal((SchoolStatus.Closed, false, (DateOnly?)new DateOnly(2011, 7, 31)), (schools[101616].Status, schools[101616].IsOpen, schools[101616].CloseDate));
        Assert.Equal((SchoolStatus.OpenButProposedToClose, true, (DateOnly?)new DateOnly(2027, 8, 31)), (schools[900302].Status, schools[900302].IsOpen, schools[900302].CloseDate));
        Assert.Equal((SchoolStatus.ProposedToOpen, false, SchoolPhase.SixteenPlus), (schools[900304].Status, schools[900304].IsOpen, schools[900304].Phase));
        Assert.Equal((SchoolPhase.NotApplicable, "Pupil referral unit"), (schools[900303].Phase, schools[900303].Type));

        // Windows-1252: a curly apostrophe and an accented capital.
        Assert.Equal("St Mary\u2019s C of E Primary School", schools[900301].Name);
        Assert.Equal("\u00c9lan Studio School", schools[900304].Name);
        Assert.Equal(["Church Row", "Old Town", "Eastside", "Testborough", "Kent", "TE6 2CD"], schools[900301].AddressLines());

        await using var db = _database.CreateContext();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.SchoolsImported));
    }

    [Fact]
    public async Task The_links_file_joins_up_the_academy_conversion_chains()
    {
        var result = await ImportAsync(GiasFixture.Bytes(Establishments), GiasFixture.Bytes(Links));

        Assert.True(result.Succeeded);
        Assert.Equal((33, 7, 26), (result.LinkRows, result.LinksAdded, result.LinksSkipped));
        var schools = (await SchoolsAsync()).ToDictionary(s => s.Urn);
        string Describe(int urn) => string.Join("; ", schools[urn].Links.OrderBy(l => l.LinkedUrn).Select(l => $"{l.LinkType} {l.LinkedUrn} {l.EstablishedOn:yyyy-MM-dd}"));

        // Community school -> academy converter (2011) -> the academy under a new trust (2016).
        Assert.Equal("Successor 137067 2011-07-31", Describe(101616));
        Assert.Equal("Predecessor 101616 2011-08-01; Successor 144504 2016-04-01", Describe(137067));
        Assert.Equal("Predecessor 137067 2016-04-01", Describe(144504));

        // The junior school before Oaklands Primary is not in the register: the link is kept, with GIAS's name for it.
        Assert.Equal("Predecessor 101609 2009-04-20; Successor 142234 2015-08-31", Describe(101637));
        Assert.Equal("Oaklands Junior School", schools[101637].Links.Single(l => l.LinkedUrn == 101609).LinkedName);
        Assert.Equal("Predecessor 101637 2015-09-01", Describe(142234));
        Assert.Equal(SchoolLinkDirection.Successor, SchoolLinkTypes.Direction(schools[101637].Links.Single(l => l.LinkedUrn == 142234).LinkType));
    }

    [Fact]
    public async Task Importing_the_same_files_again_changes_nothing()
    {
        await ImportAsync(GiasFixture.Bytes(Establishments), GiasFixture.Bytes(Links));
        var before = await RegisterAsync();

        var again = await ImportAsync(GiasFixture.Bytes(Establishments), GiasFixture.Bytes(Links));

        Assert.True(again.Succeeded);
        Assert.Equal((0, 0, 0, 10, 0), (again.Added, again.Updated, again.Closed, again.Unchanged, again.NotInFile));
        Assert.Equal((0, 0, 0, 7), (again.LinksAdded, again.LinksUpdated, again.LinksRemoved, again.LinksUnchanged));
        Assert.Equal(before, await RegisterAsync());
        await using var db = _database.CreateContext();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.SchoolsImported));
    }

    [Fact]
    public async Task A_later_extract_updates_and_closes_schools_and_keeps_the_ones_it_no_longer_lists()
    {
        await ImportAsync(GiasFixture.Bytes(Establishments));
        var later = GiasFixture.Load(Establishments)
            .Set(900301, "EstablishmentName", "St Mary\u2019s Church of England Primary School")
            .Set(900302, "EstablishmentStatus (name)", "Closed")
            .Set(900303, "Postcode", "TE6 9ZZ")
            .Remove(900305);

        var result = await ImportAsync(later.ToBytes());

        Assert.True(result.Succeeded);
        Assert.Equal((0, 2, 1, 6, 1), (result.Added, result.Updated, result.Closed, result.Unchanged, result.NotInFile));
        var schools = (await SchoolsAsync()).ToDictionary(s => s.Urn);
        Assert.Equal("St Mary\u2019s Church of England Primary School", schools[900301].Name);
        Assert.Equal((SchoolStatus.Closed, false), (schools[900302].Status, schools[900302].IsOpen));
        Assert.Equal("TE6 9ZZ", schools[900303].Postcode);

        // Missing from the later file: kept exactly as it was, closed.
        Assert.Equal((SchoolStatus.Closed, "Hollybank School", (DateOnly?)new DateOnly(2019, 8, 31)), (schools[900305].Status, schools[900305].Name, schools[900305].CloseDate));
        Assert.Equal(LaSchools.Order(), schools.Keys);
    }

    [Fact]
    public async Task A_closed_school_stays_closed_and_a_file_that_reopens_one_is_refused_whole()
    {
        await ImportAsync(GiasFixture.Bytes(Establishments));
        var before = await RegisterAsync();
        var older = GiasFixture.Load(Establishments)
            .Set(900301, "EstablishmentName", "Renamed in the same file")
            .Set(101616, "EstablishmentStatus (name)", "Open")
            .Set(101616, "CloseDate", "");

        var result = await ImportAsync(older.ToBytes());

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.EstablishmentProblems);
        Assert.Equal((2, "EstablishmentStatus (name)"), (problem.Line, problem.Column));
        Assert.Contains("URN 101616 (Green Street Green Primary School) is closed in Waymark but 'Open' here", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await RegisterAsync());
    }

    [Fact]
    public async Task Bad_rows_are_each_named_by_line_and_column_and_nothing_is_saved()
    {
        var result = await ImportAsync(GiasFixture.Bytes("gias-establishments-bad-rows.csv"), GiasFixture.Bytes(Links));

        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                "line 3, column URN: '90031' is not a 6-digit URN",
                "line 4, column OpenDate: '31-02-2019' is not a date (GIAS writes dd-mm-yyyy)",
                "line 5, column PhaseOfEducation (name): 'Kindergarten' is not a GIAS phase of education " +
                "(one of: Not applicable, Nursery, Primary, Middle deemed primary, Middle deemed secondary, Secondary, 16 plus, All-through)",
            ],
            result.EstablishmentProblems.Select(p => p.ToString()));
        Assert.Equal(3, result.ProblemCount);
        Assert.Empty(await SchoolsAsync());
        await using var db = _database.CreateContext();
        Assert.Empty(db.SchoolLinks);
        Assert.Empty(db.AuditEvents.Where(e => e.Action == AuditActions.SchoolsImported));
    }

    [Fact]
    public async Task A_bad_link_row_is_named_by_line_and_column_and_neither_file_is_saved()
    {
        var links = GiasFixture.Load(Links);
        links.Rows.Single(r => r[0] == "101637" && r[1] == "142234")[4] = "31-13-2015";
        links.Rows.Single(r => r[0] == "142234")[1] = "142234";

        var result = await ImportAsync(GiasFixture.Bytes(Establishments), links.ToBytes());

        Assert.False(result.Succeeded);
        Assert.Empty(result.EstablishmentProblems);
        Assert.Equal(
            ["line 25, column LinkEstablishedDate: '31-13-2015' is not a date (GIAS writes dd-mm-yyyy)", "line 29, column LinkURN: URN 142234 is linked to itself"],
            result.LinkProblems.Select(p => p.ToString()));
        Assert.Empty(await SchoolsAsync());
    }

    [Fact]
    public async Task Columns_in_any_order_and_utf8_read_the_same_as_gias_own_file()
    {
        await ImportAsync(GiasFixture.Bytes(Establishments), GiasFixture.Bytes(Links));
        var asGias = await RegisterAsync();
        await _database.DisposeAsync();
        _database = await TestDatabase.CreateAsync(provider);

        var result = await ImportAsync(GiasFixture.Load(Establishments).Reversed().ToBytes(new UTF8Encoding(true)), GiasFixture.Load(Links).ToBytes(Encoding.UTF8));

        Assert.True(result.Succeeded);
        Assert.Equal(asGias, await RegisterAsync());
    }

    [Fact]
    public async Task Every_la_loads_every_establishment_with_a_number_and_its_links()
    {
        var result = await ImportAsync(GiasFixture.Bytes(Establishments), GiasFixture.Bytes(Links), la: null);

        Assert.True(result.Succeeded);
        Assert.Equal((12, 0, 8), (result.Added, result.OtherLocalAuthorities, result.LinksAdded));
        var schools = (await SchoolsAsync()).ToDictionary(s => s.Urn);
        Assert.Equal((306, SchoolStatus.Open), (schools[900306].LaCode, schools[900306].Status));

        // A link to an establishment not in the register keeps GIAS's name for it, read from Windows-1252.
        var merged = Assert.Single(schools[400978].Links);
        Assert.Equal((402323, "Awel Y M\u00f4r Primary School", "Successor"), (merged.LinkedUrn, merged.LinkedName, merged.LinkType));
    }

    [Fact]
    public async Task Rows_of_other_las_are_not_checked_but_a_school_already_held_is_refreshed_wherever_it_is()
    {
        await using (var db = _database.CreateContext())
        {
            db.Schools.Add(new School { Urn = 900306, LaCode = 306, EstablishmentNumber = 4002, Name = "Kingsway School", Phase = SchoolPhase.Secondary, Type = "Community school" });
            await db.SaveChangesAsync();
        }

        var file = GiasFixture.Load(Establishments).AddLike(900306, ("URN", "900399"), ("OpenDate", "not a date"), ("PhaseOfEducation (name)", "Kindergarten"));

        var result = await ImportAsync(file.ToBytes());
        var everyLa = await ImportAsync(file.ToBytes(), la: null);

        Assert.True(result.Succeeded);
        Assert.Equal((10, 1, 2), (result.Added, result.Updated, result.OtherLocalAuthorities));
        var kingsway = (await SchoolsAsync()).Single(s => s.Urn == 900306);
        Assert.Equal(("Kingsway Academy", "Academy sponsor led"), (kingsway.Name, kingsway.Type));
        Assert.False(everyLa.Succeeded);
        Assert.Equal([15, 15], everyLa.EstablishmentProblems.Select(p => p.Line));
    }

    [Fact]
    public async Task A_links_file_sets_the_links_of_the_schools_it_names_and_leaves_the_others()
    {
        await ImportAsync(GiasFixture.Bytes(Establishments), GiasFixture.Bytes(Links));
        var links = GiasFixture.Load(Links);
        links.Rows.RemoveAll(r => r[0] == "101637" && r[1] == "101609");
        links.Rows.Single(r => r[0] == "142234")[4] = "02-09-2015";
        links.Rows.RemoveAll(r => r[0] == "144504");

        var result = await ImportAsync(GiasFixture.Bytes(Establishments), links.ToBytes());

        Assert.True(result.Succeeded);
        Assert.Equal((0, 1, 1, 4), (result.LinksAdded, result.LinksUpdated, result.LinksRemoved, result.LinksUnchanged));
        var schools = (await SchoolsAsync()).ToDictionary(s => s.Urn);
        Assert.Equal([142234], schools[101637].Links.Select(l => l.LinkedUrn));
        Assert.Equal((DateOnly?)new DateOnly(2015, 9, 2), schools[142234].Links.Single().EstablishedOn);
        Assert.Equal([137067], schools[144504].Links.Select(l => l.LinkedUrn));
    }

    [Fact]
    public async Task A_closed_school_with_pupils_still_on_roll_is_reported_with_its_successor_and_they_are_not_moved()
    {
        await ImportAsync(GiasFixture.Bytes(Establishments), GiasFixture.Bytes(Links));
        Guid childId;
        await using (var db = _database.CreateContext())
        {
            var oaklands = await db.Schools.SingleAsync(s => s.Urn == 101637);
            var child = TestWorld.NewChild("Ava", "Oakley", new DateOnly(2016, 1, 5), Domain.Children.Sex.Female, 2041, 1);
            child.Enrolments.Add(new Enrolment { SchoolId = oaklands.Id, StartDate = new DateOnly(2021, 9, 1), Type = EnrolmentType.Single });
            db.Children.Add(child);
            await db.SaveChangesAsync();
            childId = child.Id;
        }

        var result = await ImportAsync(GiasFixture.Bytes(Establishments), GiasFixture.Bytes(Links));

        Assert.Equal(["URN 101637 Oaklands Primary School is closed but has 1 pupil(s) still on roll (successor: URN 142234)"], result.Warnings);
        await using var check = _database.CreateContext();
        var enrolment = await check.Enrolments.Include(e => e.School).SingleAsync(e => e.ChildId == childId);
        Assert.Equal((101637, (DateOnly?)null), (enrolment.School!.Urn, enrolment.EndDate));
    }

    [Theory]
    [InlineData("01-09-2015", 2015, 9, 1)]
    [InlineData("29-02-2024", 2024, 2, 29)]
    [InlineData("01-01-1800", 1800, 1, 1)]
    [InlineData("01/09/2015", 2015, 9, 1)]
    [InlineData("2015-09-01", 2015, 9, 1)]
    public void Gias_dates_are_read_as_gias_and_spreadsheets_write_them(string text, int year, int month, int day)
    {
        Assert.True(GiasImporter.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("29-02-2023")]
    [InlineData("31-04-2015")]
    [InlineData("01-13-2015")]
    [InlineData("1-9-2015")]
    [InlineData("01-09-15")]
    [InlineData("31-12-1799")]
    [InlineData("2015-9-1")]
    [InlineData("01.09.2015")]
    public void Other_dates_are_refused(string text)
    {
        Assert.False(GiasImporter.TryParseDate(text, out _));
    }
}

public sealed class GiasImportTestsOnSqlite() : GiasImportTests(DatabaseProvider.Sqlite);

public sealed class GiasImportTestsOnPostgres() : GiasImportTests(DatabaseProvider.Postgres);
