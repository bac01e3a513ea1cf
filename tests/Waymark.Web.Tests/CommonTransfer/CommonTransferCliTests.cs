using System.Globalization;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.CommonTransfer;
using Waymark.Domain.Identifiers;
using Waymark.Domain.Schools;
using Waymark.Domain.Transitions;
using Waymark.Testing;
using Waymark.Web.Cli;

namespace Waymark.Web.Tests.CommonTransfer;

/// <summary>`waymark export ctf` end to end over a database of its own, and the file it writes read back with XDocument.</summary>
public abstract class CommonTransferCliTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly AcademicYear Autumn2025 = new(2025);

    private TestDatabase _database = null!;

    private readonly TestWorld _world = new();

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "waymark-ctf-" + Guid.NewGuid().ToString("N"));

    private static readonly string RunBy = $"command line, run by {Environment.UserName} on {Environment.MachineName}";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        await using var db = _database.CreateContext();
        await _world.SeedAsync(db);
        Directory.CreateDirectory(_folder);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private string DatabaseArgument => _database.CommandLineArgument;

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WaymarkCli.RunAsync([.. args, "--database", DatabaseArgument], output, error, new StringReader(""));
        return (exit, output.ToString().Replace("\r", "", StringComparison.Ordinal), error.ToString().Replace("\r", "", StringComparison.Ordinal));
    }

    /// <summary>
    /// A pupil of the test world's primary school (8232001) with what a CTF carries: names, a former UPN, SEN support then
    /// an EHC plan, in care, an earlier school, a year of marks there and the autumn first half term of 2025 at the primary:
    /// present every weekday from Wednesday 3 September to Friday 24 October, except illness on 15 September, N on the
    /// morning of 16 September, C1 and C2 on 2 October, a planned closure on 10 October, late then Y1 on 22 October, and
    /// no afternoon mark on 24 October. Also a child in need plan and a child protection plan, which must not travel.
    /// </summary>
    private async Task<Child> HalfTermChildAsync()
    {
        await using var db = _database.CreateContext();
        var earlier = new School { Urn = 900077, LaCode = 823, EstablishmentNumber = 2077, Name = "Moorside Infant School", Phase = SchoolPhase.Primary, Type = "Community school" };
        db.Schools.Add(earlier);
        var child = TestWorld.NewChild("Maisie", "Hart", new DateOnly(2015, 2, 14), Sex.Female, 2001, 50);
        child.MiddleNames = "Rose Ann";
        child.PreferredSurname = "Hart-Lee";
        child.PreferredForename = "Mai";
        child.EthnicityCode = "WIRI";
        child.Postcode = "TS2 7QQ";
        child.FormerUpns.Add(new FormerUpn { Upn = "G80120000101A", RecordedAtUtc = DateTime.UtcNow.AddYears(-2) });
        child.FormerUpns.Add(new FormerUpn { Upn = "X00180001701A", RecordedAtUtc = DateTime.UtcNow.AddYears(-1) });
        child.Enrolments.Add(new Enrolment { School = earlier, StartDate = new DateOnly(2019, 9, 4), EndDate = new DateOnly(2022, 7, 22), Type = EnrolmentType.Single });
        child.Enrolments.Add(new Enrolment { SchoolId = _world.Primary.Id, StartDate = new DateOnly(2022, 9, 7), Type = EnrolmentType.Single });
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.SenSupport, StartDate = new DateOnly(2021, 1, 11), EndDate = new DateOnly(2023, 3, 30), PrimaryNeed = SenPrimaryNeed.SLCN });
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.EhcPlan, StartDate = new DateOnly(2023, 3, 31), PrimaryNeed = SenPrimaryNeed.ASD });
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.LookedAfter, StartDate = TestWorld.Today.AddYears(-1) });
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildInNeed, StartDate = TestWorld.Today.AddYears(-2), EndDate = TestWorld.Today.AddYears(-1) });
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.ChildProtectionPlan, StartDate = TestWorld.Today.AddMonths(-3) });
        db.Children.Add(child);
        await db.SaveChangesAsync();

        var before = new YearMarks(new AcademicYear(2021));
        before.Set(new DateOnly(2021, 9, 6), Session.AM, AttendanceCodes.Present);
        before.Set(new DateOnly(2021, 9, 6), Session.PM, AttendanceCodes.Get("O"));
        db.AttendanceYears.Add(new AttendanceYear { ChildId = child.Id, SchoolId = earlier.Id, AcademicYear = 2021, Marks = before.Bytes });

        var marks = new YearMarks(Autumn2025);
        for (var day = new DateOnly(2025, 9, 3); day <= new DateOnly(2025, 10, 24); day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                marks.Set(day, Session.AM, AttendanceCodes.Present);
                marks.Set(day, Session.PM, AttendanceCodes.Present);
            }
        }

        void Mark(int month, int day, Session session, string? code) =>
            marks.Set(new DateOnly(2025, month, day), session, code is null ? null : AttendanceCodes.Get(code));
        Mark(9, 15, Session.AM, "I");
        Mark(9, 15, Session.PM, "I");
        Mark(9, 16, Session.AM, "N");
        Mark(10, 2, Session.AM, "C1");
        Mark(10, 2, Session.PM, "C2");
        Mark(10, 10, Session.AM, "#");
        Mark(10, 10, Session.PM, "#");
        Mark(10, 22, Session.AM, "L");
        Mark(10, 22, Session.PM, "Y1");
        Mark(10, 24, Session.PM, null);
        db.AttendanceYears.Add(new AttendanceYear { ChildId = child.Id, SchoolId = _world.Primary.Id, AcademicYear = 2025, Marks = marks.Bytes });
        await db.SaveChangesAsync();
        return child;
    }

    private static List<string> Names(XElement element) => element.Elements().Select(e => e.Name.LocalName).ToList();

    private static string Value(XElement element, string path) =>
        path.Split('/').Aggregate(element, (e, name) => e.Element(name) ?? throw new Xunit.Sdk.XunitException($"<{e.Name}> has no <{name}>")).Value;

    [Fact]
    public async Task A_file_carries_the_pupils_details_schools_and_a_half_term_of_marks_and_totals()
    {
        var child = await HalfTermChildAsync();

        var result = await RunAsync("export", "ctf", "--child", child.Upn!, "--to", "8234001", "--out", _folder);

        Assert.Equal("", result.Err);
        Assert.Equal(0, result.Exit);
        var path = Path.Combine(_folder, "823LLLL_CTF_8234001_001.xml");
        Assert.Equal(
            [
                path,
                "Common transfer file 823LLLL_CTF_8234001_001.xml from Testshire County Council (823LLLL) to Hollins Academy (8234001): " +
                "1 pupil(s), 2 year(s) of attendance. Recorded in each child's sharing ledger.",
            ],
            result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal("<?xml version=\"1.0\" encoding=\"utf-8\"?>", System.Text.Encoding.UTF8.GetString(bytes).Split('\n')[0]);
        var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        var root = xml.Root!;
        Assert.Equal("CTfile", root.Name.LocalName);
        Assert.Equal(["Header", "CTFpupilData"], Names(root));

        var header = root.Element("Header")!;
        Assert.Equal(["DocumentName", "CTFversion", "DateTime", "DocumentQualifier", "DataDescriptor", "SupplierID", "SourceSchool", "DestSchool"], Names(header));
        Assert.Equal("Common Transfer File", Value(header, "DocumentName"));
        Assert.Equal("25.0", Value(header, "CTFversion"));
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$", Value(header, "DateTime"));
        Assert.Equal("partial", Value(header, "DocumentQualifier"));
        Assert.Equal("CTF", Value(header, "DataDescriptor"));
        Assert.Equal("Waymark", Value(header, "SupplierID"));
        Assert.Equal(["LEA", "Estab", "SchoolName", "AcademicYear"], Names(header.Element("SourceSchool")!));
        Assert.Equal(["823", "LLLL", "Testshire County Council", CtfCodes.HeaderAcademicYear(TestWorld.Today).ToString(CultureInfo.InvariantCulture)],
            header.Element("SourceSchool")!.Elements().Select(e => e.Value));
        Assert.Equal(["LEA", "Estab", "URN"], Names(header.Element("DestSchool")!));
        Assert.Equal(["823", "4001", "900002"], header.Element("DestSchool")!.Elements().Select(e => e.Value));

        var pupil = Assert.Single(root.Element("CTFpupilData")!.Elements());
        Assert.Equal("Pupil", pupil.Name.LocalName);
        Assert.Equal(["UPN", "Surname", "Forename", "DOB", "Sex", "BasicDetails", "LookedAfter", "SENhistory", "Address", "Attendance", "SchoolHistory"], Names(pupil));
        Assert.Equal(child.Upn, Value(pupil, "UPN"));
        Assert.Equal("Hart", Value(pupil, "Surname"));
        Assert.Equal("Maisie", Value(pupil, "Forename"));
        Assert.Equal("2015-02-14", Value(pupil, "DOB"));
        Assert.Equal("F", Value(pupil, "Sex"));

        var basic = pupil.Element("BasicDetails")!;
        Assert.Equal(["FormerUPN", "PreferredSurname", "PreferredForename", "MiddleNames", "NCyearActual", "Ethnicity", "Languages", "EnrolStatus"], Names(basic));
        Assert.Equal("X00180001701A", Value(basic, "FormerUPN"));
        Assert.Equal("Hart-Lee", Value(basic, "PreferredSurname"));
        Assert.Equal("Mai", Value(basic, "PreferredForename"));
        Assert.Equal("Rose Ann", Value(basic, "MiddleNames"));
        Assert.Equal(NationalCurriculumYear.Derive(child.DateOfBirth, AcademicYear.Containing(TestWorld.Today))!.Value.Code, Value(basic, "NCyearActual"));
        Assert.Equal("WIRI", Value(basic, "Ethnicity"));
        Assert.Equal(["LanguageType", "Language"], Names(basic.Element("Languages")!.Element("Type")!));
        Assert.Equal("F", Value(basic, "Languages/Type/LanguageType"));
        Assert.Equal("ENG", Value(basic, "Languages/Type/Language"));
        Assert.Equal("C", Value(basic, "EnrolStatus"));

        Assert.Equal("true", Value(pupil, "LookedAfter/InCare"));
        var sen = pupil.Element("SENhistory")!;
        Assert.Equal(["SEN", "SEN", "SENneeds"], Names(sen));
        Assert.Equal([("2021-01-11", "K"), ("2023-03-31", "E")], sen.Elements("SEN").Select(e => (Value(e, "StartDate"), Value(e, "SENprovision"))));
        Assert.Equal("ASD", Value(sen, "SENneeds/SENneed/SENtype"));
        Assert.Equal("1", Value(sen, "SENneeds/SENneed/SENtypeRank"));
        Assert.Equal("TS2 7QQ", Value(pupil, "Address/PostCode"));

        var years = pupil.Element("Attendance")!.Elements("YearData").ToList();
        Assert.Equal(["2021", "2025"], years.Select(y => Value(y, "Year")));
        var autumn = years[1];
        Assert.Equal(
            ["Year", "LEA", "Estab", "SchoolName", "SessionsPossible", "SessionsAuthorised", "SessionsAttended", "SessionsUnauthorised", "AttendSessions"],
            Names(autumn));
        Assert.Equal(("823", "2001", "Larkfield Primary School"), (Value(autumn, "LEA"), Value(autumn, "Estab"), Value(autumn, "SchoolName")));

        // 38 weekdays are 76 sessions; the closure (2), Y1 (1) and the unmarked afternoon (1) are not possible sessions.
        Assert.Equal("72", Value(autumn, "SessionsPossible"));
        Assert.Equal("4", Value(autumn, "SessionsAuthorised"));
        Assert.Equal("67", Value(autumn, "SessionsAttended"));
        Assert.Equal("1", Value(autumn, "SessionsUnauthorised"));
        Assert.Equal(["AttendanceStartDate", "AttendanceMarks"], Names(autumn.Element("AttendSessions")!));
        Assert.Equal("2025-09-03", Value(autumn, "AttendSessions/AttendanceStartDate"));
        var marks = Value(autumn, "AttendSessions/AttendanceMarks");

        // Two sessions a day; C1, C2 and Y1 keep both characters, the weekend is '#', the unmarked afternoon '-'.
        Assert.StartsWith("/\\/\\/\\####/\\", marks, StringComparison.Ordinal);
        Assert.Equal(107, marks.Length);
        var read = CtfMarksReader.Read(new DateOnly(2025, 9, 3), marks, out var problem)!;
        Assert.Null(problem);
        string On(int month, int day, Session session) =>
            read.Sessions.SingleOrDefault(s => s.Date == new DateOnly(2025, month, day) && s.Session == session).Mark ?? "none";
        Assert.Equal(("none", "none"), (On(9, 6, Session.AM), On(9, 7, Session.PM)));
        Assert.Equal(("/", "\\"), (On(9, 8, Session.AM), On(9, 8, Session.PM)));
        Assert.Equal(("I", "I"), (On(9, 15, Session.AM), On(9, 15, Session.PM)));
        Assert.Equal(("N", "\\"), (On(9, 16, Session.AM), On(9, 16, Session.PM)));
        Assert.Equal(("C1", "C2"), (On(10, 2, Session.AM), On(10, 2, Session.PM)));
        Assert.Equal(("#", "#"), (On(10, 10, Session.AM), On(10, 10, Session.PM)));
        Assert.Equal(("L", "Y1"), (On(10, 22, Session.AM), On(10, 22, Session.PM)));
        Assert.Equal(("/", "none"), (On(10, 24, Session.AM), On(10, 24, Session.PM)));
        Assert.EndsWith("/-", marks, StringComparison.Ordinal);
        Assert.Equal(("Moorside Infant School", "2", "0", "1", "1"), (Value(years[0], "SchoolName"), Value(years[0], "SessionsPossible"),
            Value(years[0], "SessionsAuthorised"), Value(years[0], "SessionsAttended"), Value(years[0], "SessionsUnauthorised")));
        Assert.Equal("2021-09-06", Value(years[0], "AttendSessions/AttendanceStartDate"));
        Assert.Equal("/O", Value(years[0], "AttendSessions/AttendanceMarks"));

        var schools = pupil.Element("SchoolHistory")!.Elements("School").ToList();
        Assert.Equal(["SchoolName", "LEA", "Estab", "URN", "EntryDate", "LeavingDate"], Names(schools[0]));
        Assert.Equal(["Moorside Infant School", "823", "2077", "900077", "2019-09-04", "2022-07-22"], schools[0].Elements().Select(e => e.Value));
        Assert.Equal(["Larkfield Primary School", "823", "2001", "900001", "2022-09-07"], schools[1].Elements().Select(e => e.Value));
    }

    [Fact]
    public async Task The_ledger_audit_and_file_record_name_the_operator_who_ran_it()
    {
        var child = await HalfTermChildAsync();

        var result = await RunAsync("export", "ctf", "--child", child.Id.ToString("D"), "--to", "823/4001", "--out", _folder);

        Assert.Equal(0, result.Exit);
        await using var db = _database.CreateContext();
        var share = await db.InformationShares.SingleAsync(s => s.ChildId == child.Id);
        Assert.Equal(CtfCodes.LedgerWhat, share.What);
        Assert.Equal(ShareBasis.StatutoryDuty, share.Basis);
        Assert.Equal(_world.Secondary.Id, share.RecipientSchoolId);
        Assert.Null(share.SharedByUserId);
        Assert.Equal(TestWorld.Today, share.SharedOn);
        Assert.Equal($"{CtfCodes.LegalBasis}. File 823LLLL_CTF_8234001_001.xml, made on the {RunBy}.", share.Reason);
        Assert.NotNull(share.EndedAtUtc);
        var audit = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.CommonTransferFileExported);
        Assert.Equal(child.Id, audit.ChildId);
        Assert.Null(audit.UserId);
        Assert.Equal($"823LLLL_CTF_8234001_001.xml to Hollins Academy (8234001), 1 pupil(s) ({RunBy})", audit.Detail);
        Assert.Contains(AuditActions.CommonTransferFileExported, AuditActions.ChildReads);
        var record = await db.CommonTransferFiles.SingleAsync();
        Assert.Equal(("823LLLL", "8234001", 1, 1, (string?)null, RunBy), (record.SourceCode, record.DestinationCode, record.Sequence, record.Pupils, record.MadeByUserId, record.MadeVia));
    }

    [Fact]
    public async Task Sequence_numbers_go_up_for_each_pair_and_step_over_files_already_in_the_folder()
    {
        var child = _world.PrimaryChild.Upn!;
        var other = Path.Combine(_folder, "other");
        Directory.CreateDirectory(other);
        await File.WriteAllTextAsync(Path.Combine(other, "823LLLL_CTF_8234001_007.xml"), "kept");
        await File.WriteAllTextAsync(Path.Combine(other, "823LLLL_CTF_8234002_050.xml"), "another pair");

        var first = await RunAsync("export", "ctf", "--child", child, "--to", "8234001", "--out", _folder);
        var second = await RunAsync("export", "ctf", "--child", child, "--to", "8234001", "--out", _folder);
        var third = await RunAsync("export", "ctf", "--child", child, "--to", "8234001", "--out", other);
        var fourth = await RunAsync("export", "ctf", "--child", child, "--to", "8234001", "--out", _folder);
        var missing = await RunAsync("export", "ctf", "--child", child, "--to", "mmmmmmm", "--out", _folder);

        Assert.All(new[] { first, second, third, fourth, missing }, r => Assert.Equal(0, r.Exit));
        Assert.Equal(Path.Combine(_folder, "823LLLL_CTF_8234001_001.xml"), first.Out.Split('\n')[0]);
        Assert.Equal(Path.Combine(_folder, "823LLLL_CTF_8234001_002.xml"), second.Out.Split('\n')[0]);
        Assert.Equal(Path.Combine(other, "823LLLL_CTF_8234001_008.xml"), third.Out.Split('\n')[0]);
        Assert.Equal(Path.Combine(_folder, "823LLLL_CTF_8234001_009.xml"), fourth.Out.Split('\n')[0]);
        Assert.Equal(Path.Combine(_folder, "823LLLL_CTF_MMMMMMM_001.xml"), missing.Out.Split('\n')[0]);
        Assert.Equal("kept", await File.ReadAllTextAsync(Path.Combine(other, "823LLLL_CTF_8234001_007.xml")));
        await using var db = _database.CreateContext();
        Assert.Equal([1, 2, 8, 9], await db.CommonTransferFiles.Where(f => f.DestinationCode == "8234001").OrderBy(f => f.Sequence).Select(f => f.Sequence).ToListAsync());
    }

    [Fact]
    public async Task A_pupil_whose_next_school_is_not_known_goes_to_the_lost_pupils_area_and_no_school_is_named()
    {
        var result = await RunAsync("export", "ctf", "--child", _world.SecondaryChild.Upn!, "--to", "XXXXXXX", "--out", _folder);

        Assert.Equal(0, result.Exit);
        var xml = XDocument.Load(Path.Combine(_folder, "823LLLL_CTF_XXXXXXX_001.xml"));
        Assert.Equal(["XXX", "XXXX"], xml.Root!.Element("Header")!.Element("DestSchool")!.Elements().Select(e => e.Value));
        await using var db = _database.CreateContext();
        var share = await db.InformationShares.SingleAsync(s => s.ChildId == _world.SecondaryChild.Id && s.What == CtfCodes.LedgerWhat);
        Assert.Null(share.RecipientSchoolId);
        Assert.Equal("The lost pupils area of school to school (s2s): leaving the English maintained sector", share.RecipientOrganisation);
        Assert.Null(share.EndedAtUtc);
    }

    [Fact]
    public async Task Several_children_go_in_one_file_in_the_order_given_each_once()
    {
        var result = await RunAsync("export", "ctf", "--child", _world.SecondaryChild.Upn!, _world.PrimaryChild.Id.ToString("D"),
            "--child", _world.SecondaryChild.Id.ToString("D"), _world.CaseloadChild.Upn!.ToLowerInvariant(), "--to", "931LLLL", "--out", _folder);

        Assert.Equal(0, result.Exit);
        Assert.Contains("to Local authority 931 (931LLLL): 3 pupil(s)", result.Out, StringComparison.Ordinal);
        var xml = XDocument.Load(result.Out.Split('\n')[0]);
        Assert.Equal([_world.SecondaryChild.Upn, _world.PrimaryChild.Upn, _world.CaseloadChild.Upn],
            xml.Root!.Element("CTFpupilData")!.Elements("Pupil").Select(p => p.Element("UPN")!.Value));
        await using var db = _database.CreateContext();
        Assert.Equal(3, await db.InformationShares.CountAsync(s => s.What == CtfCodes.LedgerWhat));
        Assert.Equal(3, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.CommonTransferFileExported));
    }

    public static TheoryData<string, string> BadDestinations() => new()
    {
        { "12345", "error: --to: '12345' is not a destination: give the 7-digit LAESTAB of a school" },
        { "999LLLL", "error: --to: '999LLLL': 999 is not a DfE local authority number" },
        { "8239999", "error: --to: 8239999: no school in Waymark's register has this LAESTAB (load it with waymark import schools)" },
        { "8233333", "error: --to: 8233333: Old Mill Primary School is closed" },
        { "823llll", "error: --to: 823LLLL is the sender: a common transfer file goes to another school or authority" },
    };

    [Theory]
    [MemberData(nameof(BadDestinations))]
    public async Task A_bad_destination_is_exit_code_2_with_the_reason_and_nothing_written(string to, string expected)
    {
        await using (var db = _database.CreateContext())
        {
            db.Schools.Add(new School { Urn = 900033, LaCode = 823, EstablishmentNumber = 3333, Name = "Old Mill Primary School", Phase = SchoolPhase.Primary, Type = "Community school", Status = SchoolStatus.Closed });
            await db.SaveChangesAsync();
        }

        var result = await RunAsync("export", "ctf", "--child", _world.PrimaryChild.Upn!, "--to", to, "--out", _folder);

        Assert.Equal(2, result.Exit);
        Assert.StartsWith(expected, result.Err, StringComparison.Ordinal);
        Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Every_unknown_child_and_a_child_without_a_UPN_are_named_and_nothing_is_written()
    {
        Guid noUpn;
        await using (var db = _database.CreateContext())
        {
            var child = TestWorld.NewChild("Known", "Tosocialcare", new DateOnly(2014, 4, 4), Sex.Male, 2001, 60);
            child.Upn = null;
            db.Children.Add(child);
            await db.SaveChangesAsync();
            noUpn = child.Id;
        }

        var result = await RunAsync("export", "ctf", "--child", _world.PrimaryChild.Upn!, "nobody", "X823200101999", noUpn.ToString("D"), "--to", "8234001", "--out", _folder);

        Assert.Equal(2, result.Exit);
        Assert.Equal(
            [
                "error: --child: no child has the Waymark id or UPN 'nobody'",
                "error: --child: no child has the Waymark id or UPN 'X823200101999'",
                $"error: --child: child {noUpn:D} has no UPN, which every pupil in a common transfer file must have",
            ],
            result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task A_missing_folder_or_option_is_refused()
    {
        var folder = await RunAsync("export", "ctf", "--child", _world.PrimaryChild.Upn!, "--to", "8234001", "--out", Path.Combine(_folder, "no", "such"));
        var noTo = await RunAsync("export", "ctf", "--child", _world.PrimaryChild.Upn!);
        var noChild = await RunAsync("export", "ctf", "--to", "8234001");

        Assert.Equal(2, folder.Exit);
        Assert.StartsWith("error: --out: the folder ", folder.Err, StringComparison.Ordinal);
        Assert.NotEqual(0, noTo.Exit);
        Assert.Contains("--to", noTo.Err, StringComparison.Ordinal);
        Assert.NotEqual(0, noChild.Exit);
        Assert.Contains("--child", noChild.Err, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Without_a_named_local_authority_there_is_no_sender_exit_code_1()
    {
        await using (var db = _database.CreateContext())
        {
            db.LocalAuthorities.RemoveRange(db.LocalAuthorities);
            await db.SaveChangesAsync();
        }

        var result = await RunAsync("export", "ctf", "--child", _world.PrimaryChild.Upn!, "--to", "8234001", "--out", _folder);

        Assert.Equal(1, result.Exit);
        Assert.Equal("error: Waymark does not yet know which local authority it serves: name it with waymark la set --code N --name NAME\n", result.Err);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task The_file_carries_nothing_from_social_care_the_transition_profile_or_early_help()
    {
        Child rich;
        await using (var db = _database.CreateContext())
        {
            rich = await RichChild.CreateAsync(db, _world, new DateOnly(2014, 5, 5), lookedAfter: true);
        }

        var result = await RunAsync("export", "ctf", "--child", rich.Upn!, "--to", "8234001", "--out", _folder);

        Assert.Equal(0, result.Exit);
        var text = await File.ReadAllTextAsync(result.Out.Split('\n')[0]);
        var xml = XDocument.Parse(text);
        string[] allowed =
        [
            "CTfile", "Header", "DocumentName", "CTFversion", "DateTime", "DocumentQualifier", "DataDescriptor", "SupplierID", "SourceSchool", "DestSchool",
            "LEA", "Estab", "URN", "SchoolName", "AcademicYear", "CTFpupilData", "Pupil", "UPN", "Surname", "Forename", "DOB", "Sex", "BasicDetails",
            "FormerUPN", "PreferredSurname", "PreferredForename", "MiddleNames", "NCyearActual", "Ethnicity", "Languages", "Type", "LanguageType",
            "Language", "EnrolStatus", "LookedAfter", "InCare", "SENhistory", "SEN", "StartDate", "SENprovision", "SENneeds", "SENneed", "SENtype",
            "SENtypeRank", "Address", "PostCode", "Attendance", "YearData", "Year", "SessionsPossible", "SessionsAuthorised", "SessionsAttended",
            "SessionsUnauthorised", "AttendSessions", "AttendanceStartDate", "AttendanceMarks", "SchoolHistory", "School", "EntryDate", "LeavingDate",
            "LeavingReason", "FSMhistory", "FSMinstance", "FSMstartDate", "FSMendDate", "CareAuthority", "BS7666Address", "SAON", "PAON", "Street",
            "Locality", "Town", "AdministrativeArea", "PostTown", "UniquePropertyReferenceNumber", "AddressLines", "AddressLine1", "AddressLine2",
            "AddressLine3", "AddressLine4", "AddressLine5", "County", "Contacts", "Contact", "Order", "Title", "Relationship", "Responsibility",
            "Phones", "Phone", "TelephoneType", "PhoneNo", "Email",
        ];
        Assert.Empty(xml.Descendants().Select(e => e.Name.LocalName).Distinct().Except(allowed));
        // The record's other tables hold these; a CTF carries none of them. (The contact Pat Record and the markup in the
        // address do travel: they are common transfer information, escaped as XML.)
        foreach (var secret in new[] { "drawing", "Ms Lead", "Mind the Gap", "Insurance", "Suspended", "sibling", "Library", "family", "Visit the new school", "Going well" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(RichChild.Markup, xml.Root!.Descendants("Street").Single().Value);
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Equal(["Pat", RichChild.Formula], xml.Root.Descendants("Contact").Select(c => c.Element("Forename")!.Value));

        // The looked-after episode ended, so the child is not in care now; a child in need plan has no place in a CTF at all.
        Assert.Equal("false", xml.Root!.Descendants("InCare").Single().Value);
    }

    private async Task AssertNothingWrittenAsync()
    {
        Assert.Empty(Directory.GetFiles(_folder, "*.xml", SearchOption.AllDirectories));
        await using var db = _database.CreateContext();
        Assert.False(await db.CommonTransferFiles.AnyAsync());
        Assert.False(await db.InformationShares.AnyAsync(s => s.What == CtfCodes.LedgerWhat));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.CommonTransferFileExported));
    }
}

public sealed class CommonTransferCliTestsOnSqlite() : CommonTransferCliTests(DatabaseProvider.Sqlite);

public sealed class CommonTransferCliTestsOnPostgres() : CommonTransferCliTests(DatabaseProvider.Postgres);
