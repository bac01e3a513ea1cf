using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.Schools;
using Waymark.Testing;
using Waymark.Web.Cli;
using Waymark.Web.Tests.Security;

namespace Waymark.Web.Tests.Ctf;

/// <summary>
/// `waymark import ctf`, run in-process exactly as the console would, against a database of its own, with the hand-written
/// files in Ctf/Fixtures (see the README there).
/// </summary>
public abstract class CtfImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Ava = "Z823200114001";
    private const string AvasTemporaryUpn = "Y82320011401A";
    private const string Ben = "N823200114002";
    private const string Cal = "C823200114003";
    private const string CalsTemporaryUpn = "A82320011402B";
    private const string Dee = "R823200114004";

    private TestDatabase _database = null!;
    private School _brookside = null!;

    private string DatabaseArgument => _database.CommandLineArgument;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        _brookside = new School { Urn = 900201, LaCode = 823, EstablishmentNumber = 2001, Name = "Brookside Primary School", Phase = SchoolPhase.Primary, Type = "Community school" };
        db.Schools.AddRange(_brookside,
            new School { Urn = 900202, LaCode = 823, EstablishmentNumber = 4002, Name = "Kingsway Academy", Phase = SchoolPhase.Secondary, Type = "Academy converter" });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    internal static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Ctf", "Fixtures", name);

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WaymarkCli.RunAsync([.. args, "--database", DatabaseArgument], output, error, new StringReader(""));
        return (exit, output.ToString(), error.ToString());
    }

    private Task<(int Exit, string Out, string Err)> ImportAsync(params string[] fixtures) =>
        RunAsync(["import", "ctf", .. fixtures.Select(f => Path.IsPathRooted(f) ? f : Fixture(f))]);

    private static string Copy(string fixture, string name, Func<string, string>? change = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"waymark-ctf-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        var text = File.ReadAllText(Fixture(fixture));
        File.WriteAllText(path, change is null ? text : change(text));
        return path;
    }

    private async Task<Child> ChildAsync(string upn)
    {
        await using var db = _database.CreateContext();
        return await db.Children.AsNoTracking()
            .Include(c => c.FormerUpns).Include(c => c.Statuses).Include(c => c.Address).Include(c => c.Contacts).ThenInclude(k => k.Phones)
            .Include(c => c.SchoolHistory).Include(c => c.Enrolments)
            .AsSplitQuery()
            .SingleAsync(c => c.Upn == upn);
    }

    private async Task<YearMarks?> MarksAsync(string upn, int year)
    {
        await using var db = _database.CreateContext();
        var row = await db.AttendanceYears.AsNoTracking().SingleOrDefaultAsync(y => y.Child!.Upn == upn && y.SchoolId == _brookside.Id && y.AcademicYear == year);
        return row?.ToYearMarks();
    }

    private async Task<DatabaseSnapshot> SnapshotAsync()
    {
        await using var db = _database.CreateContext();
        return await DatabaseSnapshot.TakeAsync(db);
    }

    [Fact]
    public async Task A_CTF_25_file_fills_every_section_of_the_pupils_records()
    {
        var result = await ImportAsync("full-ctf25.xml");

        Assert.True(result.Exit == 0, result.Err);
        Assert.Contains("full-ctf25.xml: from Brookside Primary School (URN 900201) to Kingsway Academy (URN 900202): 2 pupil(s), 2 added, 0 updated, 0 unchanged.",
            result.Out, StringComparison.Ordinal);
        Assert.Contains("Read 1 file(s), 2 pupil(s): 2 added, 0 updated, 0 unchanged.", result.Out, StringComparison.Ordinal);
        Assert.Contains("Attendance: 18 mark(s) new, 0 changed, 0 unchanged.", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 year(s) of marks at schools not in Waymark's register were checked but not stored.", result.Out, StringComparison.Ordinal);

        var ava = await ChildAsync(Ava);
        Assert.Equal(("Ava", "Jo", "EXAMPLE", "Avie", "Example"), (ava.LegalForename, ava.MiddleNames, ava.LegalSurname, ava.PreferredForename, ava.PreferredSurname));
        Assert.Equal(new DateOnly(2015, 5, 17), ava.DateOfBirth);
        Assert.Equal(Sex.Female, ava.Sex);
        Assert.Equal(0, ava.YearGroupOffset);
        Assert.Equal(("WBRI", "ENG", "EM1 2AB"), (ava.EthnicityCode, ava.FirstLanguage, ava.Postcode));
        Assert.Equal([AvasTemporaryUpn], ava.FormerUpns.Select(f => f.Upn));
        Assert.Empty(ava.Enrolments);

        var address = ava.Address!;
        Assert.Equal(("Flat 2", "12", "Example Road", "Northside", "Eastmoor", "Testshire", "Eastmoor"),
            (address.Saon, address.Paon, address.Street, address.Locality, address.Town, address.AdministrativeArea, address.PostTown));
        Assert.Equal(100012345678, address.Uprn);
        Assert.Equal("EM1 2AB", address.Postcode);
        Assert.Equal("CTF full-ctf25.xml", address.Source);
        Assert.Equal(["Flat 2", "12 Example Road", "Northside", "Eastmoor", "Testshire", "EM1 2AB"], address.Lines());

        var contacts = ava.Contacts.OrderBy(c => c.Order).ToList();
        Assert.Equal(2, contacts.Count);
        Assert.Equal((1, "Mrs", "Pat", "Example", "PAR", true, "pat.example@example.org"),
            (contacts[0].Order, contacts[0].Title, contacts[0].Forename, contacts[0].Surname, contacts[0].Relationship, contacts[0].ParentalResponsibility, contacts[0].Email));
        Assert.Equal([("H", "01632 960001"), ("M", "07700 900123")], contacts[0].Phones.OrderBy(p => p.Id).Select(p => (p.Type, p.Number)));
        Assert.Equal((2, "Sam Sample", "FAM", false), (contacts[1].Order, contacts[1].Name, contacts[1].Relationship, contacts[1].ParentalResponsibility));
        Assert.Empty(contacts[1].Phones);

        var history = ava.SchoolHistory.OrderBy(h => h.EntryDate).ToList();
        Assert.Equal(
        [
            ("Hillside Primary School", 330, 2005, (int?)null, new DateOnly(2019, 9, 4), new DateOnly(2024, 7, 19), "Moved house"),
            ("Brookside Primary School", 823, 2001, 900201, new DateOnly(2024, 9, 3), new DateOnly(2026, 7, 22), "End of primary education"),
        ], history.Select(h => (h.SchoolName, h.LaCode!.Value, h.EstablishmentNumber!.Value, h.Urn, h.EntryDate!.Value, h.LeavingDate!.Value, h.LeavingReason!)));

        var statuses = ava.Statuses.OrderBy(s => s.Type).ThenBy(s => s.StartDate)
            .Select(s => (s.Type, s.StartDate, s.EndDate, s.PrimaryNeed, s.SecondaryNeed, s.CareAuthority)).ToList();
        Assert.Equal(
        [
            (ChildStatusType.LookedAfter, new DateOnly(2026, 7, 20), (DateOnly?)null, (SenPrimaryNeed?)null, (SenPrimaryNeed?)null, (int?)823),
            (ChildStatusType.EhcPlan, new DateOnly(2024, 1, 10), null, SenPrimaryNeed.SEMH, SenPrimaryNeed.SLCN, null),
            (ChildStatusType.SenSupport, new DateOnly(2021, 9, 1), new DateOnly(2024, 1, 9), null, null, null),
            (ChildStatusType.FreeSchoolMeals, new DateOnly(2022, 9, 1), new DateOnly(2024, 3, 31), null, null, null),
            (ChildStatusType.FreeSchoolMeals, new DateOnly(2025, 1, 6), null, null, null, null),
        ], statuses);

        var marks = (await MarksAsync(Ava, 2025))!;
        Assert.Equal(new SessionCounts(Present: 10, ApprovedEducationalActivity: 1, Authorised: 3, Unauthorised: 2, NotCounted: 2), marks.CountAll());
        Assert.Equal("C1", marks[new DateOnly(2025, 9, 8), Session.AM]!.Code);
        Assert.Equal("Y1", marks[new DateOnly(2025, 9, 11), Session.PM]!.Code);
        Assert.Equal("I", marks[new DateOnly(2025, 9, 5), Session.AM]!.Code);
        Assert.Equal("B", marks[new DateOnly(2025, 9, 12), Session.AM]!.Code);
        Assert.Null(marks[new DateOnly(2025, 9, 6), Session.AM]);
        Assert.Null(marks[new DateOnly(2025, 9, 15), Session.PM]);

        var ben = await ChildAsync(Ben);
        Assert.Equal((Sex.Male, -1), (ben.Sex, ben.YearGroupOffset));
        Assert.Equal(["The Cottage", "Mill Lane", "Eastmoor", "EM2 3CD"], ben.Address!.Lines());
        Assert.Empty(ben.Statuses);
        Assert.Empty(ben.Contacts);

        await using var db = _database.CreateContext();
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.CtfPupilImported));
        var summary = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.CtfImported);
        Assert.Contains("full-ctf25.xml from Brookside Primary School (URN 900201)", summary.Detail, StringComparison.Ordinal);
        Assert.Contains("marks 18 new", summary.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var first = await ImportAsync("full-ctf25.xml", "ctf24-gender.xml");
        var before = await SnapshotAsync();

        var second = await ImportAsync("full-ctf25.xml", "ctf24-gender.xml");

        Assert.True(first.Exit == 0, first.Err);
        Assert.True(second.Exit == 0, second.Err);
        Assert.Contains("Read 2 file(s), 3 pupil(s): 0 added, 0 updated, 3 unchanged.", second.Out, StringComparison.Ordinal);
        Assert.Contains("Attendance: 0 mark(s) new, 0 changed, 18 unchanged.", second.Out, StringComparison.Ordinal);
        Assert.Empty(before.Differences(await SnapshotAsync(), "AuditEvents", "AuditChainHeads"));
        await using var db = _database.CreateContext();
        Assert.Equal(3, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.CtfPupilImported));
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.CtfImported));
    }

    [Fact]
    public async Task A_CTF_24_file_with_CTFVersion_and_Gender_is_read_and_a_replaced_temporary_UPN_finds_the_child()
    {
        await using (var db = _database.CreateContext())
        {
            var child = new Child
            {
                Id = Guid.NewGuid(), Upn = CalsTemporaryUpn, LegalForename = "Cal", LegalSurname = "Cole", DateOfBirth = new DateOnly(2016, 2, 29), Sex = Sex.Unknown,
            };
            child.RefreshSearchName();
            child.Enrolments.Add(new Enrolment { SchoolId = _brookside.Id, StartDate = new DateOnly(2025, 9, 3), Type = EnrolmentType.Single });
            db.Children.Add(child);
            await db.SaveChangesAsync();
        }

        var result = await ImportAsync("ctf24-gender.xml");

        Assert.True(result.Exit == 0, result.Err);
        Assert.Contains("from Hillside Primary School (330/2005, not in Waymark) to Brookside Primary School (URN 900201)", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 pupil(s), 0 added, 1 updated, 0 unchanged", result.Out, StringComparison.Ordinal);
        var cal = await ChildAsync(Cal);
        Assert.Equal([CalsTemporaryUpn], cal.FormerUpns.Select(f => f.Upn));
        Assert.Equal((Sex.Male, "MOTH", "POL"), (cal.Sex, cal.EthnicityCode, cal.FirstLanguage));
        Assert.Single(cal.Enrolments);
        Assert.Equal(("Chris Cole", "CAR", true), (cal.Contacts.Single().Name, cal.Contacts.Single().Relationship, cal.Contacts.Single().ParentalResponsibility));
        await using var check = _database.CreateContext();
        var audit = await check.AuditEvents.SingleAsync(e => e.Action == AuditActions.CtfPupilImported);
        Assert.Contains($"UPN {CalsTemporaryUpn} replaced by {Cal}", audit.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad-upn-check-letter.xml", "line 13, pupil 1 in the file ('A823200114001'), UPN: UPN check letter should be Z, not A")]
    [InlineData("bad-impossible-dates.xml", "pupil R823200114004, DOB: '2015-02-30' is not a date (yyyy-mm-dd)",
        "pupil R823200114004, SchoolHistory/School[1]/LeavingDate: the leaving date 2023-07-21 is before the entry date 2024-09-03")]
    [InlineData("bad-attendance-code.xml",
        "pupil R823200114004, Attendance/YearData[1]/AttendSessions/AttendanceMarks: character 3 (2025-09-04 AM): '?' is not an attendance code",
        "character 4 (2025-09-04 PM): 'J' was withdrawn on 19 August 2024 and cannot be used for 4 September 2025")]
    [InlineData("bad-sen-type.xml", "pupil R823200114004, SENhistory/SENneeds/SENneed[1]/SENtype: 'ADHD' is not a SEN type of need")]
    [InlineData("bad-sex.xml", "line 17, pupil R823200114004, Sex: 'X' is not a sex code (M, F, or U for not known)")]
    [InlineData("bad-totals.xml",
        "pupil R823200114004, Attendance/YearData[1]/SessionsPossible: the file says 5 for 2025/26 at 823/2001, but the marks give 4")]
    [InlineData("bad-version.xml", "line 6, Header/CTFversion: this is a CTF 23 file; Waymark reads CTF versions 24 and 25 only")]
    [InlineData("bad-not-xml.xml", "line 1: the file is not XML, so it cannot be a Common Transfer File")]
    [InlineData("bad-malformed.xml", "line 14: the file is not well-formed XML")]
    [InlineData("bad-billion-laughs.xml", "the file has a document type declaration (<!DOCTYPE>), which can define entities that expand without end")]
    [InlineData("bad-external-entity.xml", "the file has a document type declaration (<!DOCTYPE>), which can define entities that expand without end")]
    [InlineData("bad-neither-school.xml", "Header: neither the school that sent it, Hillside Primary School (330/2005), nor the destination, school (823/9999), is a school in Waymark's register")]
    public async Task A_broken_file_is_refused_naming_the_place_pupil_element_and_reason_and_nothing_is_saved(string fixture, params string[] expected)
    {
        var before = await SnapshotAsync();

        var result = await ImportAsync(fixture);

        Assert.Equal(1, result.Exit);
        foreach (var text in expected)
        {
            Assert.Contains($"{fixture}: ", result.Err, StringComparison.Ordinal);
            Assert.Contains(text, result.Err, StringComparison.Ordinal);
        }

        Assert.Contains("Nothing was imported", result.Err, StringComparison.Ordinal);
        Assert.Equal("", result.Out);
        Assert.Empty(before.Differences(await SnapshotAsync()));
    }

    [Fact]
    public async Task Totals_that_disagree_are_imported_with_a_warning_only_when_allowed()
    {
        var result = await RunAsync("import", "ctf", Fixture("bad-totals.xml"), "--allow-totals-mismatch");

        Assert.True(result.Exit == 0, result.Err);
        Assert.Contains("bad-totals.xml: warning: line 19, pupil R823200114004, Attendance/YearData[1]/SessionsPossible: the file says 5", result.Err, StringComparison.Ordinal);
        Assert.Contains("Attendance: 4 mark(s) new", result.Out, StringComparison.Ordinal);
        Assert.Equal(4, (await MarksAsync(Dee, 2025))!.CountAll().Possible);
    }

    [Fact]
    public async Task Two_files_where_the_second_is_bad_save_nothing_and_every_file_is_checked()
    {
        var before = await SnapshotAsync();

        var result = await ImportAsync("full-ctf25.xml", "bad-sex.xml", "bad-sen-type.xml");

        Assert.Equal(1, result.Exit);
        Assert.Contains("bad-sex.xml: line 17", result.Err, StringComparison.Ordinal);
        Assert.Contains("bad-sen-type.xml: line ", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("full-ctf25.xml:", result.Err, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported: 2 problem(s) in 2 file(s), 4 pupil(s) read.", result.Err, StringComparison.Ordinal);
        Assert.Empty(before.Differences(await SnapshotAsync()));
    }

    [Fact]
    public async Task A_pupil_in_two_files_of_one_command_is_refused()
    {
        var copy = Copy("full-ctf25.xml", "again.xml");

        var result = await ImportAsync("full-ctf25.xml", copy);

        Assert.Equal(1, result.Exit);
        Assert.Contains($"again.xml: line 24, pupil {Ava}, UPN: the pupil is also in full-ctf25.xml; import the files in separate commands, oldest first",
            result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_YearData_giving_one_session_different_codes_are_refused()
    {
        // Hillside's year becomes a second Brookside register for the same week: Friday morning is '/' there and 'I' in the other.
        var clash = Copy("full-ctf25.xml", "clash.xml", text => text
            .Replace("<Year>2024</Year>\n          <LEA>330</LEA>", "<Year>2025</Year>\n          <LEA>823</LEA>", StringComparison.Ordinal)
            .Replace("<Estab>2005</Estab>\n          <SchoolName>Hillside", "<Estab>2001</Estab>\n          <SchoolName>Hillside", StringComparison.Ordinal)
            .Replace("<AttendanceStartDate>2024-09-04</AttendanceStartDate>", "<AttendanceStartDate>2025-09-03</AttendanceStartDate>", StringComparison.Ordinal));

        var result = await ImportAsync(clash);

        Assert.Equal(1, result.Exit);
        Assert.Contains($"pupil {Ava}, Attendance/YearData[2]/AttendanceMarks: {Ava} 2025-09-05 AM is '/' in an earlier YearData and 'I' here; give each session one code",
            result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_CTF_mark_corrects_a_mark_from_the_CSV_import_through_the_same_register_and_history()
    {
        await using (var db = _database.CreateContext())
        {
            var child = new Child
            {
                Id = Guid.NewGuid(), Upn = Ava, LegalForename = "Ava", LegalSurname = "EXAMPLE", DateOfBirth = new DateOnly(2015, 5, 17), Sex = Sex.Female,
            };
            child.Enrolments.Add(new Enrolment { SchoolId = _brookside.Id, StartDate = new DateOnly(2024, 9, 3), Type = EnrolmentType.Single });
            db.Children.Add(child);
            await db.SaveChangesAsync();
        }

        var csv = Path.Combine(Path.GetTempPath(), $"waymark-ctf-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, $"upn,date,session,code\n{Ava},2025-09-03,AM,N\n{Ava},2025-09-03,PM,\\\n");
        var fromCsv = await RunAsync("import", "attendance", csv);
        var fromCtf = await ImportAsync("full-ctf25.xml");

        Assert.True(fromCsv.Exit == 0, fromCsv.Err);
        Assert.True(fromCtf.Exit == 0, fromCtf.Err);
        Assert.Contains("Attendance: 16 mark(s) new, 1 changed, 1 unchanged.", fromCtf.Out, StringComparison.Ordinal);
        Assert.Contains("1 added, 1 updated, 0 unchanged", fromCtf.Out, StringComparison.Ordinal);
        await using var check = _database.CreateContext();
        var correction = await check.AttendanceMarkChanges.SingleAsync();
        Assert.Equal((new DateOnly(2025, 9, 3), Session.AM, "N", "/", "import ctf full-ctf25.xml"),
            (correction.Date, correction.Session, correction.OldCode, correction.NewCode, correction.Source));
    }

    [Fact]
    public async Task A_later_file_replaces_contacts_and_SEN_adds_school_history_and_never_ends_a_looked_after_episode()
    {
        await ImportAsync("full-ctf25.xml");
        var later = Copy("full-ctf25.xml", "later.xml", text => text
            .Replace("<DateTime>2026-07-20T10:30:00</DateTime>", "<DateTime>2026-09-10T09:00:00</DateTime>", StringComparison.Ordinal)
            .Replace("<InCare>true</InCare>", "<InCare>false</InCare>", StringComparison.Ordinal)
            .Replace("<SENprovision>E</SENprovision>", "<SENprovision>K</SENprovision>", StringComparison.Ordinal)
            .Replace("<Forename>Sam</Forename>", "<Forename>Samira</Forename>", StringComparison.Ordinal)
            .Replace("""
                <LeavingReason>Moved house</LeavingReason>
                        </School>
                """, """
                <LeavingReason>Moved house</LeavingReason>
                        </School>
                        <School>
                          <SchoolName>Kingsway Academy</SchoolName>
                          <LEA>823</LEA>
                          <Estab>4002</Estab>
                          <EntryDate>2026-09-03</EntryDate>
                        </School>
                """, StringComparison.Ordinal));

        var result = await ImportAsync(later);

        Assert.True(result.Exit == 0, result.Err);
        var ava = await ChildAsync(Ava);
        Assert.Equal(["Pat", "Samira"], ava.Contacts.OrderBy(c => c.Order).Select(c => c.Forename));
        Assert.Equal(3, ava.SchoolHistory.Count);
        var sen = ava.Statuses.Where(s => ChildStatusTypes.IsSend(s.Type)).OrderBy(s => s.StartDate).ToList();
        Assert.Equal([(ChildStatusType.SenSupport, new DateOnly(2021, 9, 1), (DateOnly?)null, (SenPrimaryNeed?)SenPrimaryNeed.SEMH)],
            sen.Select(s => (s.Type, s.StartDate, s.EndDate, s.PrimaryNeed)));
        Assert.Single(ava.Statuses, s => s.Type == ChildStatusType.LookedAfter && s.EndDate == null);
        await using var db = _database.CreateContext();
        var audit = await db.AuditEvents.Where(e => e.Action == AuditActions.CtfPupilImported).OrderBy(e => e.Id).LastAsync();
        Assert.Contains("updated from later.xml", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("contacts", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("SEN", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("EhcPlan", audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_that_would_import_differently_each_time_are_refused()
    {
        // A stay given twice, or two contacts in one place, could not be imported the same way twice.
        var twice = Copy("full-ctf25.xml", "twice.xml", text => text
            .Replace("<Order>2</Order>", "<Order>1</Order>", StringComparison.Ordinal)
            .Replace("<SchoolHistory>", """
                <SchoolHistory>
                        <School>
                          <SchoolName>Hillside Primary</SchoolName>
                          <URN>103003</URN>
                          <LEA>330</LEA>
                          <Estab>2005</Estab>
                          <EntryDate>2019-09-04</EntryDate>
                        </School>
                """, StringComparison.Ordinal));

        var result = await ImportAsync(twice);

        Assert.Equal(1, result.Exit);
        Assert.Contains($"pupil {Ava}, Contacts/Contact[2]/Order: two contacts have the order 1", result.Err, StringComparison.Ordinal);
        Assert.Contains($"pupil {Ava}, SchoolHistory/School[2]: the same school and entry date are given twice", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sex_not_known_in_a_later_file_leaves_a_known_sex_alone()
    {
        await ImportAsync("full-ctf25.xml");
        var later = Copy("full-ctf25.xml", "later.xml", text => text.Replace("<Sex>F</Sex>", "<Sex>U</Sex>", StringComparison.Ordinal));

        var result = await ImportAsync(later);

        Assert.True(result.Exit == 0, result.Err);
        Assert.Contains("0 added, 0 updated, 2 unchanged", result.Out, StringComparison.Ordinal);
        Assert.Equal(Sex.Female, (await ChildAsync(Ava)).Sex);
    }

    [Fact]
    public async Task Missing_files_and_unknown_accounts_are_refused_before_anything_is_read()
    {
        var missing = await ImportAsync(Path.Combine(Path.GetTempPath(), "no-such-ctf.xml"));
        var unknownUser = await RunAsync("import", "ctf", Fixture("full-ctf25.xml"), "--user", "nobody@example.org");

        Assert.Equal(1, missing.Exit);
        Assert.Contains("no-such-ctf.xml does not exist", missing.Err, StringComparison.Ordinal);
        Assert.Equal(2, unknownUser.Exit);
        Assert.Contains("--user: no active Waymark account has the email 'nobody@example.org'", unknownUser.Err, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Empty(db.Children);
    }
}

public sealed class CtfImportTestsOnSqlite() : CtfImportTests(DatabaseProvider.Sqlite);

public sealed class CtfImportTestsOnPostgres() : CtfImportTests(DatabaseProvider.Postgres);
