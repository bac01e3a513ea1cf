using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.Schools;
using Waymark.Testing;
using Waymark.Web.Cli;

namespace Waymark.Web.Tests.Attendance;

/// <summary>
/// `waymark attendance stats` against hand-computed figures, on both databases. Marks are written as
/// <see cref="AttendanceYear"/> rows directly; each test has its own fresh database.
/// </summary>
public abstract class AttendanceStatsCliTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly AcademicYear Year = new(2025);

    private TestDatabase _database = null!;

    private School _s1 = null!;
    private School _s2 = null!;
    private School _s3 = null!;

    /// <summary>The pupils of <see cref="SeedAsync"/> by letter.</summary>
    private readonly Dictionary<char, Child> _pupils = [];

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private string DatabaseArgument => _database.CommandLineArgument;

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WaymarkCli.RunAsync([.. args, "--database", DatabaseArgument], output, error, new StringReader(""));
        return (exit, output.ToString(), error.ToString());
    }

    private Task<(int Exit, string Out, string Err)> StatsAsync(params string[] extra) =>
        RunAsync(["attendance", "stats", "--from", "2025-09-01", "--to", "2026-08-31", .. extra]);

    private static School NewSchool(int urn, int laCode) => new()
    {
        Urn = urn, LaCode = laCode, EstablishmentNumber = urn % 10000, Name = $"School {urn}", Phase = SchoolPhase.Primary, Type = "Community school",
    };

    /// <summary>Marks session after session from 1 September: e.g. ("/", 340), ("N", 38).</summary>
    private static byte[] Marks(params (string Code, int Sessions)[] runs)
    {
        var bytes = new byte[YearMarks.Length];
        var index = 0;
        foreach (var (code, sessions) in runs)
        {
            for (var i = 0; i < sessions; i++)
            {
                bytes[index++] = AttendanceCodes.Get(code).Value;
            }
        }

        return bytes;
    }

    private static Child Pupil(string dob, int serial) =>
        TestWorld.NewChild("Pupil", "Number" + serial, DateOnly.Parse(dob, System.Globalization.CultureInfo.InvariantCulture), Sex.Female, 2101, serial);

    private static AttendanceYear YearOf(Child child, School school, int year, byte[] marks) =>
        new() { Child = child, School = school, AcademicYear = year, Marks = marks, UpdatedAtUtc = DateTime.UtcNow };

    /// <summary>
    /// Three schools, two in LA 823 and one in LA 202, and pupils whose figures are worked out by hand:
    /// A every 2024 code once (aged exactly 5), B exactly 10% absent, C just under 10% (aged 15),
    /// D exactly 50%, E just under 50% (at the other LA's school), F aged 4 and G aged 16 (outside the cohort),
    /// H with only not-counted marks (no possible sessions, so no row anywhere).
    /// </summary>
    private async Task SeedAsync()
    {
        _s1 = NewSchool(900201, 823);
        _s2 = NewSchool(900202, 823);
        _s3 = NewSchool(900301, 202);
        _pupils['A'] = Pupil("2020-08-31", 11);
        _pupils['B'] = Pupil("2013-03-03", 12);
        _pupils['C'] = Pupil("2009-09-01", 13);
        _pupils['D'] = Pupil("2014-02-02", 14);
        _pupils['E'] = Pupil("2011-11-11", 15);
        _pupils['F'] = Pupil("2020-09-01", 16);
        _pupils['G'] = Pupil("2009-08-31", 17);
        _pupils['H'] = Pupil("2015-05-05", 18);

        await using var db = _database.CreateContext();
        db.Schools.AddRange(_s1, _s2, _s3);
        db.Children.AddRange(_pupils.Values);
        var everyCode = AttendanceCodes.All.Where(c => c.WithdrawnFrom is null).Select(c => (c.Code, 1)).ToArray();
        db.AttendanceYears.AddRange(
            YearOf(_pupils['A'], _s1, 2025, Marks([("/", 339), .. everyCode])),
            YearOf(_pupils['B'], _s1, 2025, Marks(("/", 342), ("N", 38))),
            YearOf(_pupils['C'], _s1, 2025, Marks(("/", 343), ("I", 37))),
            YearOf(_pupils['D'], _s2, 2025, Marks(("/", 190), ("G", 100), ("I", 90))),
            YearOf(_pupils['E'], _s3, 2025, Marks(("/", 191), ("O", 189))),
            YearOf(_pupils['F'], _s1, 2025, Marks(("/", 10), ("N", 10))),
            YearOf(_pupils['G'], _s2, 2025, Marks(("/", 100), ("I", 100))),
            YearOf(_pupils['H'], _s2, 2025, Marks(("#", 10), ("Y2", 4))));
        await db.SaveChangesAsync();
    }

    private string Upn(char pupil) => _pupils[pupil].Upn!;

    /// <summary>Expected pupil rows by letter (after the UPN), sorted by UPN as the command must.</summary>
    private string PupilCsv(params (char Pupil, string Figures)[] rows) =>
        AttendanceCommands.PupilHeader + "\n" +
        string.Concat(rows.OrderBy(r => Upn(r.Pupil), StringComparer.Ordinal).Select(r => $"{Upn(r.Pupil)},{r.Figures}\n"));

    // A: present 339 + "/" + L = 341, AEA K V P W B = 5, authorised C1 M J1 S C2 C T R I E = 10,
    //    unauthorised G N O U = 4, not counted X Q Y1-Y7 D Z # = 12; possible 360; 346/360 = 96.11%, 14/360 = 3.89%.
    private const string A = "360,341,5,10,4,12,96.11,3.89,false,false";
    private const string B = "380,342,0,0,38,0,90.00,10.00,true,false";
    private const string C = "380,343,0,37,0,0,90.26,9.74,false,false";
    private const string D = "380,190,0,90,100,0,50.00,50.00,true,true";
    private const string E = "380,191,0,0,189,0,50.26,49.74,true,false";
    private const string F = "20,10,0,0,10,0,50.00,50.00,true,true";
    private const string G = "200,100,0,100,0,0,50.00,50.00,true,true";

    [Fact]
    public async Task By_pupil_gives_every_pupil_with_a_possible_session_sorted_by_upn()
    {
        await SeedAsync();

        var result = await StatsAsync();

        Assert.Equal("", result.Err);
        Assert.Equal(0, result.Exit);
        Assert.Equal(PupilCsv(('A', A), ('B', B), ('C', C), ('D', D), ('E', E), ('F', F), ('G', G)), result.Out);
        Assert.DoesNotContain(Upn('H'), result.Out, StringComparison.Ordinal);
        await using var db = _database.CreateContext();
        Assert.Single(db.AuditEvents, e => e.Action == AuditActions.AttendanceStatisticsProduced);
    }

    [Fact]
    public async Task By_school_follows_the_cohort_rules_and_counts_persistent_absence_per_enrolment()
    {
        await SeedAsync();

        var result = await StatsAsync("--by", "school");

        // S1: A, B, C (F is 4). Present 341+342+343, AEA 5, authorised 10+37, unauthorised 4+38, NC 12; possible 1120;
        // 1031/1120 = 92.05%, 89/1120 = 7.95%; persistent B = 1 of 3. S2: D only (G is 16; H has no possible sessions).
        Assert.Equal(0, result.Exit);
        Assert.Equal(
            AttendanceCommands.GroupHeader + "\n" +
            "900201,3,1120,1026,5,47,42,12,92.05,7.95,33.33,0.00\n" +
            "900202,1,380,190,0,90,100,0,50.00,50.00,100.00,100.00\n" +
            "900301,1,380,191,0,0,189,0,50.26,49.74,100.00,0.00\n",
            result.Out);
    }

    [Fact]
    public async Task By_la_sums_the_enrolments_of_each_LAs_schools()
    {
        await SeedAsync();

        var result = await StatsAsync("--by", "la");

        // LA 823 = S1 + S2: 4 enrolments, possible 1500, 1221/1500 = 81.40%, 279/1500 = 18.60%; B and D persistent (2/4), D severe (1/4).
        Assert.Equal(0, result.Exit);
        Assert.Equal(
            AttendanceCommands.GroupHeader + "\n" +
            "202,1,380,191,0,0,189,0,50.26,49.74,100.00,0.00\n" +
            "823,4,1500,1216,5,137,142,12,81.40,18.60,50.00,25.00\n",
            result.Out);
    }

    [Fact]
    public async Task The_school_filter_reads_only_that_schools_marks()
    {
        await SeedAsync();

        var pupils = await StatsAsync("--school", "900202");
        var la = await StatsAsync("--school", "900201", "--by", "LA");

        Assert.Equal(0, pupils.Exit);
        Assert.Equal(PupilCsv(('D', D), ('G', G)), pupils.Out);
        Assert.Equal(AttendanceCommands.GroupHeader + "\n823,3,1120,1026,5,47,42,12,92.05,7.95,33.33,0.00\n", la.Out);
    }

    [Fact]
    public async Task Json_has_the_same_names_with_numbers_and_booleans()
    {
        await SeedAsync();

        var pupils = await StatsAsync("--format", "json");
        var schools = await StatsAsync("--format", "JSON", "--by", "school");

        Assert.Equal(0, pupils.Exit);
        using var pupilJson = JsonDocument.Parse(pupils.Out);
        Assert.Equal(7, pupilJson.RootElement.GetArrayLength());
        var b = pupilJson.RootElement.EnumerateArray().Single(e => e.GetProperty("upn").GetString() == Upn('B'));
        Assert.Equal(AttendanceCommands.PupilHeader.Split(','), b.EnumerateObject().Select(p => p.Name));
        Assert.Equal(380, b.GetProperty("possible_sessions").GetInt32());
        Assert.Equal(38, b.GetProperty("unauthorised_sessions").GetInt32());
        Assert.Equal(90.00m, b.GetProperty("attendance_rate").GetDecimal());
        Assert.Equal(10.00m, b.GetProperty("overall_absence_rate").GetDecimal());
        Assert.Equal(JsonValueKind.True, b.GetProperty("persistent_absent").ValueKind);
        Assert.Equal(JsonValueKind.False, b.GetProperty("severely_absent").ValueKind);
        Assert.Equal(
            pupilJson.RootElement.EnumerateArray().Select(e => e.GetProperty("upn").GetString()).Order(StringComparer.Ordinal),
            pupilJson.RootElement.EnumerateArray().Select(e => e.GetProperty("upn").GetString()));

        using var schoolJson = JsonDocument.Parse(schools.Out);
        var s1 = schoolJson.RootElement[0];
        Assert.Equal(AttendanceCommands.GroupHeader.Split(','), s1.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, s1.GetProperty("key").ValueKind);
        Assert.Equal(900201, s1.GetProperty("key").GetInt32());
        Assert.Equal(3, s1.GetProperty("enrolments").GetInt32());
        Assert.Equal(92.05m, s1.GetProperty("attendance_rate").GetDecimal());
        Assert.Equal(33.33m, s1.GetProperty("persistent_absence_rate").GetDecimal());
        Assert.Equal(0m, s1.GetProperty("severe_absence_rate").GetDecimal());
    }

    [Fact]
    public async Task A_range_is_clipped_to_its_days_and_may_span_academic_years()
    {
        _s1 = NewSchool(900201, 823);
        var pupil = Pupil("2016-01-01", 21);
        await using (var db = _database.CreateContext())
        {
            db.Schools.Add(_s1);
            db.Children.Add(pupil);
            db.AttendanceYears.AddRange(
                YearOf(pupil, _s1, 2024, Marks(("/", 6), ("C", 2), ("N", 2))), // C: authorised, exceptional circumstances
                YearOf(pupil, _s1, 2025, Marks(("/", 10))));
            await db.SaveChangesAsync();
        }

        var both = await RunAsync("attendance", "stats", "--from", "2024-09-01", "--to", "2026-08-31");
        var bothBySchool = await RunAsync("attendance", "stats", "--from", "01/09/2024", "--to", "31/08/2026", "--by", "school");
        var firstDays = await RunAsync("attendance", "stats", "--from", "2024-09-02", "--to", "2024-09-05");
        var nothing = await RunAsync("attendance", "stats", "--from", "2026-09-01", "--to", "2026-12-31");
        var nothingJson = await RunAsync("attendance", "stats", "--from", "2026-09-01", "--to", "2026-12-31", "--format", "json");

        Assert.Equal(AttendanceCommands.PupilHeader + $"\n{pupil.Upn},20,16,0,2,2,0,80.00,20.00,true,false\n", both.Out);
        // Two enrolments (one a year): only 2024/25's is 20% absent.
        Assert.Equal(AttendanceCommands.GroupHeader + "\n900201,2,20,16,0,2,2,0,80.00,20.00,50.00,0.00\n", bothBySchool.Out);
        // 2 to 5 September 2024: sessions 3 to 10, that is "/" ×4, H ×2, N ×2.
        Assert.Equal(AttendanceCommands.PupilHeader + $"\n{pupil.Upn},8,4,0,2,2,0,50.00,50.00,true,true\n", firstDays.Out);
        Assert.Equal(0, nothing.Exit);
        Assert.Equal(AttendanceCommands.PupilHeader + "\n", nothing.Out);
        Assert.Equal("[]", nothingJson.Out.Trim());
    }

    [Fact]
    public async Task A_pupil_at_two_schools_is_one_pupil_row_and_two_enrolments()
    {
        _s1 = NewSchool(900201, 823);
        _s2 = NewSchool(900202, 823);
        var pupil = Pupil("2014-01-01", 22);
        await using (var db = _database.CreateContext())
        {
            db.Schools.AddRange(_s1, _s2);
            db.Children.Add(pupil);
            // Moved at half term: 3 of 10 absent at the first school (persistent), none of 30 at the second.
            db.AttendanceYears.AddRange(
                YearOf(pupil, _s1, 2025, Marks(("/", 7), ("N", 3))),
                YearOf(pupil, _s2, 2025, Marks(("D", 10), ("/", 30))));
            await db.SaveChangesAsync();
        }

        var pupils = await StatsAsync();
        var la = await StatsAsync("--by", "la");

        Assert.Equal(AttendanceCommands.PupilHeader + $"\n{pupil.Upn},40,37,0,0,3,10,92.50,7.50,false,false\n", pupils.Out);
        Assert.Equal(AttendanceCommands.GroupHeader + "\n823,2,40,37,0,0,3,10,92.50,7.50,50.00,0.00\n", la.Out);
    }

    [Theory]
    [InlineData(new string[] { }, "--from: give the first day")]
    [InlineData(new[] { "--from", "2025-09-01" }, "--to: give the last day")]
    [InlineData(new[] { "--from", "2025-13-01", "--to", "2026-01-01" }, "--from: '2025-13-01' is not a date (yyyy-mm-dd or dd/mm/yyyy)")]
    [InlineData(new[] { "--from", "2025-09-01", "--to", "31.08.2026" }, "--to: '31.08.2026' is not a date")]
    [InlineData(new[] { "--from", "2025-09-01", "--to", "2026-02-30" }, "--to: '2026-02-30' is not a date")]
    [InlineData(new[] { "--from", "2026-09-01", "--to", "2026-08-31" }, "--to: 2026-08-31 is before --from 2026-09-01")]
    [InlineData(new[] { "--from", "2025-09-01", "--to", "2026-08-31", "--by", "year" }, "--by: 'year' is not one of pupil, school, la")]
    [InlineData(new[] { "--from", "2025-09-01", "--to", "2026-08-31", "--format", "xml" }, "--format: 'xml' is not one of csv, json")]
    [InlineData(new[] { "--from", "2025-09-01", "--to", "2026-08-31", "--school", "12345" }, "--school: '12345' is not a 6-digit URN")]
    [InlineData(new[] { "--from", "2025-09-01", "--to", "2026-08-31", "--school", "999999" }, "--school: there is no school with URN 999999")]
    public async Task Bad_arguments_are_a_one_line_error_and_exit_code_2(string[] args, string message)
    {
        var result = await RunAsync(["attendance", "stats", .. args]);

        Assert.Equal(2, result.Exit);
        Assert.StartsWith("error: ", result.Err, StringComparison.Ordinal);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.Single(result.Err.TrimEnd().Split('\n'));
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Help_states_the_cohort_rules()
    {
        var result = await RunAsync("attendance", "stats", "--help");

        Assert.Equal(0, result.Exit);
        Assert.Contains("aged 5 to 15 on the 31 August", result.Out, StringComparison.Ordinal);
        Assert.Contains("per enrolment", result.Out, StringComparison.Ordinal);
    }
}

public sealed class AttendanceStatsCliTestsOnSqlite() : AttendanceStatsCliTests(DatabaseProvider.Sqlite);

public sealed class AttendanceStatsCliTestsOnPostgres() : AttendanceStatsCliTests(DatabaseProvider.Postgres);
