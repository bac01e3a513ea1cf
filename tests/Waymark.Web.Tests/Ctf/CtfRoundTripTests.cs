using Microsoft.EntityFrameworkCore;
using Waymark.Data;
using Waymark.Data.Entities;
using Waymark.Domain.Attendance;
using Waymark.Domain.Calendar;
using Waymark.Domain.Children;
using Waymark.Domain.CommonTransfer;
using Waymark.Domain.Schools;
using Waymark.Testing;
using Waymark.Web.Cli;

namespace Waymark.Web.Tests.Ctf;

/// <summary>
/// A file `waymark export ctf` writes, read back by `waymark import ctf`: into the same Waymark it changes nothing, and
/// into an empty Waymark with the same schools it makes a record with the same details, statuses, address, contacts,
/// schools and register marks.
/// </summary>
public abstract class CtfRoundTripTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestWorld _world = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "waymark-ctf-round-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private TestDatabase _empty = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _empty = await TestDatabase.CreateAsync(provider);
        await using (var db = _database.CreateContext())
        {
            await _world.SeedAsync(db);
        }

        // The other Waymark has the same register of schools and nobody in it.
        await using (var db = _empty.CreateContext())
        {
            db.Schools.AddRange(
                new School { Urn = _world.Primary.Urn, LaCode = 823, EstablishmentNumber = _world.Primary.EstablishmentNumber, Name = _world.Primary.Name, Phase = SchoolPhase.Primary, Type = "Community school" },
                new School { Urn = _world.Secondary.Urn, LaCode = 823, EstablishmentNumber = _world.Secondary.EstablishmentNumber, Name = _world.Secondary.Name, Phase = SchoolPhase.Secondary, Type = "Academy converter" });
            await db.SaveChangesAsync();
        }

        Directory.CreateDirectory(_folder);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _empty.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(TestDatabase database, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await WaymarkCli.RunAsync([.. args, "--database", database.CommandLineArgument], output, error, new StringReader(""));
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A pupil with something in every block a CTF carries.</summary>
    private async Task<Child> FullRecordAsync()
    {
        await using var db = _database.CreateContext();
        var child = TestWorld.NewChild("Nia", "Okafor", new DateOnly(2015, 3, 9), Sex.Female, 2001, 61);
        child.MiddleNames = "Grace";
        child.PreferredForename = "Nee";
        child.EthnicityCode = "BAFR";
        child.Postcode = "TS4 2PL";
        child.Enrolments.Add(new Enrolment { SchoolId = _world.Primary.Id, StartDate = new DateOnly(2021, 9, 6), Type = EnrolmentType.Single });
        child.SchoolHistory.Add(new SchoolHistoryEntry
        {
            SchoolName = "Riverside Infant School", LaCode = 931, EstablishmentNumber = 2104, Urn = 131313, EntryDate = new DateOnly(2019, 9, 4),
            LeavingDate = new DateOnly(2021, 7, 21), LeavingReason = "Moved house", Source = "CTF earlier.xml", RecordedAtUtc = DateTime.UtcNow,
        });
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.SenSupport, StartDate = new DateOnly(2020, 1, 13), EndDate = new DateOnly(2023, 3, 30), PrimaryNeed = SenPrimaryNeed.SLCN });
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.EhcPlan, StartDate = new DateOnly(2023, 3, 31), PrimaryNeed = SenPrimaryNeed.ASD, SecondaryNeed = SenPrimaryNeed.SEMH });
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.LookedAfter, StartDate = TestWorld.Today.AddYears(-1), CareAuthority = 931 });
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.FreeSchoolMeals, StartDate = new DateOnly(2020, 10, 1), EndDate = new DateOnly(2022, 3, 31) });
        child.Statuses.Add(new ChildStatus { Type = ChildStatusType.FreeSchoolMeals, StartDate = new DateOnly(2023, 1, 9) });
        child.Address = new ChildAddress
        {
            Saon = "Flat 2", Paon = "14", Street = "Mill Lane", Locality = "Eastmoor", Town = "Testbridge", PostTown = "TESTBRIDGE", Uprn = 100023456789,
            County = "Testshire", Postcode = "TS4 2PL", Source = "CTF earlier.xml", RecordedAtUtc = DateTime.UtcNow,
        };
        child.Contacts.Add(new ChildContact
        {
            Order = 1, Title = "Ms", Forename = "Ada", Surname = "Okafor", Relationship = "CAR", ParentalResponsibility = true, Email = "ada@example.org",
            Phones = [new ChildContactPhone { Type = "M", Number = "07700 900456" }, new ChildContactPhone { Type = "W", Number = "01632 960001" }],
        });
        child.Contacts.Add(new ChildContact { Order = 2, Forename = "Sam", Surname = "Okafor", Relationship = "PAR", ParentalResponsibility = false });
        db.Children.Add(child);
        await db.SaveChangesAsync();

        var year = new AcademicYear(2025);
        var marks = new YearMarks(year);
        for (var day = new DateOnly(2025, 9, 3); day <= new DateOnly(2025, 10, 17); day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                marks.Set(day, Session.AM, AttendanceCodes.Present);
                marks.Set(day, Session.PM, AttendanceCodes.Present);
            }
        }

        marks.Set(new DateOnly(2025, 9, 10), Session.AM, AttendanceCodes.Get("I"));
        marks.Set(new DateOnly(2025, 9, 11), Session.PM, AttendanceCodes.Get("C1"));
        marks.Set(new DateOnly(2025, 9, 12), Session.AM, AttendanceCodes.Get("J1"));
        marks.Set(new DateOnly(2025, 9, 12), Session.PM, AttendanceCodes.Get("Y3"));
        marks.Set(new DateOnly(2025, 9, 19), Session.AM, AttendanceCodes.Get("#"));
        marks.Set(new DateOnly(2025, 9, 19), Session.PM, AttendanceCodes.Get("#"));
        marks.Set(new DateOnly(2025, 9, 25), Session.PM, null);
        marks.Set(new DateOnly(2025, 10, 1), Session.AM, AttendanceCodes.Get("O"));
        db.AttendanceYears.Add(new AttendanceYear { ChildId = child.Id, SchoolId = _world.Primary.Id, AcademicYear = 2025, Marks = marks.Bytes });
        await db.SaveChangesAsync();
        return child;
    }

    /// <summary>What a CTF carries of a record, as text, so two records compare in one assertion with a readable difference.</summary>
    /// <param name="pastNeeds">Include the needs of SEN episodes that have ended. A CTF's SENneeds are the pupil's needs
    /// now, so another Waymark cannot learn them.</param>
    private static async Task<List<string>> CarriedAsync(TestDatabase database, string upn, bool enrolmentsAsHistory, bool pastNeeds = true)
    {
        await using var db = database.CreateContext();
        var child = await db.Children.AsNoTracking().AsSplitQuery()
            .Include(c => c.Statuses).Include(c => c.Address).Include(c => c.Contacts).ThenInclude(c => c.Phones)
            .Include(c => c.SchoolHistory).Include(c => c.Enrolments).ThenInclude(e => e.School)
            .SingleAsync(c => c.Upn == upn);
        var lines = new List<string>
        {
            $"{child.LegalForename} {child.MiddleNames} {child.LegalSurname} ({child.PreferredForename} {child.PreferredSurname}) {child.DateOfBirth:yyyy-MM-dd} {child.Sex}",
            $"year group offset {child.YearGroupOffset}, ethnicity {child.EthnicityCode}, language {CtfCodes.LanguageCode(child.FirstLanguage)}, postcode {child.Postcode}",
        };
        lines.AddRange(child.Statuses
            .Where(s => s.Type is ChildStatusType.SenSupport or ChildStatusType.EhcPlan or ChildStatusType.FreeSchoolMeals)
            .OrderBy(s => s.Type).ThenBy(s => s.StartDate)
            .Select(s => s.EndDate is null || pastNeeds || s.Type == ChildStatusType.FreeSchoolMeals
                ? $"{s.Type} {s.StartDate:yyyy-MM-dd}–{s.EndDate:yyyy-MM-dd} {s.PrimaryNeed} {s.SecondaryNeed}"
                : $"{s.Type} {s.StartDate:yyyy-MM-dd}–{s.EndDate:yyyy-MM-dd}"));
        lines.AddRange(child.Statuses.Where(s => s.Type == ChildStatusType.LookedAfter && s.IsCurrentOn(TestWorld.Today))
            .Select(s => $"looked after now, by {s.CareAuthority}"));
        lines.Add("address: " + string.Join(", ", child.Address?.Lines() ?? []) + $" UPRN {child.Address?.Uprn}");
        lines.AddRange(child.Contacts.OrderBy(c => c.Order).Select(c =>
            $"contact {c.Order}: {c.Name} {c.Relationship} PR={c.ParentalResponsibility} {c.Email} " +
            string.Join(" ", c.Phones.OrderBy(p => p.Id).Select(p => $"{p.Type}:{p.Number}"))));
        var schools = child.SchoolHistory.Select(h => $"school {h.SchoolName} {h.LaCode}/{h.EstablishmentNumber} {h.Urn} {h.EntryDate:yyyy-MM-dd}–{h.LeavingDate:yyyy-MM-dd} {h.LeavingReason}").ToList();
        if (enrolmentsAsHistory)
        {
            schools.AddRange(child.Enrolments.Select(e => $"school {e.School!.Name} {e.School.LaCode}/{e.School.EstablishmentNumber} {e.School.Urn} {e.StartDate:yyyy-MM-dd}–{e.EndDate:yyyy-MM-dd} "));
        }

        lines.AddRange(schools.Order(StringComparer.Ordinal));
        var years = await db.AttendanceYears.AsNoTracking().Include(y => y.School).Where(y => y.ChildId == child.Id).OrderBy(y => y.AcademicYear).ToListAsync();
        foreach (var year in years)
        {
            var marks = year.ToYearMarks();
            lines.Add($"marks {year.AcademicYear} at {year.School!.EstablishmentNumber}: " +
                string.Join(" ", marks.Marked(new AcademicYear(year.AcademicYear).Start, new AcademicYear(year.AcademicYear).End)
                    .Select(m => $"{m.Date:MMdd}{m.Session}{m.Code.Code}")));
        }

        return lines;
    }

    private async Task<string> ExportAsync(Child child)
    {
        var exported = await RunAsync(_database, "export", "ctf", "--child", child.Upn!, "--to", "8234001", "--out", _folder);
        Assert.True(exported.Exit == 0, exported.Err);
        return exported.Out.Split('\n')[0].Trim();
    }

    [Fact]
    public async Task A_file_Waymark_wrote_imports_back_into_the_same_Waymark_changing_nothing()
    {
        var child = await FullRecordAsync();
        var before = await CarriedAsync(_database, child.Upn!, enrolmentsAsHistory: false);
        var file = await ExportAsync(child);

        var imported = await RunAsync(_database, "import", "ctf", file);

        Assert.True(imported.Exit == 0, imported.Err + imported.Out);
        Assert.Contains("1 pupil(s): 0 added, 0 updated, 1 unchanged.", imported.Out, StringComparison.Ordinal);
        Assert.Contains("Attendance: 0 mark(s) new, 0 changed, 65 unchanged.", imported.Out, StringComparison.Ordinal);
        Assert.Equal(before, await CarriedAsync(_database, child.Upn!, enrolmentsAsHistory: false));
        await using var db = _database.CreateContext();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == AuditActions.CtfPupilImported));
    }

    [Fact]
    public async Task A_file_Waymark_wrote_makes_the_same_record_in_another_Waymark()
    {
        var child = await FullRecordAsync();
        var original = await CarriedAsync(_database, child.Upn!, enrolmentsAsHistory: true, pastNeeds: false);
        var file = await ExportAsync(child);

        var imported = await RunAsync(_empty, "import", "ctf", file);

        Assert.True(imported.Exit == 0, imported.Err + imported.Out);
        Assert.Contains("1 pupil(s): 1 added, 0 updated, 0 unchanged.", imported.Out, StringComparison.Ordinal);

        // The enrolment at the primary school comes over as school history: the roll is the other Waymark's own.
        Assert.Equal(original, await CarriedAsync(_empty, child.Upn!, enrolmentsAsHistory: true, pastNeeds: false));
        Assert.Equal(13, original.Count);
    }
}

public sealed class CtfRoundTripTestsOnSqlite() : CtfRoundTripTests(DatabaseProvider.Sqlite);

public sealed class CtfRoundTripTestsOnPostgres() : CtfRoundTripTests(DatabaseProvider.Postgres);
